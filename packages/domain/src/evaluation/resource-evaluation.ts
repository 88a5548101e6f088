/**
 * 资源配置 evaluation of 优质均衡 (spec §1.1a, §1.1b): per-school 6-of-7/85% rule, student-weighted
 * 差异系数 per indicator and 学段, verdict. Every figure keeps its parts for explanation.
 */
import type { Issue } from "../issues.ts";
import { dispersionInto } from "./difference-coefficient.ts";
import {
  compareRatio,
  prepareThreshold,
  type PreparedThreshold,
  RELATIVE_TOLERANCE,
  valueMeets,
} from "./exact-compare.ts";
import {
  type BalanceSchool,
  type IndicatorMap,
  type Level,
  LEVEL_LABELS,
  LEVELS,
  mapIndicators,
  RESOURCE_INDICATOR_KEYS,
  RESOURCE_INDICATORS,
  type ResourceIndicatorKey,
} from "./resource-indicators.ts";
import {
  NATIONAL_RULE_SET,
  type RuleSet,
  type RuleSetRef,
  ruleSetRef,
  type SplitWeights,
  type TeachingPointPolicy,
} from "./rule-set.ts";
import type { LevelRows, SchoolPartEvaluation } from "./resource-rows.ts";
import { SchoolPartView } from "./school-part-view.ts";
import { type ExcludedSchool, type LevelColumns, type SchoolPart, splitColumns } from "./school-parts.ts";

export type { LevelRows, SchoolPartEvaluation } from "./resource-rows.ts";

/** Distance from a CV limit within which a result is flagged (`cv-near-limit`, spec §1.1b). */
export const CV_NEAR_LIMIT = 0.0005;

/** Options of {@link evaluateResources}; policy and weights default to the rule set's. */
export interface ResourceEvaluationOptions {
  ruleSet?: RuleSet;
  teachingPointPolicy?: TeachingPointPolicy;
  splitWeights?: SplitWeights;
}

/** 差异系数 of one indicator in one 学段 with its parts (null where undefined). */
export interface IndicatorStatistics {
  key: ResourceIndicatorKey;
  level: Level;
  /** Per-school threshold (e.g. 4.2). */
  threshold: number;
  /** CV limit of the 学段 (0.50 / 0.45). */
  limit: number;
  schoolCount: number;
  /** m·ΣR. */
  numerator: number;
  /** ΣP. */
  denominator: number;
  /** 全县平均值 X̄. */
  mean: number | null;
  variance: number | null;
  /** 标准差. */
  sd: number | null;
  /** 差异系数. */
  cv: number | null;
  isCvPass: boolean;
  isNearLimit: boolean;
}

/** One 学段's result. */
export interface LevelEvaluation {
  level: Level;
  schoolCount: number;
  students: number;
  indicators: IndicatorMap<IndicatorStatistics>;
  isCvPass: boolean;
  isSchoolsPass: boolean;
  /** Column store behind the school views: weights, values, contributions, verdicts per row. */
  rows: LevelRows;
}

/** Result of the 资源配置 evaluation, recording the rule set and choices it used. */
export interface ResourceEvaluation {
  ruleSet: RuleSetRef;
  teachingPointPolicy: TeachingPointPolicy;
  splitWeights: SplitWeights;
  schools: SchoolPartEvaluation[];
  levels: Record<Level, LevelEvaluation>;
  excluded: ExcludedSchool[];
  /** Every school part passes the per-school rule. */
  isSchoolsPass: boolean;
  /** All 14 CVs within limits. */
  isCvPass: boolean;
  /** Both: the resource part of spec §1.1e. */
  isResourcePass: boolean;
  issues: Issue[];
}

/** Thresholds of one 学段 prepared for exact comparison (full and 85% level). */
export interface PreparedLevelThresholds {
  full: IndicatorMap<PreparedThreshold>;
  partial: IndicatorMap<PreparedThreshold>;
}

const preparedCache = new WeakMap<RuleSet, Partial<Record<Level, PreparedLevelThresholds>>>();

/** Prepares the thresholds of one 学段 of a rule set for {@link judgePart} (memoised per rule set object). */
export function prepareLevelThresholds(ruleSet: RuleSet, level: Level): PreparedLevelThresholds {
  const cached = preparedCache.get(ruleSet)?.[level];
  if (cached) {
    return cached;
  }
  const prepared = computeLevelThresholds(ruleSet, level);
  preparedCache.set(ruleSet, { ...preparedCache.get(ruleSet), [level]: prepared });
  return prepared;
}

