/** 督导 in the field: 责任督学 rules, checklists, findings (docs/inspection.md). */
export * from "./rules.ts";
export * from "./checklist.ts";
export * from "./visit.ts";
