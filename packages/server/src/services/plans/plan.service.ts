import { diffPlans, type PlanDifference } from "@luoshi/domain/plans";
import { matchUnits } from "@luoshi/domain/parsing";
import {
  inTransaction,
  orgUnitRepo,
  planRepo,
  type PlanListRow,
  type PlanRow,
  type PlanTree,
} from "@luoshi/db";
import type { PlanNodePatch, PlanNodeUnitsBody, PlanTargetBody, PlanTargetPatch } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { unitRegistry } from "./plan-import.service.ts";
import { assertInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";

/** A plan's tree with the registry suggestions for its unmatched unit names. */
export interface PlanView extends PlanTree {
  orgUnitName: string;
  unitNames: Map<string, string>;
  suggestions: Map<string, { orgUnitId: string; name: string; score: number }[]>;
}

/** Loads a plan the actor may see; 404 when missing, 403 outside the scope. */
async function visiblePlan(deps: ServiceDeps, actor: Actor, planId: string): Promise<PlanRow> {
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

/** 规划文件列表. */
export async function listPlans(deps: ServiceDeps, actor: Actor, status?: string): Promise<PlanListRow[]> {
  authorize(actor, "plan.read");
  return planRepo.listInScope(deps.handle.db, actor.scope, status);
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

/** 修改条目: title, role or deadline of a draft's node. */
export async function updatePlanNode(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  nodeId: string,
  patch: PlanNodePatch,
): Promise<void> {
  await editableDraft(deps, actor, planId);
  const node = await planRepo.findNode(deps.handle.db, planId, nodeId);
  if (node === undefined) {
    throw new AppError("not-found", "该条目不存在");
  }
  await inTransaction(deps.handle.db, async (trx) => {
    const after = await planRepo.updateNode(trx, nodeId, patch);
    await recordAudit(trx, actor, {
      action: "plan.node-update",
      entityType: "plan_node",
      entityId: nodeId,
      before: { title: node.title, role: node.role, deadline: node.deadline },
      after: { title: after.title, role: after.role, deadline: after.deadline },
      details: { planId },
    });
  });
}

/** 设置责任单位: the node's units in order, each tied to a registry unit or left as written. */
export async function setPlanNodeUnits(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  nodeId: string,
  body: PlanNodeUnitsBody,
): Promise<void> {
  await editableDraft(deps, actor, planId);
  const { db } = deps.handle;
  const node = await planRepo.findNode(db, planId, nodeId);
  if (node === undefined) {
    throw new AppError("not-found", "该条目不存在");
  }
  const registry = new Map((await unitRegistry(db, actor.scope)).map((u) => [u.id, u]));
  body.units.forEach((u, i) => {
    if (u.orgUnitId !== null && !registry.has(u.orgUnitId)) {
      throw new AppError("validation-failed", `第 ${i + 1} 个责任单位不在本辖区的单位名录中`, {
        fields: [{ path: `body.units.${i}.orgUnitId`, message: "单位不在本辖区名录中" }],
      });
    }
  });
  const before = await planRepo.nodeUnits(db, nodeId);
  await inTransaction(db, async (trx) => {
    await planRepo.replaceNodeUnits(
      trx,
      nodeId,
      body.units.map((u, position) => ({
        node_id: nodeId,
        position,
        name: u.name,
        is_lead: u.isLead,
        org_unit_id: u.orgUnitId,
        match: u.orgUnitId === null ? "none" : "confirmed",
      })),
    );
    await recordAudit(trx, actor, {
      action: "plan.node-units",
      entityType: "plan_node",
      entityId: nodeId,
      before: before.map((u) => ({ name: u.name, isLead: u.is_lead, orgUnitId: u.org_unit_id })),
      after: body.units,
      details: { planId },
    });
  });
}

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
