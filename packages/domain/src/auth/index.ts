export * from "./roles.ts";
export * from "./password-policy.ts";
