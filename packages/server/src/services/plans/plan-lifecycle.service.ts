import { inTransaction, planRepo, type PlanTargetRow } from "@luoshi/db";
import type { PlanNodeSplitBody } from "@luoshi/contracts";
import { carriedLinks, type LinkableTarget } from "@luoshi/domain/plans";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { editableDraft } from "./plan-access.ts";

/**
 * 合并条目: a node wrongly split from the one before it (an item run into two) goes back into it —
 * its text, units and targets join the previous node in document order. A node with children cannot be
 * merged until they are.
 */
export async function mergePlanNode(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  nodeId: string,
): Promise<void> {
  const plan = await editableDraft(deps, actor, planId);
  const { nodes, units, targets } = await planRepo.loadTree(deps.handle.db, plan);
  const index = nodes.findIndex((n) => n.id === nodeId);
  const node = nodes[index];
  const previous = nodes[index - 1];
  if (node === undefined) {
    throw new AppError("not-found", "该条目不存在");
  }
  if (previous === undefined) {
    throw new AppError("invalid-transition", "第一个条目之前没有可合并的条目");
  }
  if (nodes.some((n) => n.parent_path === node.path)) {
    throw new AppError("invalid-transition", "该条目有下级条目，请先合并或调整下级条目");
  }
  const previousUnits = units.filter((u) => u.node_id === previous.id);
  const movedUnits = units.filter(
    (u) => u.node_id === node.id && !previousUnits.some((p) => p.name === u.name),
  );
  await inTransaction(deps.handle.db, async (trx) => {
    await planRepo.updateNode(trx, previous.id, { span_end: Math.max(previous.span_end, node.span_end) });
    await planRepo.replaceNodeUnits(
      trx,
      previous.id,
      [...previousUnits, ...movedUnits].map((u, position) => ({
        node_id: previous.id,
        position,
        name: u.name,
        is_lead: u.node_id === previous.id && u.is_lead,
        org_unit_id: u.org_unit_id,
        match: u.match,
      })),
    );
    for (const t of targets.filter((x) => x.path === node.path)) {
      await planRepo.updateTarget(trx, t.id, { path: previous.path });
    }
    await planRepo.deleteNode(trx, node.id);
    await recordAudit(trx, actor, {
      action: "plan.node-merge",
      entityType: "plan_node",
      entityId: previous.id,
      before: { merged: { path: node.path, title: node.title } },
      after: { into: { path: previous.path, title: previous.title } },
      details: { planId },
    });
  });
}

/**
 * 拆分条目: two items run into one line become two — the new one starts at `offset` of the source text
 * (inside the node, after its title) and follows it as the next sibling; targets after the offset move
 * with it.
 */
export async function splitPlanNode(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  nodeId: string,
  body: PlanNodeSplitBody,
): Promise<string> {
  const plan = await editableDraft(deps, actor, planId);
  const { nodes, targets } = await planRepo.loadTree(deps.handle.db, plan);
  const node = nodes.find((n) => n.id === nodeId);
  if (node === undefined) {
    throw new AppError("not-found", "该条目不存在");
  }
  if (body.offset <= node.title_end || body.offset >= node.span_end) {
    throw new AppError("validation-failed", "拆分位置应在该条目标题之后、正文之内", {
      fields: [{ path: "body.offset", message: `应在 ${node.title_end + 1} 到 ${node.span_end - 1} 之间` }],
    });
  }
  const siblings = nodes.filter((n) => n.parent_path === node.parent_path);
  const ordinal = Math.max(...siblings.map((n) => n.ordinal)) + 1;
  const path = node.parent_path === "" ? String(ordinal) : `${node.parent_path}.${ordinal}`;
  const id = crypto.randomUUID();
  await inTransaction(deps.handle.db, async (trx) => {
    for (const later of nodes.filter((n) => n.sort_order > node.sort_order).reverse()) {
      await planRepo.updateNode(trx, later.id, { sort_order: later.sort_order + 1 });
    }
    await planRepo.updateNode(trx, node.id, { span_end: body.offset });
    await planRepo.insertNode(trx, {
      id,
      plan_id: plan.id,
      path,
      parent_path: node.parent_path,
      level: node.level,
      marker: "",
      ordinal,
      title: body.title,
      role: node.role,
      span_start: body.offset,
      span_end: node.span_end,
      title_start: body.offset,
      title_end: body.offset,
      deadline: null,
      sort_order: node.sort_order + 1,
    });
    for (const t of targets.filter((x) => x.path === node.path && (x.span_start ?? -1) >= body.offset)) {
      await planRepo.updateTarget(trx, t.id, { path });
    }
    await recordAudit(trx, actor, {
      action: "plan.node-split",
      entityType: "plan_node",
      entityId: id,
      before: { path: node.path, title: node.title },
      after: { path, title: body.title, offset: body.offset },
      details: { planId },
    });
  });
  return id;
}

