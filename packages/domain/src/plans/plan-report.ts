/**
 * The plan's own reports, the pure part. For a confirmed own plan and a year: the 规划实施进展监测报告 —
 * every target with baseline, plan value, actual, projection to the target year, status and the tasks
 * behind it, and every task's state — or, in the middle year of a five-year plan, the 中期评估报告 with the
 * targets at risk and the yearly change each still needs. For a 上级文件: the 落实情况报告 — item by item,
 * the county's items that implement it, their tasks and their targets.
 *
 * The service gathers the monitored targets (目标监测, with the indicator engine's values and the
 * trend/cohort projections) and the ledger's tasks; this module only arranges and judges them.
 */
import { roundHalfUp } from "@luoshi/common";

/** 已达成 / 进度正常 / 存在风险 / 严重滞后 / 无数据, as 目标监测 judges them. */
export type ReportTargetStatus = "achieved" | "on-track" | "at-risk" | "off-track" | "no-data";

/** A target as 目标监测 assessed it for the report's year. */
export interface ReportTargetInput {
  targetId: string;
  path: string;
  metric: string;
  text: string;
  comparator: string;
  value: number | null;
  unit: string;
  targetYear: number | null;
  indicatorName: string | null;
  baseline: { year: number; value: number } | null;
  latest: { year: number; value: number } | null;
  projected: number | null;
  requiredYearlyChange: number | null;
  goal: number | null;
  status: ReportTargetStatus;
  statusLabel: string;
  series: readonly { year: number; value: number | null }[];
}

/** A ledger task made from one of the plan's items. */
export interface ReportTaskInput {
  id: string;
  title: string;
  /** Path of the plan item the task was made from; null for a task tied to the plan only. */
  nodePath: string | null;
  state: string;
  stateLabel: string;
  progress: number;
  deadline: string;
  units: readonly string[];
  latest: { period: string; progress: number; text: string } | null;
  targetIds: readonly string[];
}

/** An item of the plan with its responsible units. */
export interface ReportNodeInput {
  path: string;
  title: string;
  units: readonly string[];
}

/** Which report a year gives: the yearly 监测报告, or the 中期评估报告 in a five-year plan's middle year. */
export type PlanReportKind = "monitoring" | "midterm";

/**
 * The middle year of a five-year plan (2021–2025 → 2023, as the 十四五 plans' 中期评估 were done in
 * 2023) asks for the 中期评估报告; every other year for the 监测报告.
 */
export function planReportKind(
  periodStart: number | null,
  periodEnd: number | null,
  year: number,
): PlanReportKind {
  if (periodStart === null || periodEnd === null) {
    return "monitoring";
  }
  return periodEnd - periodStart + 1 === 5 && year === periodStart + 2 ? "midterm" : "monitoring";
}

/** One target in the report, with the units and tasks behind it. */
export interface ReportTarget extends ReportTargetInput {
  units: string[];
  tasks: { title: string; stateLabel: string; progress: number }[];
}

/** A target at risk in the 中期评估: the yearly change it still needs against the change seen so far. */
export interface AtRiskTarget {
  targetId: string;
  metric: string;
  statusLabel: string;
  unit: string;
  latest: { year: number; value: number } | null;
  goal: number | null;
  targetYear: number | null;
  requiredYearlyChange: number | null;
  /** Mean yearly change over the series (first to last known value); null with fewer than two. */
  observedYearlyChange: number | null;
  /** What it would take, in words. */
  need: string;
}

/** The report's content, laid out by the page and the .docx alike. */
export interface PlanReport {
  kind: PlanReportKind;
  title: string;
  year: number;
  targetCounts: Record<ReportTargetStatus, number>;
  taskCounts: { total: number; closed: number; overdue: number; byState: { label: string; count: number }[] };
  targets: ReportTarget[];
  tasks: (ReportTaskInput & { overdue: boolean })[];
  atRisk: AtRiskTarget[];
}

const isUnder = (path: string, ancestor: string) => path === ancestor || path.startsWith(`${ancestor}.`);

/** Mean yearly change from the first to the last known value of a series. */
export function observedYearlyChange(
  series: readonly { year: number; value: number | null }[],
): number | null {
  const known = series.filter((p): p is { year: number; value: number } => p.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined || last.year === first.year) {
    return null;
  }
  return roundHalfUp((last.value - first.value) / (last.year - first.year), 4);
}

const num = (v: number) => String(roundHalfUp(v, 2));

/** 需每年提高0.8个百分点（近年年均提高0.3）: what a target at risk would take. */
export function describeNeed(
  t: Pick<AtRiskTarget, "requiredYearlyChange" | "observedYearlyChange" | "unit" | "goal" | "targetYear">,
): string {
  if (t.requiredYearlyChange === null) {
    return t.goal === null
      ? "缺少可比数据，需先补齐统计数据"
      : `需在${String(t.targetYear ?? "")}年前达到${num(t.goal)}${t.unit}`;
  }
  const unit = t.unit === "%" ? "个百分点" : t.unit;
  const verb = (v: number) => (v >= 0 ? "提高" : "下降");
  const need = `需每年${verb(t.requiredYearlyChange)}${num(Math.abs(t.requiredYearlyChange))}${unit}`;
  if (t.observedYearlyChange === null) {
    return need;
  }
  return `${need}（近年年均${verb(t.observedYearlyChange)}${num(Math.abs(t.observedYearlyChange))}${unit}）`;
}

/**
 * Arranges a plan's report: each target with the units of its item and the tasks behind it (tied to it,
 * or made from its item or an item below), every task with whether it is overdue on `today` (ISO day),
 * the counts by status and state, and the targets at risk (存在风险, 严重滞后, 无数据) with what they need.
 */
