import { z } from "zod";
import { Id, PageQuery, pageOf } from "./common.ts";
import { Login, RoleCode } from "./auth.ts";

/** A user row in the administration list. */
export const UserSummary = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: RoleCode,
  roleLabel: z.string(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = PageQuery;
export const UserPage = pageOf(UserSummary);
export type UserPage = z.infer<typeof UserPage>;

/** POST /api/users — the temporary password is generated and shown once. */
export const UserCreateBody = z.strictObject({
  login: Login,
  displayName: z.string().trim().min(1, { error: "请输入姓名" }).max(50, { error: "姓名最多 50 个字符" }),
  role: RoleCode,
  orgUnitId: Id,
});
export type UserCreateBody = z.infer<typeof UserCreateBody>;

export const UserCreatedResponse = z.object({ user: UserSummary, temporaryPassword: z.string() });
export type UserCreatedResponse = z.infer<typeof UserCreatedResponse>;

export const PasswordResetResponse = z.object({ temporaryPassword: z.string() });
export type PasswordResetResponse = z.infer<typeof PasswordResetResponse>;
