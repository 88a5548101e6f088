/**
 * 确认指标关联: staff confirm (or change) the indicator a plan target is measured by, audited.
 */
import { indicatorRepo, orgUnitRepo, type PlanTargetRow } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { assertInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";
import { linkStateOf } from "./target-link-state.ts";

/**
 * 确认指标关联: sets the indicator a plan target is measured by (null: none measures it) and marks it
 * confirmed. Needs plan.write on a plan owned within the actor's scope; audited with before and after.
 */
export async function linkTarget(
  deps: ServiceDeps,
  actor: Actor,
  targetId: string,
  indicatorCode: string | null,
): Promise<PlanTargetRow> {
  authorize(actor, "plan.write");
  const { db } = deps.handle;
  const target = await indicatorRepo.findTargetWithPlan(db, targetId);
  if (target === undefined) {
    throw new AppError("not-found", "没有这个规划目标");
  }
  const owner = await orgUnitRepo.findById(db, target.plan_org_unit_id);
  if (owner === undefined) {
    throw new AppError("not-found", "规划所属单位不存在");
  }
  assertInScope(actor, owner);
  if (target.plan_status === "discarded" || target.plan_status === "superseded") {
    throw new AppError("invalid-transition", "规划已作废或已被新版本取代，不能再关联指标");
  }
  if (indicatorCode !== null) {
    const catalogue = await loadCatalogue(db);
    if (!catalogue.some((c) => c.definition.code === indicatorCode)) {
      throw new AppError("validation-failed", `指标目录中没有代码为“${indicatorCode}”的指标`, {
        fields: [{ path: "body.indicatorCode", message: "指标目录中没有这个指标" }],
      });
    }
  }
  const now = deps.now();
  return db.transaction().execute(async (trx) => {
    const row = await indicatorRepo.setTargetLink(trx, targetId, {
      indicatorCode,
      confirmedBy: actor.userId,
      confirmedAt: now,
    });
    await recordAudit(trx, actor, {
      action: "target.link",
      entityType: "plan_target",
      entityId: targetId,
      before: { indicatorCode: target.indicator_code, linkState: linkStateOf(target) },
      after: { indicatorCode, linkState: "confirmed" },
      details: { planId: target.plan_id, metric: target.metric },
    });
    return row;
  });
}
