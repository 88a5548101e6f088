/**
 * Splitting combined schools between 学段 (spec §1.1b, S8): 九年一贯制 1 : 1.1, 十二年一贯制
 * 1 : 1.1 : 1.32, 完全中学 初中 : 高中 = 1 : 1.2 (weights configurable in the rule set).
 */
import type { SchoolType } from "../org/index.ts";
import type { Level } from "./resource-indicators.ts";
import type { SplitWeights } from "./rule-set.ts";

/** Pupils per 学段 of one school. */
export interface StudentsByLevel {
  primary: number;
  junior: number;
  senior: number;
}

const SHAPES: Partial<Record<SchoolType, { levels: readonly Level[]; hasSenior: boolean }>> = {
  primary: { levels: ["primary"], hasSenior: false },
  teachingPoint: { levels: ["primary"], hasSenior: false },
  junior: { levels: ["junior"], hasSenior: false },
  nineYear: { levels: ["primary", "junior"], hasSenior: false },
  twelveYear: { levels: ["primary", "junior"], hasSenior: true },
  completeSecondary: { levels: ["junior"], hasSenior: true },
};

/** 学段 a school type has in the resource part, and whether it also has a 高中部 (for splitting). */
export function levelsOfSchoolType(
  type: SchoolType,
): { levels: readonly Level[]; hasSenior: boolean } | null {
  return SHAPES[type] ?? null;
}

/**
 * Facility shares per 学段 (spec §1.1b): share = wₗ·Pₗ / Σ w·P over the school's 学段 including 高中.
 * 九年一贯制 小学部 = A/(A+1.1B); 完全中学 初中部 = B/(B+1.2C); 十二年一贯制 小学 A/(A+1.1B+1.32C).
 * Single-level schools get share 1; a school without pupils gets 0 everywhere.
 */
export function facilityShares(
  type: SchoolType,
  students: StudentsByLevel,
  weights: SplitWeights,
): StudentsByLevel {
  let w: StudentsByLevel;
  switch (type) {
    case "nineYear":
      w = { primary: weights.nineYear.primary, junior: weights.nineYear.junior, senior: 0 };
      break;
    case "twelveYear":
      w = weights.twelveYear;
      break;
    case "completeSecondary":
      w = { primary: 0, junior: weights.completeSecondary.junior, senior: weights.completeSecondary.senior };
      break;
    case "primary":
    case "teachingPoint":
      return { primary: 1, junior: 0, senior: 0 };
    case "junior":
      return { primary: 0, junior: 1, senior: 0 };
    default:
      return { primary: 0, junior: 0, senior: 0 };
  }
  const total = w.primary * students.primary + w.junior * students.junior + w.senior * students.senior;
  if (!(total > 0)) {
    return { primary: 0, junior: 0, senior: 0 };
  }
  return {
    primary: (w.primary * students.primary) / total,
    junior: (w.junior * students.junior) / total,
    senior: (w.senior * students.senior) / total,
  };
}

/**
 * Splits one facility total (e.g. 图书册数, 教学仪器设备值) of a combined school by the weights of
 * spec §1.1b. Case 02: 23,226 books, 166 + 210 pupils, 1 : 1.1 → 小学部 9,711.4, 初中部 13,514.6.
 */
export function splitFacilityQuantity(
  total: number,
  type: SchoolType,
  students: StudentsByLevel,
  weights: SplitWeights,
): StudentsByLevel {
  const s = facilityShares(type, students, weights);
  return { primary: total * s.primary, junior: total * s.junior, senior: total * s.senior };
}
