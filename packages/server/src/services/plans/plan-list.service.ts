/** 规划文件列表: the plans in the actor's scope. */
import { planRepo, type PlanListRow } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

/** 规划文件列表. */
export async function listPlans(deps: ServiceDeps, actor: Actor, status?: string): Promise<PlanListRow[]> {
  authorize(actor, "plan.read");
  return planRepo.listInScope(deps.handle.db, actor.scope, status);
}
