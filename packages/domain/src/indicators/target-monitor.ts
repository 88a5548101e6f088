/**
 * 目标监测, the pure part: which targets of the confirmed plans are monitored and by which indicator,
 * which indicators and years must be computed ({@link planTargetMonitor}), and, given their series, each
 * target's baseline, status, projection and the yearly change still needed ({@link assessMonitoredTargets}).
 * The service loads the plans and statistics and evaluates the series between the two calls.
 */
import { roundHalfUp } from "@luoshi/common";
import {
  COHORT_INDICATORS,
  isCohortIndicator,
  projectCohortRate,
  type CohortYear,
} from "./cohort-projection.ts";
import type { IndicatorDefinition } from "./definition.ts";
import {
  baseYear,
  describeRule,
  findRuleSentences,
  judgedComparator,
  suggestIndicator,
  type CatalogueName,
} from "./target-link.ts";
import { assessQualitativeRule, findQualitativeRule, type QualitativeTargetRule } from "./target-rules.ts";
import {
  TARGET_STATUS_LABELS,
  assessTarget,
  type ProjectionMethod,
  type SeriesPoint,
  type TargetComparator,
  type TargetStatus,
} from "./targets.ts";

/** Years of history shown at least (the trend is fitted on the last five). */
const HISTORY = 6;
/** Never reach back further than this many years before the requested one. */
const MAX_HISTORY = 12;

/** Every {@link TargetComparator}, to read a stored comparator without a cast. */
export const TARGET_COMPARATORS: readonly TargetComparator[] = [
  ">=",
  "<=",
  "=",
  ">",
  "<",
  "increase",
  "decrease",
];

/** Whether a target's indicator was confirmed by staff, suggested by the parser, or is unknown. */
export type TargetLinkState = "confirmed" | "suggested" | "none";

/** A 目标 or 现状值 row of a confirmed plan, with what monitoring needs of its plan. */
export interface PlanTargetInput {
  id: string;
  planId: string;
  planTitle: string;
  planPeriodStart: number | null;
  planPeriodEnd: number | null;
  kind: "target" | "baseline";
  path: string;
  text: string;
  metric: string;
  /** The stored indicator (the parser's guess or staff's choice). */
  indicatorCode: string | null;
  /** When staff confirmed `indicatorCode`; null while it is only a suggestion. */
  confirmedAt: Date | null;
  comparator: TargetComparator;
  value: number | null;
  unit: string;
  year: number | null;
}

/** A 发展目标 passage of a confirmed plan (qualitative targets may be stated only in running text). */
export interface GoalTextInput {
  nodeId: string;
  planId: string;
  planTitle: string;
  planPeriodEnd: number | null;
  path: string;
  text: string;
}

/** The indicator catalogue as monitoring reads it. */
export interface MonitorCatalogue {
  names: readonly CatalogueName[];
  definitions: ReadonlyMap<string, IndicatorDefinition>;
}

interface PlannedTarget {
  t: PlanTargetInput;
  link: { code: string | null; state: TargetLinkState };
  targetYear: number | null;
  rule: QualitativeTargetRule | null;
}

interface StatedRule {
  g: GoalTextInput;
  rule: QualitativeTargetRule;
  sentence: string;
}

/** What to compute before assessing: the targets as linked, and the indicators, years and cohorts needed. */
export interface TargetMonitorPlan {
  year: number;
  planned: PlannedTarget[];
  baselines: PlanTargetInput[];
  stated: StatedRule[];
  /** Indicator codes whose series the assessment reads. */
  needed: string[];
  /** The years of those series: from the earliest base year (at most 12 back) to `year`. */
  years: number[];
  /** 巩固率 linked to a target: projected by cohort flow (队列推算) rather than by trend. */
  cohortCodes: string[];
}

/**
 * Links each target to its indicator (a confirmed link if the catalogue still has it, else the
 * parser's suggestion), finds the rule of targets without a number, adds one item per plan and rule for
 * qualitative targets stated only in 发展目标 text (from the deepest passage, unless a target row of the
 * plan already carries the rule), and gathers what must be computed.
 */
