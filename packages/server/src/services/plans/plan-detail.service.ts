/** 规划详情: a plan's tree with the registry's suggestions for its unmatched unit names. */
import { matchUnits } from "@luoshi/domain/parsing";
import { orgUnitRepo, planRepo, type PlanTree } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { unitRegistry } from "./plan-import.service.ts";
import { authorize } from "../access/authorize.ts";
import { visiblePlan } from "./plan-access.ts";

/** A plan's tree with the registry suggestions for its unmatched unit names. */
export interface PlanView extends PlanTree {
  orgUnitName: string;
  unitNames: Map<string, string>;
  suggestions: Map<string, { orgUnitId: string; name: string; score: number }[]>;
}

/** 规划详情: the tree, targets, unit names and suggestions for names not yet tied to a unit. */
export async function getPlan(deps: ServiceDeps, actor: Actor, planId: string): Promise<PlanView> {
  authorize(actor, "plan.read");
  const { db } = deps.handle;
  const plan = await visiblePlan(deps, actor, planId);
  const tree = await planRepo.loadTree(db, plan);
  const registry = await unitRegistry(db, actor.scope);
  const unitNames = new Map(registry.map((u) => [u.id, u.name]));
  const owner = await orgUnitRepo.findById(db, plan.org_unit_id);
  const unmatched = [...new Set(tree.units.filter((u) => u.org_unit_id === null).map((u) => u.name))];
  const byCode = new Map(registry.map((u) => [u.code, u]));
  const { unmatched: found } = matchUnits(
    unmatched,
    registry.map((u) => ({ code: u.code, name: u.name, aliases: u.aliases })),
  );
  const suggestions = new Map(
    found.map((f) => [
      f.name,
      f.suggestions.flatMap((s) => {
        const unit = byCode.get(s.code);
        return unit === undefined ? [] : [{ orgUnitId: unit.id, name: unit.name, score: s.score }];
      }),
    ]),
  );
  return { ...tree, orgUnitName: owner?.name ?? "", unitNames, suggestions };
}