/** The carry-over's view of a target row. */
const linkable = (t: PlanTargetRow): LinkableTarget => ({
  id: t.id,
  kind: t.kind,
  text: t.text,
  metric: t.metric,
  isLinkConfirmed: t.indicator_confirmed_at !== null,
});

/**
 * 确认规划: the draft becomes the plan the ledger supervises; a confirmed plan it revises is marked
 * superseded in the same transaction, and its confirmed indicator links carry over to the matching
 * targets of the new version (see the domain's `carriedLinks`; listed in the audit entry).
 */
export async function confirmPlan(deps: ServiceDeps, actor: Actor, planId: string): Promise<void> {
  const plan = await editableDraft(deps, actor, planId);
  const { db } = deps.handle;
  const { nodes, targets } = await planRepo.loadTree(db, plan);
  if (nodes.length === 0) {
    throw new AppError("invalid-transition", "规划没有任何条目，不能确认");
  }
  const previous =
    plan.revises_plan_id === null ? undefined : await planRepo.findById(db, plan.revises_plan_id);
  const superseded = previous === undefined ? [] : (await planRepo.loadTree(db, previous)).targets;
  // Listed in the audit entry with the indicator each target takes over.
  const carried = carriedLinks(targets.map(linkable), superseded.map(linkable)).map((c) => ({
    ...c,
    indicatorCode: superseded.find((o) => o.id === c.fromTargetId)?.indicator_code ?? null,
  }));
  await inTransaction(db, async (trx) => {
    if (plan.revises_plan_id !== null) {
      await planRepo.updatePlan(trx, plan.revises_plan_id, { status: "superseded" });
    }
    for (const c of carried) {
      const from = superseded.find((o) => o.id === c.fromTargetId);
      if (from !== undefined) {
        await planRepo.updateTarget(trx, c.targetId, {
          indicator_code: from.indicator_code,
          indicator_confirmed_by: from.indicator_confirmed_by,
          indicator_confirmed_at: from.indicator_confirmed_at,
        });
      }
    }
    await planRepo.updatePlan(trx, plan.id, {
      status: "confirmed",
      confirmed_by: actor.userId,
      confirmed_at: deps.now(),
    });
    await recordAudit(trx, actor, {
      action: "plan.confirm",
      entityType: "plan",
      entityId: plan.id,
      before: { status: "draft" },
      after: { status: "confirmed", supersedes: plan.revises_plan_id },
      ...(carried.length === 0 ? {} : { details: { carriedIndicatorLinks: carried } }),
    });
  });
}

/** 作废草稿. */
export async function discardPlan(deps: ServiceDeps, actor: Actor, planId: string): Promise<void> {
  const plan = await editableDraft(deps, actor, planId);
  await inTransaction(deps.handle.db, async (trx) => {
    await planRepo.updatePlan(trx, plan.id, { status: "discarded" });
    await recordAudit(trx, actor, {
      action: "plan.discard",
      entityType: "plan",
      entityId: plan.id,
      before: { status: "draft" },
      after: { status: "discarded" },
    });
  });
}
