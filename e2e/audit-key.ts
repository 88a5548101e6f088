/** The audit key of the browser tests' servers and their shared demo folder (tests only). */
export const E2E_AUDIT_KEY = "luoshi-e2e-audit-key-not-for-production";

/**
 * The field keyring of the same servers and folder (tests only), as LUOSHI_FIELD_KEY: fixed, so that a
 * copy of the demo folder opens its encrypted fields, and no key file is left beside a test's folder.
 */
export const E2E_FIELD_KEY = `current=e2e1;index=${"e2e1".repeat(16)};key.e2e1=${"e2e2".repeat(16)}`;