export function planTargetMonitor(input: {
  year: number;
  rows: readonly PlanTargetInput[];
  goalTexts: readonly GoalTextInput[];
  catalogue: MonitorCatalogue;
}): TargetMonitorPlan {
  const { year, catalogue } = input;
  const linkOf = (t: PlanTargetInput): PlannedTarget["link"] => {
    if (t.confirmedAt !== null) {
      const known = t.indicatorCode !== null && catalogue.definitions.has(t.indicatorCode);
      return { code: known ? t.indicatorCode : null, state: "confirmed" };
    }
    const code = suggestIndicator(t.metric, t.indicatorCode, catalogue.names);
    return { code, state: code === null ? "none" : "suggested" };
  };
  const planned = input.rows
    .filter((r) => r.kind === "target")
    .map((t): PlannedTarget => {
      const link = linkOf(t);
      const targetYear = t.year ?? t.planPeriodEnd;
      const rule = t.value === null || link.code === null ? findQualitativeRule(t.text) : null;
      return { t, link, targetYear, rule };
    });

  const covered = new Set(planned.flatMap((p) => (p.rule === null ? [] : [`${p.t.planId}|${p.rule.code}`])));
  const depth = (path: string) => path.split(".").length;
  const stated = [...input.goalTexts]
    .sort((a, b) => depth(b.path) - depth(a.path))
    .flatMap((g) => findRuleSentences(g.text).map((r) => ({ g, rule: r.rule, sentence: r.sentence })))
    .filter((s) => {
      const key = `${s.g.planId}|${s.rule.code}`;
      if (covered.has(key)) {
        return false;
      }
      covered.add(key);
      return true;
    });

  // One evaluation for every indicator any target needs, over the years from the earliest base year.
  const needed = new Set<string>();
  for (const s of stated) {
    for (const c of s.rule.conditions) {
      needed.add(c.indicatorCode);
    }
  }
  let from = year - HISTORY + 1;
  for (const p of planned) {
    if (p.link.code !== null) {
      needed.add(p.link.code);
    }
    for (const c of p.rule?.conditions ?? []) {
      needed.add(c.indicatorCode);
    }
    const base = baseYear(p.t.planPeriodStart, p.targetYear);
    if (base !== null) {
      from = Math.min(from, base);
    }
  }
  from = Math.max(from, year - MAX_HISTORY);
  const cohortCodes = new Set(
    planned.flatMap((p) => (p.link.code !== null && isCohortIndicator(p.link.code) ? [p.link.code] : [])),
  );
  return {
    year,
    planned,
    baselines: input.rows.filter((r) => r.kind === "baseline"),
    stated,
    needed: [...needed],
    years: Array.from({ length: year - from + 1 }, (_, i) => from + i),
    cohortCodes: [...cohortCodes],
  };
}

/** One monitored target: its link, baseline, latest value, status and projection to the target year. */
export interface MonitoredTarget {
  targetId: string;
  planId: string;
  planTitle: string;
  path: string;
  text: string;
  metric: string;
  indicatorCode: string | null;
  indicatorName: string | null;
  linkState: TargetLinkState;
  comparator: TargetComparator;
  value: number | null;
  unit: string;
  targetYear: number | null;
  /** For targets without a number (基本消除大班额): the checkable rule, in words. */
  rule: string | null;
  baseline: { year: number; value: number } | null;
  latest: { year: number; value: number } | null;
  status: TargetStatus;
  statusLabel: string;
  projected: number | null;
  projectionMethod?: ProjectionMethod;
  requiredYearlyChange: number | null;
  series: SeriesPoint[];
  goal: number | null;
  seriesIndicatorName: string | null;
  confirmedAt: Date | null;
  /** "target": a plan target row (linkable); "text": a rule found in 发展目标 text. */
  origin: "target" | "text";
}

const round = (v: number | null): number | null => (v === null ? null : roundHalfUp(v, 4));

/**
 * The 队列推算 value of a cohort-defined indicator in the target year, when its cohort can be followed
 * from the same latest year the series ends in (else null: the trend is used).
 */
export function cohortProjection(
  code: string,
  series: readonly SeriesPoint[],
  targetYear: number,
  cohorts: ReadonlyMap<string, CohortYear[]>,
): number | null {
  const spec = COHORT_INDICATORS[code];
  const history = cohorts.get(code);
  if (spec === undefined || history === undefined) {
    return null;
  }
  const latest = series.reduce<number | null>(
    (y, p) => (p.value === null || (y !== null && y >= p.year) ? y : p.year),
    null,
  );
  const p = projectCohortRate(history, targetYear, spec);
  return p === null || p.fromYear !== latest ? null : p.value;
}

/**
 * Assesses every planned target on the computed `series` (and, for cohort-linked ones, `cohorts`):
 * the baseline is the plan's own 现状值 for the same indicator, else the series' value in the base year;
 * a target with a rule is judged by its worst condition.
 */
