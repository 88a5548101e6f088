/**
 * Additions in planning units (teachers, m², 元, classrooms) and the arithmetic shared by the pass
 * planners (spec §1.1a/§1.1b): how many whole units a school part needs to reach a threshold, and how
 * additions change part quantities (teachers join one 学段; facilities join the school total and
 * reach a part by its split share).
 */
import { compareRatio, type PreparedThreshold } from "./exact-compare.ts";
import {
  type BalanceSchool,
  type IndicatorMap,
  isFacilityIndicator,
  type Level,
  mapIndicators,
  RESOURCE_INDICATORS,
  type ResourceIndicatorKey,
} from "./resource-indicators.ts";
import type { SchoolPart } from "./school-parts.ts";

/** Why an addition is in a plan. */
export type AdditionReason = "school-rule" | "difference-coefficient" | "both";

/** One proposed addition to one school, in planning units. */
export interface PlanAddition {
  schoolCode: string;
  indicator: ResourceIndicatorKey;
  /** Teacher indicators: the 学段 the teachers join. Absent for facilities (school total). */
  level?: Level;
  /** Whole planning units (see `RESOURCE_INDICATORS[indicator].planUnit`). */
  amount: number;
  /** amount × unit cost. */
  cost: number;
  reason: AdditionReason;
}

/**
 * Placeholder costs per planning unit in 元 — illustrative only, NOT official figures; callers should
 * pass their own: a teacher's yearly cost, 元 per m² of building or sports ground, 1 元 per 元 of
 * equipment, a fitted multimedia classroom.
 */
export const DEFAULT_UNIT_COSTS: IndicatorMap<number> = {
  qualifiedTeachers: 120_000,
  backboneTeachers: 150_000,
  peArtTeachers: 120_000,
  teachingFloorArea: 3_000,
  sportsArea: 400,
  equipmentValue: 1,
  multimediaClassrooms: 60_000,
};

/** Key of an addition slot: school, 学段 (teachers only) and indicator. */
export function additionSlot(schoolCode: string, key: ResourceIndicatorKey, level?: Level): string {
  return `${schoolCode}\u0000${isFacilityIndicator(key) ? "" : (level ?? "")}\u0000${key}`;
}

/** The addition slot that feeds a part's quantity for one indicator. */
export function partSlot(part: SchoolPart, key: ResourceIndicatorKey): string {
  return additionSlot(part.code, key, part.level);
}

/** How much of one school-level unit reaches the part: 1 for teachers, the split share for facilities. */
export function unitReach(part: SchoolPart, key: ResourceIndicatorKey): number {
  return isFacilityIndicator(key) ? part.facilityShare : 1;
}

/** A part's quantities with the additions of `amounts` (slot → units) applied. */
export function quantitiesWith(part: SchoolPart, amounts: ReadonlyMap<string, number>): IndicatorMap<number> {
  return mapIndicators(
    (key) => part.quantities[key] + unitReach(part, key) * (amounts.get(partSlot(part, key)) ?? 0),
  );
}

/**
 * Smallest whole number of school-level units that lifts the part's quantity `q` to the prepared
 * threshold (0 when already there; Infinity when no unit reaches the part). The candidate from
 * the continuous solution is checked with the exact comparison and bumped if rounding fell short.
 */
export function unitsToReach(
  part: SchoolPart,
  key: ResourceIndicatorKey,
  q: number,
  threshold: PreparedThreshold,
): number {
  const m = RESOURCE_INDICATORS[key].multiplier;
  if (compareRatio(q, part.students, threshold, m) >= 0) {
    return 0;
  }
  const reach = unitReach(part, key);
  if (!(reach > 0)) {
    return Number.POSITIVE_INFINITY;
  }
  const target = (threshold.numerator * part.students) / (threshold.denominator * m);
  const exact = (target - q) / reach;
  let n = Math.max(1, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
  while (compareRatio(q + n * reach, part.students, threshold, m) < 0) {
    n++;
  }
  return n;
}

/**
 * Applies additions to a county's schools (pure: returns new objects). Additions for unknown codes
 * are ignored; plans only name schools they were built from.
 */
export function applyAdditions(
  schools: readonly BalanceSchool[],
  additions: readonly Pick<PlanAddition, "schoolCode" | "indicator" | "level" | "amount">[],
): BalanceSchool[] {
  const byCode = new Map<string, Pick<PlanAddition, "indicator" | "level" | "amount">[]>();
  for (const a of additions) {
    byCode.set(a.schoolCode, [...(byCode.get(a.schoolCode) ?? []), a]);
  }
  return schools.map((s) => {
    const own = byCode.get(s.code);
    if (!own) {
      return s;
    }
    const next: BalanceSchool = {
      ...s,
      students: { ...s.students },
      qualifiedTeachers: { ...s.qualifiedTeachers },
      backboneTeachers: { ...s.backboneTeachers },
      peArtTeachers: { ...s.peArtTeachers },
    };
    for (const a of own) {
      const key = a.indicator;
      if (isFacilityIndicator(key)) {
        next[key] += a.amount;
      } else {
        next[key][a.level ?? "primary"] += a.amount;
      }
    }
    return next;
  });
}
