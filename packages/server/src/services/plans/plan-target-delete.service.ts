/** 删除目标: a target removed from a draft (audited). */
import { inTransaction, planRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { editableDraft } from "./plan-access.ts";

/** 删除目标 from a draft. */
export async function deletePlanTarget(deps: ServiceDeps, actor: Actor, planId: string, targetId: string) {
  await editableDraft(deps, actor, planId);
  const target = await planRepo.findTarget(deps.handle.db, planId, targetId);
  if (target === undefined) {
    throw new AppError("not-found", "该目标不存在");
  }
  await inTransaction(deps.handle.db, async (trx) => {
    await planRepo.deleteTarget(trx, targetId);
    await recordAudit(trx, actor, {
      action: "plan.target-delete",
      entityType: "plan_target",
      entityId: targetId,
      before: target,
      details: { planId },
    });
  });
}
