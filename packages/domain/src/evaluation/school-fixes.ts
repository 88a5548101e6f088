/**
 * What it takes for each failing school to pass the per-school rule (spec §1.1a: at least 6 of 7
 * met, the rest ≥ 85%): the cheapest whole-unit additions under the given unit costs.
 *
 * Method, per part: every unmet indicator must reach its threshold, except that up to 7 − 6 = 1 of
 * them may stop at 85%. Costs per indicator are independent, so the cheapest choice leaves at 85%
 * the unmet indicator whose saving (cost to 100% − cost to 85%) is largest. This is exact for
 * single-level schools. Combined schools are fixed part by part (小学部 first); facility units added
 * for one part also reach the other, which is counted before fixing it.
 */
import type { Issue } from "../issues.ts";
import {
  type AdditionReason,
  DEFAULT_UNIT_COSTS,
  partSlot,
  type PlanAddition,
  quantitiesWith,
  unitsToReach,
} from "./plan-additions.ts";
import {
  type BalanceSchool,
  type IndicatorMap,
  isFacilityIndicator,
  type Level,
  RESOURCE_INDICATOR_KEYS,
  type ResourceIndicatorKey,
} from "./resource-indicators.ts";
import { judgePart, type PreparedLevelThresholds, prepareLevelThresholds } from "./resource-evaluation.ts";
import { NATIONAL_RULE_SET, type RuleSet, type SplitWeights, type TeachingPointPolicy } from "./rule-set.ts";
import { type SchoolPart, splitIntoParts } from "./school-parts.ts";

/** Options shared by the planners. */
export interface PlanOptions {
  ruleSet?: RuleSet;
  teachingPointPolicy?: TeachingPointPolicy;
  splitWeights?: SplitWeights;
  /** Cost per planning unit; defaults to {@link DEFAULT_UNIT_COSTS} (placeholders). */
  unitCosts?: Partial<IndicatorMap<number>>;
}

/** Units an unmet indicator needs: to its threshold and to 85% of it. */
export interface IndicatorNeed {
  indicator: ResourceIndicatorKey;
  toThreshold: number;
  toPartial: number;
}

/** The cheapest fix of one failing school part. */
export interface SchoolFix {
  schoolCode: string;
  name: string;
  level: Level;
  /** Unmet indicators before the fix, with their needs. */
  needs: IndicatorNeed[];
  /** The unmet indicator left at ≥ 85% (null when all are raised to their thresholds). */
  leftAtPartial: ResourceIndicatorKey | null;
  additions: PlanAddition[];
  cost: number;
}

/** Working state of the planners: parts, thresholds, unit costs and additions by slot. */
export interface PlanState {
  ruleSet: RuleSet;
  parts: SchoolPart[];
  prepared: Record<Level, PreparedLevelThresholds>;
  minimumMet: number;
  costs: IndicatorMap<number>;
  /** Slot → units (see `additionSlot`). */
  amounts: Map<string, number>;
  /** Slot → why. */
  reasons: Map<string, AdditionReason>;
  issues: Issue[];
}

/** Builds the planner state for a county. */
export function createPlanState(schools: readonly BalanceSchool[], options: PlanOptions): PlanState {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const split = splitIntoParts(schools, {
    teachingPointPolicy: options.teachingPointPolicy ?? ruleSet.teachingPointPolicy,
    splitWeights: options.splitWeights ?? ruleSet.splitWeights,
  });
  return {
    ruleSet,
    parts: split.parts,
    prepared: {
      primary: prepareLevelThresholds(ruleSet, "primary"),
      junior: prepareLevelThresholds(ruleSet, "junior"),
    },
    minimumMet: ruleSet.thresholds["resource.minimumMet"],
    costs: { ...DEFAULT_UNIT_COSTS, ...options.unitCosts },
    amounts: new Map(),
    reasons: new Map(),
    issues: split.issues,
  };
}

/** Whether a part passes the per-school rule with the state's additions. */
export function partPasses(state: PlanState, part: SchoolPart): boolean {
  const quantities = quantitiesWith(part, state.amounts);
  return judgePart({ students: part.students, quantities }, state.prepared[part.level], state.minimumMet)
    .isPass;
}

