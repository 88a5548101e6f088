import { inTransaction, orgUnitRepo, userRepo } from "@luoshi/db";
import { SENSITIVITY_LABELS, type Sensitivity } from "@luoshi/domain/auth";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "./authorize.ts";
import { assertInScope } from "./scope.ts";

/**
 * The actor's clearance (安全标记 of the user): the account's, read now so that a change applies at once;
 * the system's own work (no account) is cleared for everything.
 */
export async function clearanceOf(deps: ServiceDeps, actor: Actor): Promise<string> {
  if (actor.userId === null) {
    return "highly-sensitive";
  }
  return (await userRepo.findById(deps.handle.db, actor.userId))?.clearance ?? "general";
}

/** 设置许可级别: the security administrator's grant of a clearance to an account in its scope, audited. */
export async function setClearance(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  clearance: Sensitivity,
): Promise<void> {
  authorize(actor, "user.grant");
  const { db } = deps.handle;
  const user = await userRepo.findById(db, userId);
  if (user === undefined) {
    throw new AppError("not-found", "用户不存在");
  }
  if (actor.userId !== null) {
    const unit = await orgUnitRepo.findById(db, user.org_unit_id);
    if (unit === undefined) {
      throw new AppError("not-found", "用户不存在");
    }
    assertInScope(actor, unit);
  }
  await inTransaction(db, async (trx) => {
    await userRepo.update(trx, user.id, { clearance });
    await recordAudit(trx, actor, {
      action: "user.clearance",
      entityType: "user",
      entityId: user.id,
      before: { clearance: user.clearance },
      after: { clearance },
      details: { label: SENSITIVITY_LABELS[clearance] },
    });
  });
}
