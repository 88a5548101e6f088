/**
 * 目标监测: whether a target (学前三年毛入园率 ≥ 95% by 2025 …) is achieved, on track, at risk or off track,
 * from the yearly values of its indicator. Pure arithmetic over a series; no clock — "now" is the latest
 * year with a value.
 */
import type { Issue } from "../issues.ts";

/** How a target compares (the policy parser's comparators): 达到…以上 → ">=", 下降 → "decrease" … */
export type TargetComparator = ">=" | "<=" | "=" | ">" | "<" | "increase" | "decrease";

/** A target on one indicator. */
export interface IndicatorTarget {
  indicatorCode: string;
  comparator: TargetComparator;
  /**
   * The threshold; for increase/decrease the required change from the baseline (null: any change in the
   * right direction, e.g. "逐年提高").
   */
  value: number | null;
  /** Year due (目标年度). */
  year: number;
  /** For increase/decrease: the value to improve on (default: the earliest value in the series). */
  baseline?: { year: number; value: number };
}

/** One yearly value; null when it could not be computed. */
export interface SeriesPoint {
  year: number;
  value: number | null;
}

/** 达成 / 进度正常 / 存在风险 / 严重滞后 / 无数据. */
export type TargetStatus = "achieved" | "on-track" | "at-risk" | "off-track" | "no-data";

/** Chinese labels for {@link TargetStatus}. */
export const TARGET_STATUS_LABELS: Readonly<Record<TargetStatus, string>> = {
  achieved: "已达成",
  "on-track": "进度正常",
  "at-risk": "存在风险",
  "off-track": "严重滞后",
  "no-data": "无数据",
};

/** Least-squares line over the last years: value ≈ intercept + slope × year. */
export interface Trend {
  slope: number;
  intercept: number;
  fromYear: number;
  toYear: number;
  points: number;
}

/**
 * How the target-year value was projected: the least-squares trend, or 队列推算 (cohort flow, for
 * indicators defined by cohorts such as 巩固率 — see `projectCohortRate`).
 */
export type ProjectionMethod = "trend" | "cohort";

/** The assessment of a target. */
export interface TargetAssessment {
  status: TargetStatus;
  /** The latest year with a value. */
  latest: { year: number; value: number } | null;
  /** The number the value must reach (baseline ± change for increase/decrease); null for "any change". */
  goal: number | null;
  trend: Trend | null;
  /** Value expected in the target year (trend, or the cohort projection when one was given). */
  projected: number | null;
  /** Which method gave `projected`; null when nothing was projected. */
  projectionMethod: ProjectionMethod | null;
  /** Change per year still needed from the latest value to reach the goal by the target year. */
  requiredYearlyChange: number | null;
  issues: Issue[];
}

/** Options of {@link assessTarget}. */
export interface TargetOptions {
  /** Years of history the trend is fitted on (default 5). */
  trendYears?: number;
  /** Absolute tolerance for "=" (default 1e-9). */
  tolerance?: number;
  /** A target is at risk rather than off track while the trend moves at least this share of the required pace (default 0.5). */
  atRiskPace?: number;
  /**
   * A target-year value projected otherwise (队列推算): used instead of the trend's; the pace compared
   * with the yearly change still needed is then (projected − latest) ÷ years left.
   */
  projection?: { method: "cohort"; value: number };
}

/** Ordinary least squares of value on year; null with fewer than two distinct years. */
export function linearTrend(points: readonly { year: number; value: number }[]): Trend | null {
  const n = points.length;
  if (n < 2) {
    return null;
  }
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - mx) ** 2;
    sxy += (p.year - mx) * (p.value - my);
  }
  if (sxx === 0) {
    return null;
  }
  const slope = sxy / sxx;
  return {
    slope,
    intercept: my - slope * mx,
    fromYear: points[0]?.year ?? 0,
    toYear: points[n - 1]?.year ?? 0,
    points: n,
  };
}

/**
 * Assesses a target against its indicator's yearly series. The rule, in order:
 * 1. No value at all → `no-data`.
 * 2. The target year has come (latest year ≥ target year): the value of the target year (else the latest)
 *    meets the goal → `achieved`, otherwise `off-track`.
 * 3. The latest value already meets the goal → `achieved`.
 * 4. Otherwise a straight line is fitted by least squares through the values of the last `trendYears`
 *    years (default 5) and extended to the target year. It meets the goal → `on-track`.
 *    With `options.projection` (cohort flow) that value is the projection instead of the line's.
 * 5. It does not, but the trend moves towards the goal at ≥ `atRiskPace` (default half) of the yearly
 *    change still needed → `at-risk`; with a single value (no trend) → `at-risk` as well.
 * 6. Otherwise (standing still, moving away, or too slowly) → `off-track`.
 * The yearly change still needed is (goal − latest) ÷ (target year − latest year).
 */
