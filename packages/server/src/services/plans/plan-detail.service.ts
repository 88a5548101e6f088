/** 规划详情: a plan's tree with its unit names resolved once for the whole plan. */
import { orgUnitRepo, planRepo, type PlanTree } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { unitRegistry } from "./plan-import.service.ts";
import { authorize } from "../access/authorize.ts";
import { visiblePlan } from "./plan-access.ts";
import { resolvePlanUnits, type PlanUnitResolution } from "./plan-unit-names.service.ts";

/** A plan's tree with the names of its units and how each written name resolved. */
export interface PlanView extends PlanTree {
  orgUnitName: string;
  unitNames: Map<string, string>;
  resolution: PlanUnitResolution;
}

/** 规划详情: the tree, targets, unit names and how each written name resolved (单位名称核对). */
export async function getPlan(deps: ServiceDeps, actor: Actor, planId: string): Promise<PlanView> {
  authorize(actor, "plan.read");
  const { db } = deps.handle;
  const plan = await visiblePlan(deps, actor, planId);
  const tree = await planRepo.loadTree(db, plan);
  const registry = await unitRegistry(db, actor.scope);
  const unitNames = new Map(registry.map((u) => [u.id, u.name]));
  const owner = await orgUnitRepo.findById(db, plan.org_unit_id);
  const resolution = await resolvePlanUnits(deps, actor, plan.org_unit_id, tree.units, registry);
  return { ...tree, orgUnitName: owner?.name ?? "", unitNames, resolution };
}
