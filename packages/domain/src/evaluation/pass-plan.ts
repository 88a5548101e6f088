/**
 * A county plan that makes every school pass the per-school rule AND every 差异系数 fall within its
 * limit (spec §1.1a/§1.1b), as cheaply as we can under user-set unit costs.
 *
 * Method:
 * 1. Per-school stage: each failing part gets its cheapest fix (school-fixes.ts).
 * 2. CV stage, per failing (学段, indicator), raise the lowest schools to a common floor v
 *    ("water-filling"), with v the smallest floor (binary search) whose whole-unit additions bring the
 *    CV within the limit. Why the lowest: with A = Σwx², B = Σwx (w = P_i/P), CV² = A/B² − 1, and one
 *    unit added to school i changes A/B² in proportion to (x_i·B − A), most negative for the smallest
 *    x_i. Under one cost per unit of an indicator the cheapest CV reduction therefore always raises the
 *    lowest value first, which is a floor; raising a floor never increases the CV (d(A/B²)/dv ≤ 0).
 *    Facility units of combined schools reach a 学段 by their share and also raise the other 学段, so
 *    the stage repeats until nothing fails (at most 20 rounds).
 * 3. Trim: each addition, most expensive first, is cut to the smallest amount (binary search) that
 *    keeps its school passing and the CVs it touches within limits. No single addition can then be
 *    reduced without failing — the plan is locally minimal, not proven globally optimal.
 * 4. Proof: the additions are applied to the schools and the county is evaluated again from scratch;
 *    `isPass` is that re-evaluation's verdict (`pass-plan-incomplete` if it ever fails).
 */
import type { Issue } from "../issues.ts";
import { weightedDispersion } from "./difference-coefficient.ts";
import { valueMeets } from "./exact-compare.ts";
import { applyAdditions, partSlot, type PlanAddition, unitReach } from "./plan-additions.ts";
import {
  type BalanceSchool,
  type IndicatorMap,
  type Level,
  LEVELS,
  mapIndicators,
  RESOURCE_INDICATOR_KEYS,
  RESOURCE_INDICATORS,
  type ResourceIndicatorKey,
} from "./resource-indicators.ts";
import { evaluateResources, type ResourceEvaluation } from "./resource-evaluation.ts";
import {
  addUnits,
  createPlanState,
  fixSchools,
  partPasses,
  type PlanOptions,
  type PlanState,
  type SchoolFix,
  slotAddition,
} from "./school-fixes.ts";
import type { SchoolPart } from "./school-parts.ts";

/** A county pass plan with its proof. */
export interface PassPlan {
  /** Merged additions (one per school, 学段 and indicator). */
  additions: PlanAddition[];
  /** The per-school stage's fixes, before trimming (what each failing school alone would need). */
  schoolFixes: SchoolFix[];
  totalCost: number;
  costByIndicator: IndicatorMap<number>;
  /** Evaluation of the county before the plan. */
  before: ResourceEvaluation;
  /** Re-evaluation of the county with the plan applied. */
  after: ResourceEvaluation;
  /** `after.isResourcePass`. */
  isPass: boolean;
  issues: Issue[];
}

const MAX_CV_ROUNDS = 20;

function levelParts(state: PlanState, level: Level): SchoolPart[] {
  return state.parts.filter((p) => p.level === level);
}

/** Quantities of the parts for one indicator, with the state's additions plus `extra` units per part. */
function currentQuantities(
  state: PlanState,
  parts: readonly SchoolPart[],
  key: ResourceIndicatorKey,
  extra?: Float64Array,
): Float64Array {
  const q = new Float64Array(parts.length);
  parts.forEach((p, i) => {
    q[i] =
      p.quantities[key] +
      unitReach(p, key) * ((state.amounts.get(partSlot(p, key)) ?? 0) + (extra?.[i] ?? 0));
  });
  return q;
}

function cvWithin(
  state: PlanState,
  parts: readonly SchoolPart[],
  key: ResourceIndicatorKey,
  level: Level,
  q: ArrayLike<number>,
): boolean {
  if (parts.length === 0) {
    return true;
  }
  const d = weightedDispersion(
    parts.map((p) => p.students),
    q,
    RESOURCE_INDICATORS[key].multiplier,
  );
  return (
    !Number.isNaN(d.cv) && valueMeets(d.cv, state.ruleSet.thresholds[`resource.cvLimit.${level}`], "max")
  );
}

/** Whole units that lift each part below floor v up to v. */
function unitsForFloor(
  parts: readonly SchoolPart[],
  key: ResourceIndicatorKey,
  q: Float64Array,
  v: number,
): Float64Array {
  const m = RESOURCE_INDICATORS[key].multiplier;
  const units = new Float64Array(parts.length);
  parts.forEach((p, i) => {
    const gap = (v * p.students) / m - (q[i] ?? 0);
    const reach = unitReach(p, key);
    if (gap > 0 && reach > 0) {
      const exact = gap / reach;
      units[i] = Math.ceil(exact - 1e-9 * Math.max(1, exact));
    }
  });
  return units;
}

