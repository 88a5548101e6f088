import type { PlanDetail, PlanReportView, PlanSource, PlanSummary } from "@luoshi/contracts";
import {
  NODE_ROLE_VALUES,
  COMPARATOR_VALUES,
  DOCUMENT_LEVEL_VALUES,
  ISSUER_LEVEL_VALUES,
  PLAN_STATUS_VALUES,
  PLAN_UNIT_MATCH_VALUES,
} from "@luoshi/contracts";
import type { PlanListRow, PlanRow } from "@luoshi/db";
import type { Issue } from "@luoshi/domain";
import type { PlanView } from "../../services/plans/plan-detail.service.ts";
import type { PlanReportData } from "../../services/plans/plan-report.service.ts";
import { isLeafTask } from "../../services/plans/plan-export.service.ts";

const STATUS_LABELS: Record<(typeof PLAN_STATUS_VALUES)[number], string> = {
  draft: "草稿",
  confirmed: "已确认",
  superseded: "已被修订",
  discarded: "已作废",
};

/** Chinese role names (条目类型). */
const NODE_ROLE_LABELS: Record<(typeof NODE_ROLE_VALUES)[number], string> = {
  background: "发展基础",
  principle: "指导思想与原则",
  goal: "发展目标",
  task: "主要任务",
  safeguard: "保障措施",
  schedule: "推进计划",
  other: "其他",
};

const pick = <T extends string>(values: readonly T[], v: string, fallback: T): T =>
  values.find((x) => x === v) ?? fallback;

/** The fields of a plan that lists show. */
export function presentPlanSummary(
  p: Omit<PlanRow, "source_text" | "parse_issues">,
  counts: Pick<PlanListRow, "node_count" | "task_count" | "target_count" | "org_unit_name">,
): PlanSummary {
  const status = pick(PLAN_STATUS_VALUES, p.status, "draft");
  const documentLevel = pick(DOCUMENT_LEVEL_VALUES, p.document_level, "own");
  const issuerLevel = ISSUER_LEVEL_VALUES.find((l) => l === p.issuer_level) ?? null;
  return {
    id: p.id,
    title: p.title,
    docNumber: p.doc_number,
    issuer: p.issuer,
    issuedOn: p.issued_on,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    status,
    statusLabel: STATUS_LABELS[status],
    version: p.version,
    revisesPlanId: p.revises_plan_id,
    sourceFileName: p.source_file_name,
    orgUnitName: counts.org_unit_name,
    nodeCount: counts.node_count,
    taskCount: counts.task_count,
    targetCount: counts.target_count,
    createdAt: p.created_at.toISOString(),
    confirmedAt: p.confirmed_at?.toISOString() ?? null,
    documentLevel,
    documentLevelLabel: documentLevelLabel(documentLevel, issuerLevel),
    issuerLevel,
    documentLevelReason: p.document_level_reason,
    adoptsPlanId: p.adopts_plan_id,
  };
}

const ISSUER_LEVEL_LABELS: Record<(typeof ISSUER_LEVEL_VALUES)[number], string> = {
  national: "国家",
  province: "省级",
  city: "市级",
  county: "县级",
  school: "学校",
};

/** 本级文件, or 上级文件（市级） — the level of the issuing body where it is known. */
function documentLevelLabel(
  level: (typeof DOCUMENT_LEVEL_VALUES)[number],
  issuer: (typeof ISSUER_LEVEL_VALUES)[number] | null,
): string {
  if (level === "own") {
    return "本级文件";
  }
  return issuer === null ? "上级或外地文件" : `上级或外地文件（${ISSUER_LEVEL_LABELS[issuer]}）`;
}

/** How a written name resolved, as the 单位名称核对 shows it. */
const UNIT_RESOLUTION_LABELS: Record<(typeof PLAN_UNIT_MATCH_VALUES)[number] | "mixed", string> = {
  name: "名录单位",
  alias: "名录别名",
  renamed: "机构更名",
  group: "单位组",
  confirmed: "人工对应",
  none: "未对应",
  mixed: "各条目对应不一",
};

