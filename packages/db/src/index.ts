export * from "./client.ts";
export * from "./db.ts";
export { attachAuditKey } from "./audit-key.ts";
export * from "./field-crypto.ts";
export * from "./encrypted-columns.ts";
export * from "./migrate.ts";
export * from "./schema.ts";
export * from "./scope.ts";
export * from "./repos/org-unit.repo.ts";
export * from "./repos/org-registry.repo.ts";
export * from "./repos/org-unit-change.repo.ts";
export * from "./repos/user.repo.ts";
export * from "./repos/session.repo.ts";
export * from "./repos/audit.repo.ts";
export * from "./repos/plan.repo.ts";
export * from "./repos/task.repo.ts";
export * from "./repos/task-detail.repo.ts";
export * from "./repos/task-write.repo.ts";
export * from "./repos/stats.repo.ts";
export * from "./repos/stats-undo.repo.ts";
export * from "./repos/supervision.repo.ts";
export * from "./repos/indicator.repo.ts";
export * from "./repos/scenario.repo.ts";
export * from "./repos/evaluation.repo.ts";
export * from "./repos/installation.repo.ts";
export * from "./repos/backup.repo.ts";
export * from "./repos/data-version.repo.ts";
<<<<<<< HEAD
export * from "./repos/student.repo.ts";
export * from "./repos/student-movement.repo.ts";
=======
export * from "./repos/field-rotation.repo.ts";
>>>>>>> pii