export function buildPlanReport(input: {
  plan: { title: string; orgUnitName: string; periodStart: number | null; periodEnd: number | null };
  year: number;
  today: string;
  targets: readonly ReportTargetInput[];
  tasks: readonly ReportTaskInput[];
  nodes: readonly ReportNodeInput[];
}): PlanReport {
  const kind = planReportKind(input.plan.periodStart, input.plan.periodEnd, input.year);
  const title =
    kind === "midterm"
      ? `《${input.plan.title}》中期评估报告`
      : `《${input.plan.title}》${String(input.year)}年度实施进展监测报告`;
  const tasks = input.tasks.map((t) => ({
    ...t,
    overdue: t.state !== "closed" && t.state !== "suspended" && t.deadline < input.today,
  }));
  const targets = input.targets.map((t): ReportTarget => {
    const node = input.nodes.find((n) => n.path === t.path);
    const behind = tasks.filter(
      (k) => k.targetIds.includes(t.targetId) || (k.nodePath !== null && isUnder(k.nodePath, t.path)),
    );
    return {
      ...t,
      units: [...(node?.units ?? [])],
      tasks: behind.map((k) => ({ title: k.title, stateLabel: k.stateLabel, progress: k.progress })),
    };
  });
  const targetCounts: Record<ReportTargetStatus, number> = {
    achieved: 0,
    "on-track": 0,
    "at-risk": 0,
    "off-track": 0,
    "no-data": 0,
  };
  for (const t of targets) {
    targetCounts[t.status] += 1;
  }
  const byState = new Map<string, number>();
  for (const t of tasks) {
    byState.set(t.stateLabel, (byState.get(t.stateLabel) ?? 0) + 1);
  }
  const atRisk = targets
    .filter((t) => t.status === "at-risk" || t.status === "off-track" || t.status === "no-data")
    .map((t): AtRiskTarget => {
      const base = {
        targetId: t.targetId,
        metric: t.metric,
        statusLabel: t.statusLabel,
        unit: t.unit,
        latest: t.latest,
        goal: t.goal ?? t.value,
        targetYear: t.targetYear,
        requiredYearlyChange: t.requiredYearlyChange,
        observedYearlyChange: observedYearlyChange(t.series),
      };
      return { ...base, need: describeNeed(base) };
    });
  return {
    kind,
    title,
    year: input.year,
    targetCounts,
    taskCounts: {
      total: tasks.length,
      closed: tasks.filter((t) => t.state === "closed").length,
      overdue: tasks.filter((t) => t.overdue).length,
      byState: [...byState].map(([label, count]) => ({ label, count })),
    },
    targets,
    tasks,
    atRisk,
  };
}

/** One item of the higher document in the 落实情况报告, with the county's items that implement it. */
export interface ImplementationItem {
  path: string;
  title: string;
  isAdopted: boolean;
  local: {
    planTitle: string;
    path: string;
    title: string;
    units: string[];
    tasks: { title: string; stateLabel: string; progress: number; latest: string | null }[];
    targets: {
      metric: string;
      value: number | null;
      unit: string;
      year: number | null;
      actual: number | null;
      actualYear: number | null;
      statusLabel: string | null;
    }[];
  }[];
}

/**
 * The 落实情况报告 of a higher document: each of its task items (the leaves, and any item taken on) with
 * the county's items linked to it (`adoptedNodeId`), their units, tasks with state and newest report, and
 * local targets with the actual value 目标监测 found. Items nobody took on are listed as not adopted.
 */
export function buildImplementationReport(input: {
  /** `isLeaf`: no item below it (a heading is reported through its items). */
  higherItems: readonly { id: string; path: string; title: string; role: string; isLeaf: boolean }[];
  localItems: readonly {
    id: string;
    planId: string;
    planTitle: string;
    path: string;
    title: string;
    adoptedNodeId: string | null;
    /** A heading kept in the 承接方案 for context links back too, but carries no work. */
    isLeaf: boolean;
    units: readonly string[];
  }[];
  localTargets: readonly {
    id: string;
    planId: string;
    path: string;
    metric: string;
    value: number | null;
    unit: string;
    year: number | null;
  }[];
  assessed: ReadonlyMap<string, { latest: { year: number; value: number } | null; statusLabel: string }>;
  tasks: readonly (ReportTaskInput & { planId: string; nodeId: string | null })[];
}): { items: ImplementationItem[]; adopted: number; total: number } {
  const implementing = (h: { id: string }) =>
    input.localItems.filter((l) => l.isLeaf && l.adoptedNodeId === h.id);
  const items = input.higherItems
    .filter((h) => (h.isLeaf && h.role === "task") || implementing(h).length > 0)
    .map((h): ImplementationItem => {
      const local = implementing(h).map((l) => ({
        planTitle: l.planTitle,
        path: l.path,
        title: l.title,
        units: [...l.units],
        tasks: input.tasks
          .filter((t) => t.nodeId === l.id)
          .map((t) => ({
            title: t.title,
            stateLabel: t.stateLabel,
            progress: t.progress,
            latest: t.latest === null ? null : `${t.latest.period}：${t.latest.text}`,
          })),
        targets: input.localTargets
          .filter((t) => t.planId === l.planId && t.path === l.path)
          .map((t) => {
            const a = input.assessed.get(t.id);
            return {
              metric: t.metric,
              value: t.value,
              unit: t.unit,
              year: t.year,
              actual: a?.latest?.value ?? null,
              actualYear: a?.latest?.year ?? null,
              statusLabel: a?.statusLabel ?? null,
            };
          }),
      }));
      return { path: h.path, title: h.title, isAdopted: local.length > 0, local };
    });
  return { items, adopted: items.filter((i) => i.isAdopted).length, total: items.length };
}
