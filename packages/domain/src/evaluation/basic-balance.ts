/**
 * 基本均衡 (2012, 教督〔2012〕3号; spec §3): 8 indicators, 综合差异系数 = mean of the 8 unrounded CVs,
 * 小学 ≤ 0.65, 初中 ≤ 0.55. Only the composite is tested (a single CV may exceed it).
 */
import type { Issue } from "../issues.ts";
import { dispersionIssues, weightedDispersion } from "./difference-coefficient.ts";
import { valueMeets } from "./exact-compare.ts";
import { type Level, LEVEL_LABELS, LEVELS } from "./resource-indicators.ts";
import { NATIONAL_RULE_SET, type RuleSet, type RuleSetRef, ruleSetRef } from "./rule-set.ts";

/** The 8 indicators of spec §3, in the order of the published tables. */
export const BASIC_BALANCE_INDICATOR_KEYS = [
  "teachingFloorArea",
  "sportsArea",
  "equipmentValue",
  "computers",
  "books",
  "teachers",
  "qualifiedTeachers",
  "seniorTitleTeachers",
] as const;
/** Key of one 2012 indicator. */
export type BasicBalanceIndicatorKey = (typeof BASIC_BALANCE_INDICATOR_KEYS)[number];

/** Name, multiplier and whether the quantity is a facility split by weights (spec §1.1b) of each. */
export const BASIC_BALANCE_INDICATORS: Record<
  BasicBalanceIndicatorKey,
  { name: string; multiplier: number; isFacility: boolean }
> = {
  teachingFloorArea: { name: "生均教学及辅助用房面积", multiplier: 1, isFacility: true },
  sportsArea: { name: "生均体育运动场馆面积", multiplier: 1, isFacility: true },
  equipmentValue: { name: "生均教学仪器设备值", multiplier: 1, isFacility: true },
  computers: { name: "每百名学生拥有计算机台数", multiplier: 100, isFacility: true },
  books: { name: "生均图书册数", multiplier: 1, isFacility: true },
  teachers: { name: "师生比", multiplier: 1, isFacility: false },
  qualifiedTeachers: { name: "生均高于规定学历教师数", multiplier: 1, isFacility: false },
  seniorTitleTeachers: { name: "生均中级及以上专业技术职务教师数", multiplier: 1, isFacility: false },
};

/** One school part (already split, see `splitFacilityQuantity`) with its 8 raw quantities. */
export interface BasicBalancePart {
  schoolId: string;
  level: Level;
  students: number;
  quantities: Record<BasicBalanceIndicatorKey, number>;
}

/** One 学段's 2012 result. */
export interface BasicBalanceLevel {
  level: Level;
  /** Unrounded CV per indicator; null when undefined. */
  cvs: Record<BasicBalanceIndicatorKey, number | null>;
  means: Record<BasicBalanceIndicatorKey, number | null>;
  /** 综合差异系数; null when any CV is undefined. */
  composite: number | null;
  limit: number;
  isPass: boolean;
}

/** Result of the 2012 evaluation. */
export interface BasicBalanceEvaluation {
  ruleSet: RuleSetRef;
  levels: Record<Level, BasicBalanceLevel>;
  isPass: boolean;
  issues: Issue[];
}

/**
 * 综合差异系数 = (1/n) Σ CVₖ over unrounded CVs (spec §3; 重庆万州区小学: mean of 0.437 … 0.420 = 0.302).
 * Returns null for an empty list.
 */
export function compositeDifferenceCoefficient(cvs: readonly number[]): number | null {
  if (cvs.length === 0) {
    return null;
  }
  return cvs.reduce((a, b) => a + b, 0) / cvs.length;
}

/** Whether a 综合差异系数 is within the 2012 limit of its 学段 (小学 0.65, 初中 0.55). */
export function isCompositeWithinLimit(
  composite: number,
  level: Level,
  ruleSet: RuleSet = NATIONAL_RULE_SET,
): boolean {
  return valueMeets(composite, ruleSet.thresholds[`basic.compositeLimit.${level}`], "max");
}

/**
 * Evaluates 基本均衡 (spec §3) for the parts of one county. A level without parts passes vacuously
 * (`level-without-schools`); an undefined CV (`cv-undefined-zero-mean`) fails the level.
 */
export function evaluateBasicBalance(
  parts: readonly BasicBalancePart[],
  options: { ruleSet?: RuleSet } = {},
): BasicBalanceEvaluation {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const issues: Issue[] = [];
  const levels = {} as Record<Level, BasicBalanceLevel>;
  for (const level of LEVELS) {
    const own = parts.filter((p) => p.level === level);
    const students = own.map((p) => p.students);
    const cvs = {} as Record<BasicBalanceIndicatorKey, number | null>;
    const means = {} as Record<BasicBalanceIndicatorKey, number | null>;
    const limit = ruleSet.thresholds[`basic.compositeLimit.${level}`];
    let undefinedCount = 0;
    for (const key of BASIC_BALANCE_INDICATOR_KEYS) {
      const def = BASIC_BALANCE_INDICATORS[key];
      const d = weightedDispersion(
        students,
        own.map((p) => p.quantities[key]),
        def.multiplier,
      );
      const found = dispersionIssues(d, { level, field: key });
      if (key === "teachingFloorArea" || found.some((i) => i.code === "cv-undefined-zero-mean")) {
        issues.push(
          ...found.map((i) => ({ ...i, message: `${LEVEL_LABELS[level]}“${def.name}”：${i.message}` })),
        );
      }
      cvs[key] = Number.isNaN(d.cv) ? null : d.cv;
      means[key] = Number.isNaN(d.mean) ? null : d.mean;
      if (cvs[key] === null) {
        undefinedCount++;
      }
    }
    if (own.length === 0) {
      levels[level] = { level, cvs, means, composite: null, limit, isPass: true };
      continue;
    }
    const composite =
      undefinedCount > 0
        ? null
        : compositeDifferenceCoefficient(BASIC_BALANCE_INDICATOR_KEYS.map((k) => cvs[k] ?? 0));
    levels[level] = {
      level,
      cvs,
      means,
      composite,
      limit,
      isPass: composite !== null && isCompositeWithinLimit(composite, level, ruleSet),
    };
  }
  return {
    ruleSet: ruleSetRef(ruleSet),
    levels,
    isPass: LEVELS.every((l) => levels[l].isPass),
    issues,
  };
}
