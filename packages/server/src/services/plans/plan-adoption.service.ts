/**
 * 承接方案: from a confirmed higher-level document (上级文件) the county makes its own plan — the items it
 * takes on, the local units that carry them and the local targets — as a draft own plan that staff review
 * and confirm like an imported one. Each item and target keeps its link to the one it implements.
 */
import { createHash } from "node:crypto";
import { chinaDate } from "@luoshi/common";
import type { PlanAdoptionBody, PlanAdoptionForm } from "@luoshi/contracts";
import { COMPARATOR_VALUES, NODE_ROLE_VALUES } from "@luoshi/contracts";
import { inTransaction, planRepo, type PlanRow, type PlanTree } from "@luoshi/db";
import {
  AdoptionError,
  buildAdoption,
  defaultLocalUnits,
  type HigherItem,
  type HigherTarget,
} from "@luoshi/domain/plans";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { visiblePlan } from "./plan-access.ts";
import { scopeRoot } from "./plan-import.service.ts";

const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: "草稿",
  confirmed: "已确认",
  superseded: "已被修订",
  discarded: "已作废",
};

/** A confirmed 上级文件 the actor may see: the only kind a 承接方案 is made from. */
async function higherPlan(deps: ServiceDeps, actor: Actor, planId: string): Promise<PlanRow> {
  const plan = await visiblePlan(deps, actor, planId);
  if (plan.document_level !== "higher") {
    throw new AppError("invalid-transition", "只有上级文件可以制定承接方案；本级文件本身就是本地规划");
  }
  if (plan.status !== "confirmed") {
    throw new AppError("invalid-transition", "上级文件确认后才能制定承接方案");
  }
  return plan;
}

const itemsOf = (tree: PlanTree): HigherItem[] =>
  tree.nodes.map((n) => ({
    id: n.id,
    path: n.path,
    parentPath: n.parent_path,
    title: n.title,
    role: n.role,
    deadline: n.deadline,
    units: tree.units
      .filter((u) => u.node_id === n.id)
      .map((u) => ({ name: u.name, orgUnitId: u.org_unit_id, isLead: u.is_lead })),
  }));

const targetsOf = (tree: PlanTree): HigherTarget[] =>
  tree.targets.map((t) => ({
    id: t.id,
    path: t.path,
    kind: t.kind === "baseline" ? "baseline" : "target",
    text: t.text,
    metric: t.metric,
    indicatorCode: t.indicator_code,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.value_max,
    unit: t.unit,
    year: t.year,
  }));

const pickOf = <T extends string>(values: readonly T[], v: string, fallback: T): T =>
  values.find((x) => x === v) ?? fallback;

/** The title a 承接方案 gets unless staff change it: 崆峒区贯彻落实《…》承接方案. */
function suggestedTitle(ownerName: string, title: string): string {
  return `${ownerName}贯彻落实《${title}》承接方案`.slice(0, 200);
}

/** GET /api/plans/:id/adoption: the higher document's items with their default local units and targets. */
export async function adoptionForm(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
): Promise<PlanAdoptionForm> {
  authorize(actor, "plan.read");
  const { db } = deps.handle;
  const plan = await higherPlan(deps, actor, planId);
  const [tree, local, adoptions, owner] = await Promise.all([
    planRepo.loadTree(db, plan),
    planRepo.localUnits(db, actor.scope, chinaDate(deps.now())),
    planRepo.adoptionsOf(db, plan.id),
    scopeRoot(db, actor),
  ]);
  const localNames = new Map(local.map((u) => [u.id, u.name]));
  const targets = targetsOf(tree);
  return {
    planId: plan.id,
    title: plan.title,
    suggestedTitle: suggestedTitle(owner.name, plan.title),
    localUnits: local.map((u) => ({ orgUnitId: u.id, name: u.name })),
    items: itemsOf(tree).map((item, i) => ({
      nodeId: item.id,
      path: item.path,
      parentPath: item.parentPath,
      marker: tree.nodes[i]?.marker ?? "",
      title: item.title,
      role: pickOf(NODE_ROLE_VALUES, item.role, "other"),
      deadline: item.deadline,
      higherUnits: item.units.map((u) => u.name),
      defaultUnits: defaultLocalUnits(item, localNames).map((u) => ({
        ...u,
        name: localNames.get(u.orgUnitId) ?? "",
      })),
      targets: targets
        .filter((t) => t.path === item.path && t.kind === "target")
        .map((t) => ({
          targetId: t.id,
          text: t.text,
          metric: t.metric,
          comparator: pickOf(COMPARATOR_VALUES, t.comparator, ">="),
          value: t.value,
          valueMax: t.valueMax,
          unit: t.unit,
          year: t.year,
        })),
    })),
    adoptions: adoptions.map((a) => ({
      planId: a.id,
      title: a.title,
      status: a.status,
      statusLabel: STATUS_LABELS[a.status] ?? a.status,
    })),
  };
}