/** Water-filling for one (学段, indicator); returns false when even the highest floor fails. */
function raiseFloor(state: PlanState, level: Level, key: ResourceIndicatorKey): boolean {
  const parts = levelParts(state, level);
  const q = currentQuantities(state, parts, key);
  const m = RESOURCE_INDICATORS[key].multiplier;
  const values = parts.map((p, i) => (m * (q[i] ?? 0)) / p.students);
  const passesAt = (v: number): boolean => {
    const units = unitsForFloor(parts, key, q, v);
    return cvWithin(
      state,
      parts,
      key,
      level,
      parts.map((p, i) => (q[i] ?? 0) + unitReach(p, key) * (units[i] ?? 0)),
    );
  };
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!(hi > 0)) {
    hi = state.ruleSet.thresholds[`resource.${level}.${key}`];
  }
  for (let i = 0; i < 8 && !passesAt(hi); i++) {
    hi *= 2;
  }
  if (!passesAt(hi)) {
    return false;
  }
  for (let i = 0; i < 60 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (passesAt(mid)) {
      hi = mid;
    } else {
      lo = mid;
    }
  }
  const units = unitsForFloor(parts, key, q, hi);
  parts.forEach((p, i) => {
    addUnits(state, partSlot(p, key), units[i] ?? 0, "difference-coefficient");
  });
  return true;
}

/** True when every part touched by `slot` passes and the CVs of its indicator are within limits. */
function slotHolds(state: PlanState, slot: string, key: ResourceIndicatorKey, code: string): boolean {
  for (const level of LEVELS) {
    const parts = levelParts(state, level);
    const touched = parts.filter((p) => p.code === code && partSlot(p, key) === slot);
    if (touched.length === 0) {
      continue;
    }
    if (!touched.every((p) => partPasses(state, p))) {
      return false;
    }
    if (!cvWithin(state, parts, key, level, currentQuantities(state, parts, key))) {
      return false;
    }
  }
  return true;
}

function trim(state: PlanState): void {
  const slots = [...state.amounts.entries()]
    .map(([slot, amount]) => ({ slot, amount, add: slotAddition(state, slot, amount) }))
    .sort((a, b) => b.add.cost - a.add.cost);
  for (const { slot, amount, add } of slots) {
    const holdsAt = (units: number): boolean => {
      state.amounts.set(slot, units);
      return slotHolds(state, slot, add.indicator, add.schoolCode);
    };
    let lo = -1;
    let hi = amount;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (holdsAt(mid)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    if (!holdsAt(hi)) {
      hi = amount;
    }
    if (hi === 0) {
      state.amounts.delete(slot);
      state.reasons.delete(slot);
    } else {
      state.amounts.set(slot, hi);
    }
  }
}

/**
 * Plans additions that make the whole county pass the resource part (see the module comment for the
 * method), then proves it by re-evaluating the county with the plan applied. Issues: those of the
 * evaluation, plus `pass-plan-incomplete` when the re-evaluation still fails.
 */
export function planCountyPass(schools: readonly BalanceSchool[], options: PlanOptions = {}): PassPlan {
  const evalOptions = {
    ruleSet: options.ruleSet,
    teachingPointPolicy: options.teachingPointPolicy,
    splitWeights: options.splitWeights,
  };
  const before = evaluateResources(schools, evalOptions);
  const state = createPlanState(schools, options);
  const issues: Issue[] = [];
  const schoolFixes = fixSchools(state);
  for (let round = 0; round < MAX_CV_ROUNDS; round++) {
    const failing = LEVELS.flatMap((level) =>
      RESOURCE_INDICATOR_KEYS.filter((key) => {
        const parts = levelParts(state, level);
        return !cvWithin(state, parts, key, level, currentQuantities(state, parts, key));
      }).map((key) => ({ level, key })),
    );
    if (failing.length === 0) {
      break;
    }
    for (const { level, key } of failing) {
      raiseFloor(state, level, key);
    }
  }
  trim(state);
  const additions = [...state.amounts.entries()]
    .filter(([, amount]) => amount > 0)
    .map(([slot, amount]) => slotAddition(state, slot, amount))
    .sort(
      (a, b) =>
        a.schoolCode.localeCompare(b.schoolCode) ||
        RESOURCE_INDICATORS[a.indicator].number - RESOURCE_INDICATORS[b.indicator].number,
    );
  const after = evaluateResources(applyAdditions(schools, additions), evalOptions);
  if (!after.isResourcePass) {
    issues.push({
      code: "pass-plan-incomplete",
      severity: "error",
      message: "按计划补充后重新评估仍未全部达标，请检查数据或调整参数",
    });
  }
  const costByIndicator = mapIndicators((k) =>
    additions.filter((a) => a.indicator === k).reduce((s, a) => s + a.cost, 0),
  );
  return {
    additions,
    schoolFixes,
    totalCost: additions.reduce((s, a) => s + a.cost, 0),
    costByIndicator,
    before,
    after,
    isPass: after.isResourcePass,
    issues,
  };
}