export function assessTarget(
  target: IndicatorTarget,
  series: readonly SeriesPoint[],
  options: TargetOptions = {},
): TargetAssessment {
  const trendYears = options.trendYears ?? 5;
  const tolerance = options.tolerance ?? 1e-9;
  const atRiskPace = options.atRiskPace ?? 0.5;
  const points = series
    .filter((p): p is { year: number; value: number } => p.value !== null && Number.isFinite(p.value))
    .sort((a, b) => a.year - b.year);
  const issues: Issue[] = [];
  const latest = points[points.length - 1];
  const empty = {
    goal: null,
    trend: null,
    projected: null,
    projectionMethod: null,
    requiredYearlyChange: null,
  };
  if (latest === undefined) {
    issues.push({
      code: "target-no-data",
      severity: "warning",
      message: `指标“${target.indicatorCode}”没有可用数值，无法判断目标进度`,
    });
    return { status: "no-data", latest: null, ...empty, issues };
  }
  const { comparator } = target;
  const isChange = comparator === "increase" || comparator === "decrease";
  if (!isChange && target.value === null) {
    issues.push({
      code: "target-without-value",
      severity: "error",
      message: `目标“${target.indicatorCode} ${comparator}”缺少数值`,
    });
    return { status: "no-data", latest, ...empty, issues };
  }
  const baseline = target.baseline?.value ?? points[0]?.value ?? latest.value;
  const sign = comparator === "decrease" ? -1 : 1;
  const goal = isChange ? (target.value === null ? null : baseline + sign * target.value) : target.value;
  const meets = (v: number): boolean => {
    switch (comparator) {
      case ">=":
        return v >= (goal ?? 0) - tolerance;
      case "<=":
        return v <= (goal ?? 0) + tolerance;
      case ">":
        return v > (goal ?? 0);
      case "<":
        return v < (goal ?? 0);
      case "=":
        return Math.abs(v - (goal ?? 0)) <= tolerance;
      case "increase":
        return goal === null ? v > baseline : v >= goal - tolerance;
      case "decrease":
        return goal === null ? v < baseline : v <= goal + tolerance;
    }
  };
  if (latest.year >= target.year) {
    const due = points.find((p) => p.year === target.year) ?? latest;
    return {
      status: meets(due.value) ? "achieved" : "off-track",
      latest,
      goal,
      trend: null,
      projected: null,
      projectionMethod: null,
      requiredYearlyChange: null,
      issues,
    };
  }
  const yearsLeft = target.year - latest.year;
  const aim = goal ?? baseline;
  const required = meets(latest.value) ? 0 : (aim - latest.value) / yearsLeft;
  const recent = points.filter((p) => p.year > latest.year - trendYears);
  const trend = linearTrend(recent);
  const cohort = options.projection;
  const projected =
    cohort !== undefined ? cohort.value : trend === null ? null : trend.intercept + trend.slope * target.year;
  const projectionMethod: ProjectionMethod | null =
    cohort !== undefined ? "cohort" : projected === null ? null : "trend";
  // The yearly movement the projection implies: the line's slope, or the cohort's average step.
  const pace = cohort !== undefined ? (cohort.value - latest.value) / yearsLeft : (trend?.slope ?? null);
  const common = { latest, goal, trend, projected, projectionMethod, issues };
  if (meets(latest.value)) {
    return { status: "achieved", ...common, requiredYearlyChange: 0 };
  }
  let status: TargetStatus;
  if (projected === null || pace === null) {
    status = "at-risk";
  } else if (
    meets(projected) ||
    (comparator === "=" && Math.sign(projected - aim) !== Math.sign(latest.value - aim))
  ) {
    status = "on-track";
  } else if (
    required !== 0 &&
    Math.sign(pace) === Math.sign(required) &&
    Math.abs(pace) >= atRiskPace * Math.abs(required)
  ) {
    status = "at-risk";
  } else if (goal === null && Math.sign(pace) === sign && pace !== 0) {
    status = "at-risk";
  } else {
    status = "off-track";
  }
  return { status, ...common, requiredYearlyChange: required };
}

/** Severity order of statuses (worst last), for combining several conditions. */
export const TARGET_STATUS_ORDER: readonly TargetStatus[] = [
  "achieved",
  "on-track",
  "at-risk",
  "off-track",
  "no-data",
];

/** The worst of several statuses (no-data wins: a rule cannot be judged on missing data). */
export function worstStatus(statuses: readonly TargetStatus[]): TargetStatus {
  let worst = 0;
  for (const s of statuses) {
    worst = Math.max(worst, TARGET_STATUS_ORDER.indexOf(s));
  }
  return TARGET_STATUS_ORDER[worst] ?? "no-data";
}