/**
 * POST /api/plans/:id/adoptions: stores the 承接方案 as a draft own plan of the actor's area (version 1,
 * its text the generated one), audited with what was taken on. Needs plan.write.
 */
export async function adoptPlan(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  body: PlanAdoptionBody,
): Promise<string> {
  authorize(actor, "plan.write");
  const { db } = deps.handle;
  const plan = await higherPlan(deps, actor, planId);
  const [tree, local, owner] = await Promise.all([
    planRepo.loadTree(db, plan),
    planRepo.localUnits(db, actor.scope, chinaDate(deps.now())),
    scopeRoot(db, actor),
  ]);
  const title = body.title ?? suggestedTitle(owner.name, plan.title);
  const basis = `依据：${[plan.issuer, plan.doc_number].filter((x) => x !== null && x !== "").join(" ")}《${plan.title}》`;
  let draft;
  try {
    draft = buildAdoption({
      title,
      basis,
      items: itemsOf(tree),
      targets: targetsOf(tree),
      picks: body.items,
      localUnits: new Map(local.map((u) => [u.id, u.name])),
    });
  } catch (error) {
    if (error instanceof AdoptionError) {
      throw new AppError("validation-failed", error.message, {
        fields: [{ path: "body.items", message: error.message }],
      });
    }
    throw error;
  }
  const higherTargets = new Map(tree.targets.map((t) => [t.id, t]));
  const newId = crypto.randomUUID();
  const nodeIds = draft.nodes.map(() => crypto.randomUUID());
  await inTransaction(db, async (trx) => {
    await planRepo.insertTree(
      trx,
      {
        id: newId,
        org_unit_id: owner.id,
        title,
        doc_number: null,
        issuer: `${owner.name}教育局`,
        issued_on: null,
        period_start: plan.period_start,
        period_end: plan.period_end,
        status: "draft",
        version: 1,
        revises_plan_id: null,
        source_file_name: `${title}.txt`,
        source_format: "txt",
        source_text: draft.text,
        source_sha256: createHash("sha256").update(draft.text).digest("hex"),
        parse_issues: "[]",
        created_by: actor.userId,
        document_level: "own",
        issuer_level: owner.kind === "county" ? "county" : null,
        document_level_reason: `承接上级文件《${plan.title}》制定的本级方案`,
        adopts_plan_id: plan.id,
      },
      draft.nodes.map((n, i) => ({
        id: nodeIds[i] ?? crypto.randomUUID(),
        plan_id: newId,
        path: n.path,
        parent_path: n.parentPath,
        level: n.level,
        marker: n.marker,
        ordinal: n.ordinal,
        title: n.title.slice(0, 500),
        role: n.role,
        span_start: n.span[0],
        span_end: n.span[1],
        title_start: n.titleSpan[0],
        title_end: n.titleSpan[1],
        deadline: n.deadline,
        sort_order: i,
        adopted_node_id: n.adoptedNodeId,
      })),
      draft.nodes.flatMap((n, i) =>
        n.units.map((u, position) => ({
          node_id: nodeIds[i] ?? "",
          position,
          name: u.name,
          is_lead: u.isLead,
          org_unit_id: u.orgUnitId,
          match: "confirmed",
        })),
      ),
      draft.targets.map((t, i) => {
        const higher = higherTargets.get(t.adoptedTargetId);
        return {
          plan_id: newId,
          path: t.path,
          text: t.text,
          metric: t.metric,
          indicator_code: t.indicatorCode,
          comparator: t.comparator,
          value: t.value,
          value_max: t.valueMax,
          unit: t.unit,
          year: t.year,
          kind: "target",
          span_start: t.span[0],
          span_end: t.span[1],
          sort_order: i,
          // a link staff confirmed on the higher target holds for the same metric here
          indicator_confirmed_by: higher?.indicator_confirmed_by ?? null,
          indicator_confirmed_at: higher?.indicator_confirmed_at ?? null,
          adopted_target_id: t.adoptedTargetId,
        };
      }),
    );
    await recordAudit(trx, actor, {
      action: "plan.adopt",
      entityType: "plan",
      entityId: newId,
      after: {
        title,
        adoptsPlanId: plan.id,
        items: draft.nodes.filter((n) => n.isPicked).length,
        units: draft.nodes.reduce((a, n) => a + n.units.length, 0),
        targets: draft.targets.map((t) => ({ metric: t.metric, value: t.value, year: t.year })),
      },
    });
  });
  return newId;
}