export function assessMonitoredTargets(
  plan: TargetMonitorPlan,
  catalogue: MonitorCatalogue,
  series: ReadonlyMap<string, SeriesPoint[]>,
  cohorts: ReadonlyMap<string, CohortYear[]>,
): MonitoredTarget[] {
  const { year } = plan;
  const { names, definitions } = catalogue;
  const items = plan.planned.map(({ t, link, targetYear, rule }): MonitoredTarget => {
    const definition = link.code === null ? undefined : definitions.get(link.code);
    // “达到 90%” (=) is judged as ≥ or ≤ by the indicator's better direction, and shown that way.
    const comparator = judgedComparator(t.comparator, definition?.direction);
    const dueYear = targetYear ?? year;
    let s: SeriesPoint[] = link.code === null ? [] : (series.get(link.code) ?? []);
    const base = baseYear(t.planPeriodStart, targetYear);
    const stated = plan.baselines.find(
      (b) =>
        b.planId === t.planId &&
        b.value !== null &&
        (b.metric === t.metric ||
          (link.code !== null && suggestIndicator(b.metric, b.indicatorCode, names) === link.code)),
    );
    let baseline: MonitoredTarget["baseline"] = null;
    if (stated?.value !== null && stated?.value !== undefined) {
      baseline = { year: stated.year ?? base ?? dueYear - 5, value: stated.value };
    } else if (base !== null) {
      const v = s.find((p) => p.year === base)?.value ?? null;
      baseline = v === null ? null : { year: base, value: v };
    }
    let status: TargetStatus;
    let latest: MonitoredTarget["latest"] = null;
    let projected: number | null = null;
    let projectionMethod: ProjectionMethod | undefined;
    let required: number | null = null;
    let ruleText: string | null = null;
    let goal: number | null = null;
    if (rule !== null) {
      ruleText = describeRule(rule, names);
      const assessed = assessQualitativeRule(rule, dueYear, series);
      status = assessed.status;
      const firstCode = rule.conditions[0]?.indicatorCode;
      const main = assessed.conditions[0];
      s = firstCode === undefined ? [] : (series.get(firstCode) ?? []);
      latest = main?.latest ?? null;
      projected = main?.projected ?? null;
      projectionMethod = main?.projectionMethod ?? undefined;
      required = main?.requiredYearlyChange ?? null;
      goal = main?.goal ?? null;
    } else if (link.code === null) {
      status = "no-data";
    } else {
      const cohort = cohortProjection(link.code, s, dueYear, cohorts);
      const a = assessTarget(
        {
          indicatorCode: link.code,
          comparator,
          value: t.value,
          year: dueYear,
          ...(baseline === null ? {} : { baseline }),
        },
        s,
        cohort === null ? {} : { projection: { method: "cohort", value: cohort } },
      );
      status = a.status;
      latest = a.latest;
      projected = a.projected;
      projectionMethod = a.projectionMethod ?? undefined;
      required = a.requiredYearlyChange;
      goal = a.goal;
    }
    const ruleCode = rule?.conditions[0]?.indicatorCode;
    const shown = rule !== null && ruleCode !== undefined ? definitions.get(ruleCode) : definition;
    return {
      targetId: t.id,
      planId: t.planId,
      planTitle: t.planTitle,
      path: t.path,
      text: t.text,
      metric: t.metric,
      indicatorCode: link.code,
      indicatorName: definition?.name ?? null,
      linkState: link.state,
      comparator,
      value: t.value,
      unit: t.unit === "" ? (shown?.unit ?? "") : t.unit,
      targetYear,
      rule: ruleText,
      baseline,
      latest,
      status,
      statusLabel: TARGET_STATUS_LABELS[status],
      projected: round(projected),
      ...(projected === null || projectionMethod === undefined ? {} : { projectionMethod }),
      requiredYearlyChange: round(required),
      series: s,
      goal: round(goal),
      seriesIndicatorName: shown?.name ?? null,
      confirmedAt: t.confirmedAt,
      origin: "target",
    };
  });
  const textItems = plan.stated.map(({ g, rule, sentence }): MonitoredTarget => {
    const dueYear = g.planPeriodEnd ?? year;
    const assessed = assessQualitativeRule(rule, dueYear, series);
    const main = assessed.conditions[0];
    const code = rule.conditions[0]?.indicatorCode ?? null;
    const shown = code === null ? undefined : definitions.get(code);
    return {
      targetId: g.nodeId,
      planId: g.planId,
      planTitle: g.planTitle,
      path: g.path,
      text: sentence,
      metric: sentence,
      indicatorCode: null,
      indicatorName: null,
      linkState: "none",
      comparator: rule.conditions[0]?.comparator ?? "<=",
      value: null,
      unit: shown?.unit ?? "",
      targetYear: g.planPeriodEnd,
      rule: describeRule(rule, names),
      baseline: null,
      latest: main?.latest ?? null,
      status: assessed.status,
      statusLabel: TARGET_STATUS_LABELS[assessed.status],
      projected: round(main?.projected ?? null),
      ...(main?.projectionMethod === null || main?.projectionMethod === undefined
        ? {}
        : { projectionMethod: main.projectionMethod }),
      requiredYearlyChange: round(main?.requiredYearlyChange ?? null),
      series: code === null ? [] : (series.get(code) ?? []),
      goal: round(main?.goal ?? null),
      seriesIndicatorName: shown?.name ?? null,
      confirmedAt: null,
      origin: "text",
    };
  });
  return [...items, ...textItems];
}