function computeLevelThresholds(ruleSet: RuleSet, level: Level): PreparedLevelThresholds {
  const factor = ruleSet.thresholds["resource.partialFactor"];
  return {
    full: mapIndicators((k) => prepareThreshold(ruleSet.thresholds[`resource.${level}.${k}`])),
    partial: mapIndicators((k) => prepareThreshold(ruleSet.thresholds[`resource.${level}.${k}`], factor)),
  };
}

/**
 * Per-school rule (spec §1.1a "每所学校至少6项指标达到上述要求，余项不能低于要求的85%"): pass iff at
 * least `minimumMet` indicators are met and every unmet one reaches the 85% floor. Comparisons are
 * exact (exact-compare.ts).
 */
export function judgePart(
  part: Pick<SchoolPart, "students" | "quantities">,
  prepared: PreparedLevelThresholds,
  minimumMet: number,
): { met: IndicatorMap<boolean>; reachesPartial: IndicatorMap<boolean>; metCount: number; isPass: boolean } {
  let metCount = 0;
  let allPartial = true;
  const met = {} as IndicatorMap<boolean>;
  const reachesPartial = {} as IndicatorMap<boolean>;
  for (const key of RESOURCE_INDICATOR_KEYS) {
    const m = RESOURCE_INDICATORS[key].multiplier;
    const q = part.quantities[key];
    const isMet = compareRatio(q, part.students, prepared.full[key], m) >= 0;
    const isPartial = isMet || compareRatio(q, part.students, prepared.partial[key], m) >= 0;
    met[key] = isMet;
    reachesPartial[key] = isPartial;
    if (isMet) {
      metCount++;
    }
    if (!isPartial) {
      allPartial = false;
    }
  }
  return { met, reachesPartial, metCount, isPass: metCount >= minimumMet && allPartial };
}

