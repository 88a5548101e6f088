export * from "./config.ts";
export * from "./context.ts";
export * from "./errors.ts";
export * from "./http/app.ts";
export * from "./runtime.ts";
export {
  PASSWORD_MAX_AGE_MS,
  type AuthenticatedSession,
  type ClientInfo,
  type SessionAccount,
} from "./services/accounts/session.ts";
export * from "./services/accounts/login.service.ts";
export * from "./services/accounts/authenticate.service.ts";
export * from "./services/accounts/logout.service.ts";
export * from "./services/accounts/change-password.service.ts";
export * from "./services/access/authorize.ts";
export { setClearance } from "./services/access/clearance.ts";
export * from "./services/accounts/list-users.service.ts";
export * from "./services/accounts/create-user.service.ts";
export * from "./services/accounts/reset-password.service.ts";
export * from "./services/accounts/dormant-accounts.service.ts";
export { resetSecondFactor } from "./services/accounts/second-factor.service.ts";
export { createBulkAccounts } from "./services/accounts/bulk-accounts.service.ts";
export {
  INITIAL_ACCOUNT_HEADERS,
  initialAccountRows,
  initialAccountsXlsx,
} from "./reports/initial-accounts-xlsx.ts";
export * from "./services/demo/demo.service.ts";
export * from "./services/audit/audit-query.service.ts";
export * from "./services/backup/backup.service.ts";
export * from "./services/pii/rotate-field-key.service.ts";
export * from "./services/pii/reveal.service.ts";
export {
  BACKUP_ALGORITHMS,
  parseBackupKey,
  readBackupHeader,
  type BackupAlgorithm,
  type BackupKey,
} from "./services/backup/backup-file.ts";
export * from "./services/org/org-import.service.ts";
export * from "./services/plans/plan-import.service.ts";
export * from "./documents/decode.ts";
export { readDocument, type ReadDocument } from "./documents/read-document.ts";
export { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from "./documents/limits.ts";
export * from "./services/statistics/stats-import.service.ts";
export * from "./services/statistics/stats-indicators.service.ts";
export * from "./services/statistics/stats-catalogue.service.ts";
export * from "./reports/catalogue-xlsx.ts";
export * from "./reports/stats-workbook.ts";
export * from "./services/ledger/ledger-task.ts";
export * from "./services/ledger/task-access.ts";
export * from "./services/ledger/list-tasks.ts";
export * from "./services/ledger/create-task.ts";
export * from "./services/ledger/act-on-task.ts";
export * from "./services/ledger/bulletin.ts";
export * from "./services/ledger/issue-bulletin.ts";
export * from "./services/ledger/dispatch.ts";
export * from "./services/ledger/remind-missing.ts";
export * from "./services/ledger/scoreboard.ts";
export * from "./services/ledger/export-ledger.ts";
export { workbenchFor } from "./services/ledger/workbench.ts";
export { forgetLedgerLights } from "./services/ledger/light-cache.ts";
export * from "./services/evaluation/evaluation.service.ts";
export * from "./services/org/registry-preview.service.ts";
export * from "./services/org/registry-apply.service.ts";
export { registryTemplateXlsx } from "./services/org/registry-template.service.ts";
export * from "./services/org/init-jurisdiction.service.ts";
export { getInstallation, listDivisions } from "./services/org/installation.service.ts";
export { DIVISION_SOURCE } from "./services/org/division-data.ts";
export { prepareSetupToken, discardSetupToken, SETUP_TOKEN_FILE } from "./services/org/setup-token.ts";
export * from "./reports/jiceng-workbook.ts";
export { zipWorkbooks } from "./services/statistics/jiceng-upload.ts";
export { importRegistry } from "./services/registry/registry-import.service.ts";
export { loadDemoRegistry, writeRegistry } from "./services/registry/registry-demo.service.ts";
export { registryRetention } from "./services/dropout/retention.service.ts";
export { loadDemoDropout } from "./services/dropout/dropout-demo.service.ts";
export { openCaseForPupil } from "./services/dropout/case-open.ts";
export { loadDemoAttendance } from "./services/attendance/attendance-demo.service.ts";
export { raiseAbsenceFlags } from "./services/attendance/attendance.service.ts";
