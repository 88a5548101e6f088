export * from "./org-unit.ts";
