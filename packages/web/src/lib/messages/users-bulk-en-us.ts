import type { usersBulkZhCN } from "./users-bulk-zh-cn.ts";

/** Bulk accounts in English; must carry every key of the Chinese strings. */
export const usersBulkEnUS: Record<keyof typeof usersBulkZhCN, string> = {
  "users.bulk": "Open accounts in bulk",
  "users.bulkTitle": "Open accounts in bulk",
  "users.bulkUnit": "Unit",
  "users.bulkUnitPlaceholder": "Choose a county, township or school",
  "users.bulkKinds": "Open accounts for",
  "users.bulkKind.school": "Schools",
  "users.bulkKind.department": "Departments",
  "users.bulkRule":
    "One account per school and per department, the login being the unit code, with a random initial password to be changed at first login. The education bureau and its offices (staff there use personal accounts), closed units and units that have an account already get none.",
  "users.bulkSummary": "{count} accounts to open, {skipped} units skipped",
  "users.bulkUnitName": "Unit",
  "users.bulkSubmit": "Open and download",
  "users.bulkDone": "{count} accounts opened; the file of initial accounts has been downloaded.",
  "users.bulkOnce":
    "The file is given this once: initial passwords are stored nowhere and cannot be downloaded again. Hand it to each unit's contact through a secure channel and delete it afterwards; reset the password of any account whose password is lost.",
  "users.bulkClose": "I have kept it safe",
};
