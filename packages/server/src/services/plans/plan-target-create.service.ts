/** 新增目标: a target added to a draft (audited). */
import { inTransaction, planRepo } from "@luoshi/db";
import type { PlanTargetBody } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { editableDraft } from "./plan-access.ts";

/** 新增目标 on a draft. */
export async function createPlanTarget(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  body: PlanTargetBody,
) {
  await editableDraft(deps, actor, planId);
  return inTransaction(deps.handle.db, async (trx) => {
    const row = await planRepo.insertTarget(trx, {
      plan_id: planId,
      path: body.path,
      text: body.text,
      metric: body.metric,
      indicator_code: body.indicatorCode,
      comparator: body.comparator,
      value: body.value,
      value_max: body.valueMax,
      unit: body.unit,
      year: body.year,
      kind: body.kind,
      span_start: null,
      span_end: null,
      sort_order: 1_000_000,
    });
    await recordAudit(trx, actor, {
      action: "plan.target-create",
      entityType: "plan_target",
      entityId: row.id,
      after: body,
      details: { planId },
    });
    return row;
  });
}
