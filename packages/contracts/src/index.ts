export * from "./common.ts";
export * from "./auth.ts";
export * from "./org.ts";
export * from "./users.ts";
export * from "./audit.ts";
export * from "./plans.ts";
export * from "./tasks.ts";
export * from "./stats.ts";
