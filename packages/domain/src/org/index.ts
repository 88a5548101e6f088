export * from "./org-unit.ts";
export * from "./unit-history.ts";
export * from "./registry-codes.ts";
export * from "./school-registry.ts";
export * from "./registry-departments.ts";
export * from "./registry-diff.ts";
export * from "./registry-plan.ts";
export * from "./registry-synthetic.ts";