/** Adds units to a slot, recording the reason. */
export function addUnits(state: PlanState, slot: string, units: number, reason: AdditionReason): void {
  if (units <= 0) {
    return;
  }
  state.amounts.set(slot, (state.amounts.get(slot) ?? 0) + units);
  const before = state.reasons.get(slot);
  state.reasons.set(slot, before === undefined || before === reason ? reason : "both");
}

/** Splits a slot key back into an addition (see `additionSlot`). */
export function slotAddition(state: PlanState, slot: string, amount: number): PlanAddition {
  const [schoolCode = "", level = "", key = "qualifiedTeachers"] = slot.split("\u0000");
  const indicator = key as ResourceIndicatorKey;
  const base = {
    schoolCode,
    indicator,
    amount,
    cost: amount * state.costs[indicator],
    reason: state.reasons.get(slot) ?? "school-rule",
  };
  return level === "" || isFacilityIndicator(indicator) ? base : { ...base, level: level as Level };
}

/** Cheapest fix of one part given the state's additions (null when it already passes). */
export function cheapestPartFix(state: PlanState, part: SchoolPart): SchoolFix | null {
  const quantities = quantitiesWith(part, state.amounts);
  const prepared = state.prepared[part.level];
  const verdict = judgePart({ students: part.students, quantities }, prepared, state.minimumMet);
  if (verdict.isPass) {
    return null;
  }
  const needs: IndicatorNeed[] = RESOURCE_INDICATOR_KEYS.filter((k) => !verdict.met[k]).map((k) => ({
    indicator: k,
    toThreshold: unitsToReach(part, k, quantities[k], prepared.full[k]),
    toPartial: unitsToReach(part, k, quantities[k], prepared.partial[k]),
  }));
  const allowedPartial = Math.max(0, RESOURCE_INDICATOR_KEYS.length - state.minimumMet);
  const bySaving = [...needs].sort(
    (a, b) =>
      (b.toThreshold - b.toPartial) * state.costs[b.indicator] -
      (a.toThreshold - a.toPartial) * state.costs[a.indicator],
  );
  const partial = new Set(bySaving.slice(0, allowedPartial).map((n) => n.indicator));
  const additions: PlanAddition[] = [];
  for (const n of needs) {
    const amount = partial.has(n.indicator) ? n.toPartial : n.toThreshold;
    if (amount > 0) {
      const addition: PlanAddition = {
        schoolCode: part.code,
        indicator: n.indicator,
        amount,
        cost: amount * state.costs[n.indicator],
        reason: "school-rule",
      };
      additions.push(isFacilityIndicator(n.indicator) ? addition : { ...addition, level: part.level });
    }
  }
  const leftAtPartial = [...partial][0] ?? null;
  return {
    schoolCode: part.code,
    name: part.name,
    level: part.level,
    needs,
    leftAtPartial,
    additions,
    cost: additions.reduce((s, a) => s + a.cost, 0),
  };
}

/** Applies the per-school stage to the state: every failing part gets its cheapest fix, in order. */
export function fixSchools(state: PlanState): SchoolFix[] {
  const fixes: SchoolFix[] = [];
  for (const part of state.parts) {
    const fix = cheapestPartFix(state, part);
    if (!fix) {
      continue;
    }
    fixes.push(fix);
    for (const a of fix.additions) {
      addUnits(state, partSlot(part, a.indicator), a.amount, "school-rule");
    }
  }
  return fixes;
}

/**
 * For each failing school part, the cheapest whole-unit additions that make it pass the per-school
 * rule (spec §1.1a), with the needs per unmet indicator (to 100% and to 85%). Issues come from
 * splitting the schools.
 */
export function planSchoolFixes(
  schools: readonly BalanceSchool[],
  options: PlanOptions = {},
): { fixes: SchoolFix[]; issues: Issue[] } {
  const state = createPlanState(schools, options);
  return { fixes: fixSchools(state), issues: state.issues };
}
