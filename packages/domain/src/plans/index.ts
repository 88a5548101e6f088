export * from "./carried-links.ts";
export * from "./plan-diff.ts";
export * from "./document-level.ts";
export * from "./unit-names.ts";