function judgeColumns(
  cols: LevelColumns,
  prepared: PreparedLevelThresholds,
  minimumMet: number,
): Pick<LevelRows, "met" | "reachesPartial" | "metCount" | "isPass"> {
  const n = cols.students.length;
  const buffer = new Uint8Array(17 * n);
  const column = (i: number): Uint8Array => buffer.subarray(i * n, (i + 1) * n);
  const met = mapIndicators((k) => column(RESOURCE_INDICATORS[k].number - 1));
  const reachesPartial = mapIndicators((k) => column(6 + RESOURCE_INDICATORS[k].number));
  const metCount = column(14);
  const isPass = column(15);
  const allPartial = column(16).fill(1);
  const students = cols.students;
  for (const key of RESOURCE_INDICATOR_KEYS) {
    // Inlined compareRatio(r, p, t, m) >= 0 for p > 0 and non-negative figures (see exact-compare.ts):
    // m·r·D ≥ T·p − tolerance·T·p.
    const m = RESOURCE_INDICATORS[key].multiplier;
    const full = prepared.full[key];
    const partial = prepared.partial[key];
    const fullLhs = m * full.denominator;
    const fullRhs = full.numerator * (1 - RELATIVE_TOLERANCE);
    const partialLhs = m * partial.denominator;
    const partialRhs = partial.numerator * (1 - RELATIVE_TOLERANCE);
    const q = cols.quantities[key];
    const isMet = met[key];
    const isPartial = reachesPartial[key];
    for (let i = 0; i < n; i++) {
      const p = students[i] ?? 0;
      const r = q[i] ?? 0;
      if (r * fullLhs >= fullRhs * p) {
        isMet[i] = 1;
        isPartial[i] = 1;
        metCount[i] = (metCount[i] ?? 0) + 1;
      } else if (r * partialLhs >= partialRhs * p) {
        isPartial[i] = 1;
      } else {
        allPartial[i] = 0;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    isPass[i] = (metCount[i] ?? 0) >= minimumMet && allPartial[i] === 1 ? 1 : 0;
  }
  return { met, reachesPartial, metCount, isPass };
}

/**
 * Evaluates the 资源配置 part for one county (spec §1.1a, §1.1b). Issues come from splitting (see
 * `splitColumns`) and from the statistics: `level-without-schools`, `single-school-level`,
 * `cv-undefined-zero-mean`, `cv-near-limit` (within 0.0005 of a limit). Never throws. Works on
 * columns so that a province of 25,000 schools takes milliseconds; `schools` are views over them.
 */
export function evaluateResources(
  schools: readonly BalanceSchool[],
  options: ResourceEvaluationOptions = {},
): ResourceEvaluation {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const teachingPointPolicy = options.teachingPointPolicy ?? ruleSet.teachingPointPolicy;
  const splitWeights = options.splitWeights ?? ruleSet.splitWeights;
  const split = splitColumns(schools, { teachingPointPolicy, splitWeights });
  const issues = [...split.issues];
  const minimumMet = ruleSet.thresholds["resource.minimumMet"];
  const views: SchoolPartView[] = [];
  const levels = {} as Record<Level, LevelEvaluation>;
  for (const level of LEVELS) {
    const cols = split.levels[level];
    const n = cols.students.length;
    const limit = ruleSet.thresholds[`resource.cvLimit.${level}`];
    const where = { level };
    if (n === 0) {
      issues.push({
        code: "level-without-schools",
        severity: "warning",
        message: `${LEVEL_LABELS[level]}没有参与计算的学校`,
        where,
      });
    } else if (n === 1) {
      issues.push({
        code: "single-school-level",
        severity: "info",
        message: `${LEVEL_LABELS[level]}只有一所学校，差异系数为 0`,
        where,
      });
    }
    // One buffer per 学段: weights, then 7 value columns, then 7 contribution columns.
    const buffer = new Float64Array(15 * n);
    const column = (i: number): Float64Array => buffer.subarray(i * n, (i + 1) * n);
    const weights = column(0);
    const values = mapIndicators((k) => column(RESOURCE_INDICATORS[k].number));
    const contributions = mapIndicators((k) => column(7 + RESOURCE_INDICATORS[k].number));
    const indicators = mapIndicators((key): IndicatorStatistics => {
      const threshold = ruleSet.thresholds[`resource.${level}.${key}`];
      const d = dispersionInto(cols.students, cols.quantities[key], RESOURCE_INDICATORS[key].multiplier, {
        values: values[key],
        weights,
        contributions: contributions[key],
      });
      const base = {
        key,
        level,
        threshold,
        limit,
        schoolCount: d.count,
        numerator: d.numerator,
        denominator: d.denominator,
      };
      if (d.count === 0) {
        return {
          ...base,
          mean: null,
          variance: null,
          sd: null,
          cv: null,
          isCvPass: true,
          isNearLimit: false,
        };
      }
      const name = RESOURCE_INDICATORS[key].name;
      if (!(d.mean > 0)) {
        issues.push({
          code: "cv-undefined-zero-mean",
          severity: "error",
          message: `${LEVEL_LABELS[level]}“${name}”全县平均值为 0，差异系数无定义`,
          where: { level, field: key },
        });
        return {
          ...base,
          mean: d.mean,
          variance: null,
          sd: null,
          cv: null,
          isCvPass: false,
          isNearLimit: false,
        };
      }
      const isNearLimit = Math.abs(d.cv - limit) <= CV_NEAR_LIMIT;
      if (isNearLimit) {
        issues.push({
          code: "cv-near-limit",
          severity: "info",
          message: `${LEVEL_LABELS[level]}“${name}”差异系数 ${d.cv.toFixed(4)} 与上限 ${limit} 相差不足 0.0005，请核对原始数据`,
          where: { level, field: key },
        });
      }
      const isCvPass = valueMeets(d.cv, limit, "max");
      return { ...base, mean: d.mean, variance: d.variance, sd: d.sd, cv: d.cv, isCvPass, isNearLimit };
    });
    const rows: LevelRows = {
      columns: cols,
      weights,
      values,
      contributions,
      ...judgeColumns(cols, prepareLevelThresholds(ruleSet, level), minimumMet),
    };
    for (let row = 0; row < n; row++) {
      const school = schools[cols.school[row] ?? -1];
      if (school) {
        views.push(new SchoolPartView(school, level, rows, row));
      }
    }
    levels[level] = {
      level,
      schoolCount: n,
      students: cols.students.reduce((a, b) => a + b, 0),
      indicators,
      isCvPass: RESOURCE_INDICATOR_KEYS.every((k) => indicators[k].isCvPass),
      isSchoolsPass: rows.isPass.every((x) => x === 1),
      rows,
    };
  }
  const isSchoolsPass = LEVELS.every((l) => levels[l].isSchoolsPass);
  const isCvPass = LEVELS.every((l) => levels[l].isCvPass);
  return {
    ruleSet: ruleSetRef(ruleSet),
    teachingPointPolicy,
    splitWeights,
    schools: views,
    levels,
    excluded: split.excluded,
    isSchoolsPass,
    isCvPass,
    isResourcePass: isSchoolsPass && isCvPass,
    issues,
  };
}
