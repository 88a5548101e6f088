/** Which plans an actor may see and edit: the checks every plan use case starts with. */
import { orgUnitRepo, planRepo, type PlanRow } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { assertInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";

/** Loads a plan the actor may see; 404 when missing, 403 outside the scope. */
export async function visiblePlan(deps: ServiceDeps, actor: Actor, planId: string): Promise<PlanRow> {
  const plan = await planRepo.findById(deps.handle.db, planId);
  if (plan === undefined) {
    throw new AppError("not-found", "该规划文件不存在");
  }
  const owner = await orgUnitRepo.findById(deps.handle.db, plan.org_unit_id);
  if (owner === undefined) {
    throw new AppError("not-found", "该规划文件不存在");
  }
  assertInScope(actor, owner);
  return plan;
}

/** Loads a draft the actor may edit: 409 once it is confirmed. */
export async function editableDraft(deps: ServiceDeps, actor: Actor, planId: string): Promise<PlanRow> {
  authorize(actor, "plan.write");
  const plan = await visiblePlan(deps, actor, planId);
  if (plan.status !== "draft") {
    throw new AppError("invalid-transition", "规划已确认或已作废，只有草稿可以修改；修订请重新导入");
  }
  return plan;
}
