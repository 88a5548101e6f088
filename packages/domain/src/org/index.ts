export * from "./org-unit.ts";
export * from "./unit-history.ts";
export * from "./jurisdiction.ts";
