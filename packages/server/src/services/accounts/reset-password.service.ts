import { inTransaction, orgUnitRepo, sessionRepo, userRepo, type UserRow } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { generatePassword, hashPassword } from "./passwords.ts";
import { assertInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";

/** 重置口令: a new temporary password, every session of the user ended, change forced at next login. */
export async function resetPassword(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<{ user: UserRow; temporaryPassword: string }> {
  authorize(actor, "user.write");
  const { db } = deps.handle;
  const user = await userRepo.findById(db, userId);
  if (user === undefined) {
    throw new AppError("not-found", "用户不存在");
  }
  const unit = await orgUnitRepo.findById(db, user.org_unit_id);
  if (unit === undefined) {
    throw new AppError("not-found", "用户不存在");
  }
  assertInScope(actor, unit);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const updated = await inTransaction(db, async (trx) => {
    const row = await userRepo.update(trx, user.id, {
      password_hash: passwordHash,
      password_history: [user.password_hash, ...user.password_history].slice(0, 5),
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: deps.now(),
    });
    await sessionRepo.endAllForUser(trx, user.id, deps.now());
    await recordAudit(trx, actor, { action: "user.reset-password", entityType: "user", entityId: user.id });
    return row;
  });
  return { user: updated, temporaryPassword };
}