/** A plan with its tree, units (with registry names and suggestions) and targets. */
export function presentPlanDetail(view: PlanView): PlanDetail {
  const { plan, nodes, units, targets } = view;
  const summary = presentPlanSummary(plan, {
    node_count: nodes.length,
    task_count: nodes.filter((n) => isLeafTask(n, nodes)).length,
    target_count: targets.length,
    org_unit_name: view.orgUnitName,
  });
  const issues = Array.isArray(plan.parse_issues) ? (plan.parse_issues as Issue[]) : [];
  const { resolution } = view;
  const suggestions = new Map(resolution.names.map((n) => [n.name, n.suggestions]));
  return {
    ...summary,
    unitNames: resolution.names.map((n) => ({
      ...n,
      resolutionLabel: UNIT_RESOLUTION_LABELS[n.resolution],
      orgUnitName: n.orgUnitId === null ? null : (view.unitNames.get(n.orgUnitId) ?? null),
    })),
    unitGroups: resolution.groups,
    parseIssues: issues.map((i) => ({ code: i.code, severity: i.severity, message: i.message })),
    nodes: nodes.map((n) => {
      const role = pick(NODE_ROLE_VALUES, n.role, "other");
      return {
        id: n.id,
        path: n.path,
        parentPath: n.parent_path,
        level: n.level,
        marker: n.marker,
        title: n.title,
        role,
        roleLabel: NODE_ROLE_LABELS[role],
        span: [n.span_start, n.span_end],
        titleSpan: [n.title_start, n.title_end],
        deadline: n.deadline,
        adoptedNodeId: n.adopted_node_id,
        units: units
          .filter((u) => u.node_id === n.id)
          .map((u) => {
            const dynamic = u.org_unit_id === null ? resolution.dynamic.get(u.name) : undefined;
            const orgUnitId = dynamic?.orgUnitId ?? u.org_unit_id;
            return {
              name: u.name,
              isLead: u.is_lead,
              orgUnitId,
              orgUnitName: orgUnitId === null ? null : (view.unitNames.get(orgUnitId) ?? null),
              match: dynamic?.match ?? pick(PLAN_UNIT_MATCH_VALUES, u.match, "none"),
              groupName: dynamic?.groupName ?? null,
              suggestions: orgUnitId === null ? (suggestions.get(u.name) ?? []) : [],
            };
          }),
      };
    }),
    targets: targets.map((t) => ({
      id: t.id,
      path: t.path,
      text: t.text,
      metric: t.metric,
      indicatorCode: t.indicator_code,
      comparator: pick(COMPARATOR_VALUES, t.comparator, "="),
      value: t.value,
      valueMax: t.value_max,
      unit: t.unit,
      year: t.year,
      kind: t.kind === "baseline" ? "baseline" : "target",
      span: t.span_start === null || t.span_end === null ? null : [t.span_start, t.span_end],
    })),
  };
}

/** A plan's source document as imported: file name, format and decoded text. */
export function presentPlanSource(p: PlanRow): PlanSource {
  return { fileName: p.source_file_name, format: p.source_format, text: p.source_text };
}

/** 监测报告 / 中期评估报告 as the page shows it. */
export function presentPlanReport(data: PlanReportData): PlanReportView {
  const { report } = data;
  return {
    planId: data.plan.id,
    planTitle: data.plan.title,
    orgUnitName: data.orgUnitName,
    kind: report.kind,
    title: report.title,
    year: report.year,
    targetCounts: report.targetCounts,
    taskCounts: report.taskCounts,
    targets: report.targets.map((t) => ({
      targetId: t.targetId,
      path: t.path,
      metric: t.metric,
      text: t.text,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      targetYear: t.targetYear,
      indicatorName: t.indicatorName,
      baseline: t.baseline,
      latest: t.latest,
      projected: t.projected,
      requiredYearlyChange: t.requiredYearlyChange,
      status: t.status,
      statusLabel: t.statusLabel,
      series: [...t.series],
      units: t.units,
      tasks: t.tasks,
    })),
    tasks: report.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      stateLabel: t.stateLabel,
      progress: t.progress,
      deadline: t.deadline,
      overdue: t.overdue,
      units: [...t.units],
      latest: t.latest,
    })),
    atRisk: report.atRisk,
  };
}
