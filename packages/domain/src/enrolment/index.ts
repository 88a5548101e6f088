export * from "./admission-lottery.ts";
export * from "./class-balance.ts";
export * from "./catchment.ts";
export * from "./application.ts";
