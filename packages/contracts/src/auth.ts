import { z } from "zod";
import { ROLES as ROLE_VALUES } from "@luoshi/common";

/** 角色 codes (labels come with the user). */
export const RoleCode = z.enum(ROLE_VALUES);
export type RoleCode = z.infer<typeof RoleCode>;

/** Login names: letters, digits, dot, dash, underscore; 3–64 characters. */
export const Login = z
  .string()
  .trim()
  .min(3, { error: "登录名至少 3 个字符" })
  .max(64, { error: "登录名最多 64 个字符" })
  .regex(/^[A-Za-z0-9._-]+$/, { error: "登录名只能包含字母、数字、点、短横线和下划线" });

/** POST /api/auth/login */
export const LoginBody = z.strictObject({
  login: z.string().min(1, { error: "请输入登录名" }).max(64, { error: "登录名最多 64 个字符" }),
  password: z.string().min(1, { error: "请输入口令" }).max(128, { error: "口令最多 128 个字符" }),
});
export type LoginBody = z.infer<typeof LoginBody>;

/** POST /api/auth/password */
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128, { error: "口令最多 128 个字符" }),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** The signed-in user as the interface needs it. */
export const SessionUser = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: RoleCode,
  roleLabel: z.string(),
  orgUnit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  mustChangePassword: z.boolean(),
  /**
   * The second factor (TOTP): `pending` — the password was right, the code is still owed (only the code
   * step and logout answer); `mustEnrol` — this account must bind an authenticator before anything else;
   * `enrolled` — it has one.
   */
  secondFactor: z.object({ enrolled: z.boolean(), mustEnrol: z.boolean(), pending: z.boolean() }),
  permissions: z.array(z.string()),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({ user: SessionUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const CsrfResponse = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof CsrfResponse>;

/** 动态口令 (6 digits) or a recovery code (xxxx-xxxx), for the login step and enrolment. */
export const SecondFactorCodeBody = z.object({
  code: z
    .string()
    .trim()
    .min(6, { error: "请输入 6 位动态口令或恢复码" })
    .max(20, { error: "请输入 6 位动态口令或恢复码" }),
});
export type SecondFactorCodeBody = z.infer<typeof SecondFactorCodeBody>;

/** Whether the signed-in account has a second factor, and how many recovery codes it has left. */
export const SecondFactorStatus = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  confirmedAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

/** A new secret to bind: the key to type in by hand, the otpauth:// link, and its QR code as SVG. */
export const SecondFactorEnrolment = z.object({
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});
export type SecondFactorEnrolment = z.infer<typeof SecondFactorEnrolment>;

/** The recovery codes, shown once after the binding is confirmed. */
export const SecondFactorRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type SecondFactorRecoveryCodes = z.infer<typeof SecondFactorRecoveryCodes>;
