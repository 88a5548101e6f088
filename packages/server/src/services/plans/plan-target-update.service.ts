/** 修改目标: a draft target changed (audited). */
import { inTransaction, planRepo } from "@luoshi/db";
import type { PlanTargetPatch } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { editableDraft } from "./plan-access.ts";

/** 修改目标 on a draft. */
export async function updatePlanTarget(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  targetId: string,
  patch: PlanTargetPatch,
) {
  await editableDraft(deps, actor, planId);
  const target = await planRepo.findTarget(deps.handle.db, planId, targetId);
  if (target === undefined) {
    throw new AppError("not-found", "该目标不存在");
  }
  return inTransaction(deps.handle.db, async (trx) => {
    const row = await planRepo.updateTarget(trx, targetId, {
      ...(patch.path === undefined ? {} : { path: patch.path }),
      ...(patch.text === undefined ? {} : { text: patch.text }),
      ...(patch.metric === undefined ? {} : { metric: patch.metric }),
      ...(patch.indicatorCode === undefined ? {} : { indicator_code: patch.indicatorCode }),
      ...(patch.comparator === undefined ? {} : { comparator: patch.comparator }),
      ...(patch.value === undefined ? {} : { value: patch.value }),
      ...(patch.valueMax === undefined ? {} : { value_max: patch.valueMax }),
      ...(patch.unit === undefined ? {} : { unit: patch.unit }),
      ...(patch.year === undefined ? {} : { year: patch.year }),
      ...(patch.kind === undefined ? {} : { kind: patch.kind }),
    });
    await recordAudit(trx, actor, {
      action: "plan.target-update",
      entityType: "plan_target",
      entityId: targetId,
      before: target,
      after: row,
      details: { planId },
    });
    return row;
  });
}
