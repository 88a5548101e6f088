export * from "./plan-diff.ts";
