export * from "./admission-lottery.ts";
export * from "./class-balance.ts";
