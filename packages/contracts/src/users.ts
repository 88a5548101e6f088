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

/** 批量开通账号: which kinds of unit get an account (学校 → schoolUser, 责任单位 → unitUser). */
export const BULK_ACCOUNT_KIND_VALUES = ["school", "department"] as const;
const BulkAccountKind = z.enum(BULK_ACCOUNT_KIND_VALUES, { error: "kinds 只能是 school、department" });

/** `GET /api/users/bulk/preview?unitId=&kinds=school,department` (kinds default to both). */
export const BulkAccountsQuery = z.object({
  unitId: Id,
  kinds: z
    .string()
    .regex(/^[a-z]+(,[a-z]+)*$/, { error: "kinds 应为逗号分隔的 school、department" })
    .transform((s) => [...new Set(s.split(","))])
    .pipe(z.array(BulkAccountKind))
    .default(["school", "department"]),
});
export type BulkAccountsQuery = z.infer<typeof BulkAccountsQuery>;

/** `POST /api/users/bulk` — answers the one-time password file (.xlsx). */
export const BulkAccountsBody = z.strictObject({
  unitId: Id,
  kinds: z
    .array(BulkAccountKind)
    .min(1, { error: "请至少选择一类单位" })
    .transform((k) => [...new Set(k)]),
});
export type BulkAccountsBody = z.infer<typeof BulkAccountsBody>;

const BulkUnitItem = z.object({
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  kind: BulkAccountKind,
});

/** What a bulk creation would do: the accounts it would open and the units it would skip, and why. */
export const BulkAccountsPreview = z.object({
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  accounts: z.array(
    BulkUnitItem.extend({
      login: z.string(),
      displayName: z.string(),
      role: RoleCode,
      roleLabel: z.string(),
    }),
  ),
  skipped: z.array(
    BulkUnitItem.extend({
      reason: z.enum(["has-account", "closed", "bureau"]),
      reasonLabel: z.string(),
    }),
  ),
});
export type BulkAccountsPreview = z.infer<typeof BulkAccountsPreview>;
