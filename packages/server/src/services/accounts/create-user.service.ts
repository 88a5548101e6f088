import { assignableRoles, can, ROLE_LABELS } from "@luoshi/domain/auth";
import { inTransaction, orgUnitRepo, userRepo, type UserRow } from "@luoshi/db";
import type { UserCreateBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { generatePassword, hashPassword } from "./passwords.ts";
import { assertInScope } from "../access/scope.ts";

/** The fields of a user that the trail may show (never the password hash). */
function auditView(u: UserRow) {
  return { login: u.login, displayName: u.display_name, role: u.role, orgUnitId: u.org_unit_id };
}

/**
 * 新建用户. The temporary password is generated here and returned once; the user must change it at
 * first login. Logins are unique regardless of case.
 */
export async function createUser(
  deps: ServiceDeps,
  actor: Actor,
  input: UserCreateBody,
  options: { mustChangePassword?: boolean; password?: string } = {},
): Promise<{ user: UserRow; temporaryPassword: string }> {
  if (actor.role === null || !(can(actor.role, "user.write") || can(actor.role, "user.grant"))) {
    throw new AppError("forbidden", "您的角色无权执行此操作");
  }
  if (!assignableRoles(actor.role).includes(input.role)) {
    throw new AppError("forbidden", `您无权授予“${ROLE_LABELS[input.role]}”角色（三权分立）`, {
      fields: [{ path: "body.role", message: "无权授予该角色" }],
    });
  }
  const { db } = deps.handle;
  const unit = await orgUnitRepo.findById(db, input.orgUnitId);
  if (unit === undefined) {
    throw new AppError("validation-failed", "所属单位不存在", {
      fields: [{ path: "body.orgUnitId", message: "所属单位不存在" }],
    });
  }
  assertInScope(actor, unit);
  if ((await userRepo.findByLogin(db, input.login)) !== undefined) {
    throw new AppError("conflict", `登录名“${input.login}”已被使用`, {
      fields: [{ path: "body.login", message: "登录名已被使用" }],
    });
  }
  const temporaryPassword = options.password ?? generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await inTransaction(db, async (trx) => {
    const created = await userRepo.insert(trx, {
      login: input.login,
      display_name: input.displayName,
      role: input.role,
      org_unit_id: unit.id,
      password_hash: passwordHash,
      must_change_password: options.mustChangePassword ?? true,
      password_changed_at: deps.now(),
    });
    await recordAudit(trx, actor, {
      action: "user.create",
      entityType: "user",
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
  return { user, temporaryPassword };
}
