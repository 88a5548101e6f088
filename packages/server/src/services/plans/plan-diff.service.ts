/** 与已确认版本对比: what a revision changes against the plan it revises. */
import { diffPlans, type PlanDifference } from "@luoshi/domain/plans";
import { planRepo, type PlanTree } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { visiblePlan } from "./plan-access.ts";

/** The differences against the confirmed plan this draft revises (empty when it revises none). */
export async function diffPlan(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
): Promise<PlanDifference & { basePlanId: string | null }> {
  authorize(actor, "plan.read");
  const { db } = deps.handle;
  const plan = await visiblePlan(deps, actor, planId);
  if (plan.revises_plan_id === null) {
    return { basePlanId: null, added: [], removed: [], changed: [], targetsAdded: [], targetsRemoved: [] };
  }
  const base = await planRepo.findById(db, plan.revises_plan_id);
  if (base === undefined) {
    throw new AppError("not-found", "被修订的规划不存在");
  }
  const shape = (t: PlanTree) => ({
    nodes: t.nodes.map((n) => {
      const units = t.units.filter((u) => u.node_id === n.id);
      return {
        path: n.path,
        title: n.title,
        role: n.role,
        units: units.map((u) => u.name),
        lead: units.find((u) => u.is_lead)?.name ?? null,
      };
    }),
    targets: t.targets.map((x) => x.text),
  });
  const difference = diffPlans(
    shape(await planRepo.loadTree(db, base)),
    shape(await planRepo.loadTree(db, plan)),
  );
  return { basePlanId: base.id, ...difference };
}
