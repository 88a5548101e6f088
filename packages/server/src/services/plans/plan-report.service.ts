/**
 * The plan's own reports: the yearly 规划实施进展监测报告 (or 中期评估报告) of a confirmed own plan, and the
 * 落实情况报告 of a confirmed 上级文件 through the county's 承接方案. Targets are assessed by 目标监测 (the
 * indicator engine's values, trend and cohort projections) for the plan's owning area; tasks come from the
 * ledger. The arrangement is the domain's (`buildPlanReport`, `buildImplementationReport`).
 */
import { chinaDate } from "@luoshi/common";
import {
  orgUnitRepo,
  planReportRepo,
  planRepo,
  type PlanReportTaskRow,
  type PlanRow,
  type PlanTree,
} from "@luoshi/db";
import { TASK_STATE_LABELS } from "@luoshi/domain/ledger";
import {
  buildImplementationReport,
  buildPlanReport,
  type ImplementationItem,
  type PlanReport,
  type ReportTaskInput,
} from "@luoshi/domain/plans";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { monitorTargets } from "../statistics/target-monitor.service.ts";
import { visiblePlan } from "./plan-access.ts";

const STATE_LABELS: Readonly<Record<string, string>> = TASK_STATE_LABELS;
const stateLabel = (state: string): string => STATE_LABELS[state] ?? state;

/** Every node's unit names, keyed by node id. */
const unitNamesOf = (tree: PlanTree): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const u of tree.units) {
    out.set(u.node_id, [...(out.get(u.node_id) ?? []), u.name]);
  }
  return out;
};

const taskInput = (t: PlanReportTaskRow, paths: ReadonlyMap<string, string>): ReportTaskInput => ({
  id: t.id,
  title: t.title,
  nodePath: t.plan_node_id === null ? null : (paths.get(t.plan_node_id) ?? null),
  state: t.state,
  stateLabel: stateLabel(t.state),
  progress: t.progress,
  deadline: t.deadline,
  units: t.units.map((u) => u.name),
  latest:
    t.latest === null ? null : { period: t.latest.period, progress: t.latest.progress, text: t.latest.text },
  targetIds: t.target_ids,
});

async function ownerName(deps: ServiceDeps, plan: PlanRow): Promise<string> {
  return (await orgUnitRepo.findById(deps.handle.db, plan.org_unit_id))?.name ?? "";
}

/** The report of a confirmed own plan for `year`, with what the page and the .docx show. */
export interface PlanReportData {
  plan: PlanRow;
  orgUnitName: string;
  report: PlanReport;
  generatedAt: Date;
}

/**
 * 规划实施进展监测报告 (中期评估报告 in a five-year plan's middle year): needs plan.read and stats.read;
 * the plan must be a confirmed own plan (a 上级文件's targets do not judge the county).
 */
export async function planReport(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  year: number,
): Promise<PlanReportData> {
  authorize(actor, "plan.read");
  authorize(actor, "stats.read");
  const { db } = deps.handle;
  const plan = await visiblePlan(deps, actor, planId);
  if (plan.status !== "confirmed") {
    throw new AppError("invalid-transition", "规划确认后才能生成监测报告");
  }
  if (plan.document_level !== "own") {
    throw new AppError(
      "invalid-transition",
      "上级文件的目标不评判本地指标，不生成监测报告；请查看承接方案的监测报告或本文件的落实情况报告",
    );
  }
  const now = deps.now();
  const [tree, monitored, tasks, orgUnitName] = await Promise.all([
    planRepo.loadTree(db, plan),
    monitorTargets(deps, actor, { orgUnitId: plan.org_unit_id, year }),
    planReportRepo.tasksOfPlans(db, actor.scope, [plan.id], now),
    ownerName(deps, plan),
  ]);
  const paths = new Map(tree.nodes.map((n) => [n.id, n.path]));
  const units = unitNamesOf(tree);
  const report = buildPlanReport({
    plan: { title: plan.title, orgUnitName, periodStart: plan.period_start, periodEnd: plan.period_end },
    year,
    today: chinaDate(now),
    targets: monitored.items.filter((i) => i.planId === plan.id),
    tasks: tasks.map((t) => taskInput(t, paths)),
    nodes: tree.nodes.map((n) => ({ path: n.path, title: n.title, units: units.get(n.id) ?? [] })),
  });
  return { plan, orgUnitName, report, generatedAt: now };
}

