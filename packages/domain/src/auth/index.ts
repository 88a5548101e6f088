export * from "./roles.ts";
export * from "./password-policy.ts";
export * from "./bulk-accounts.ts";
export * from "./labels.ts";
