export * from "./carried-links.ts";
export * from "./plan-diff.ts";
export * from "./document-level.ts";
export * from "./adoption.ts";
export * from "./plan-report.ts";
export * from "./unit-names.ts";
