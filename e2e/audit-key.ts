/** The audit key of the browser tests' servers and their shared demo folder (tests only). */
export const E2E_AUDIT_KEY = "luoshi-e2e-audit-key-not-for-production";