/** Records that a report file was taken (every export is audited). */
export async function auditReportExport(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  details: { report: string; year: number },
): Promise<void> {
  await recordAudit(deps.handle.db, actor, {
    action: "plan.report-export",
    entityType: "plan",
    entityId: planId,
    details,
  });
}

/** The 落实情况报告 of a confirmed 上级文件 for `year`. */
export interface ImplementationReportData {
  plan: PlanRow;
  orgUnitName: string;
  year: number;
  items: ImplementationItem[];
  adopted: number;
  total: number;
  adoptions: string[];
  generatedAt: Date;
}

/**
 * 落实情况报告: item by item, how the county implemented a confirmed 上级文件 through its confirmed
 * 承接方案 — the linked local items, their tasks' states and newest reports, their targets with the
 * actual values of `year`. Needs plan.read and stats.read.
 */
export async function implementationReport(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  year: number,
): Promise<ImplementationReportData> {
  authorize(actor, "plan.read");
  authorize(actor, "stats.read");
  const { db } = deps.handle;
  const plan = await visiblePlan(deps, actor, planId);
  if (plan.document_level !== "higher" || plan.status !== "confirmed") {
    throw new AppError("invalid-transition", "落实情况报告针对已确认的上级文件");
  }
  const now = deps.now();
  const adoptions = (await planRepo.adoptionsOf(db, plan.id)).filter((p) => p.status === "confirmed");
  const [tree, localTrees, monitored, tasks, orgUnitName] = await Promise.all([
    planRepo.loadTree(db, plan),
    Promise.all(adoptions.map((p) => planRepo.loadTree(db, p))),
    monitorTargets(deps, actor, { orgUnitId: plan.org_unit_id, year }),
    planReportRepo.tasksOfPlans(
      db,
      actor.scope,
      adoptions.map((p) => p.id),
      now,
    ),
    ownerName(deps, plan),
  ]);
  const isLeaf = (t: PlanTree, path: string) => !t.nodes.some((n) => n.parent_path === path);
  const paths = new Map(localTrees.flatMap((t) => t.nodes.map((n) => [n.id, n.path] as const)));
  const built = buildImplementationReport({
    higherItems: tree.nodes.map((n) => ({
      id: n.id,
      path: n.path,
      title: n.title,
      role: n.role,
      isLeaf: isLeaf(tree, n.path),
    })),
    localItems: localTrees.flatMap((t) => {
      const units = unitNamesOf(t);
      return t.nodes.map((n) => ({
        id: n.id,
        planId: t.plan.id,
        planTitle: t.plan.title,
        path: n.path,
        title: n.title,
        adoptedNodeId: n.adopted_node_id,
        isLeaf: isLeaf(t, n.path),
        units: units.get(n.id) ?? [],
      }));
    }),
    localTargets: localTrees.flatMap((t) =>
      t.targets.map((x) => ({
        id: x.id,
        planId: t.plan.id,
        path: x.path,
        metric: x.metric,
        value: x.value,
        unit: x.unit,
        year: x.year,
      })),
    ),
    assessed: new Map(
      monitored.items.map((i) => [i.targetId, { latest: i.latest, statusLabel: i.statusLabel }]),
    ),
    tasks: tasks.map((t) => ({ ...taskInput(t, paths), planId: t.plan_id, nodeId: t.plan_node_id })),
  });
  return {
    plan,
    orgUnitName,
    year,
    ...built,
    adoptions: adoptions.map((p) => p.title),
    generatedAt: now,
  };
}
