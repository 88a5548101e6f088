export * from "./client.ts";
export * from "./migrate.ts";
export * from "./schema.ts";
export * from "./repos/org-unit.repo.ts";
export * from "./repos/user.repo.ts";
export * from "./repos/session.repo.ts";
export * from "./repos/audit.repo.ts";
export * from "./repos/plan.repo.ts";
