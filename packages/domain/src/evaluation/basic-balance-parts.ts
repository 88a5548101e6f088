/**
 * From stored 教育事业统计 to the 2012 基本均衡 evaluation (spec §3): one school's record of a year
 * becomes its 学段 parts, facilities split between 学段 by the rule set's weights (spec §1.1b). Pure.
 */
import type { SchoolType } from "../org/index.ts";
import type { BasicBalanceIndicatorKey, BasicBalancePart } from "./basic-balance.ts";
import { levelsOfSchoolType, splitFacilityQuantity } from "./facility-split.ts";
import { BALANCE_ELEMENTS } from "./from-statistics.ts";
import type { Level } from "./resource-indicators.ts";
import type { RuleSet } from "./rule-set.ts";

const sumOf = (values: Record<string, number>, codes: readonly string[]): number =>
  codes.reduce((a, c) => a + (values[c] ?? 0), 0);

/** Facility totals of the 2012 indicators (split between 学段 by the rule set's weights). */
const FACILITY_ELEMENTS: Partial<Record<BasicBalanceIndicatorKey, readonly string[]>> = {
  teachingFloorArea: BALANCE_ELEMENTS.teachingFloorArea,
  sportsArea: BALANCE_ELEMENTS.sportsArea,
  equipmentValue: BALANCE_ELEMENTS.equipmentValue,
  computers: ["computers.pupil"],
  books: ["books"],
};

/** One school's 2012 parts for a year (spec §3; facilities split by spec §1.1b weights). */
export function basicBalanceParts(
  school: { code: string; schoolType: SchoolType; values: Record<string, number> },
  ruleSet: RuleSet,
): BasicBalancePart[] {
  const shape = levelsOfSchoolType(school.schoolType);
  if (shape === null) {
    return [];
  }
  const v = school.values;
  const students = {
    primary: sumOf(v, BALANCE_ELEMENTS.students.primary),
    junior: sumOf(v, BALANCE_ELEMENTS.students.junior),
    senior: shape.hasSenior ? sumOf(v, BALANCE_ELEMENTS.students.senior) : 0,
  };
  const split = Object.fromEntries(
    Object.entries(FACILITY_ELEMENTS).map(([k, codes]) => [
      k,
      splitFacilityQuantity(sumOf(v, codes), school.schoolType, students, ruleSet.splitWeights),
    ]),
  ) as Record<string, { primary: number; junior: number }>;
  return shape.levels
    .filter((level) => students[level] > 0)
    .map((level: Level) => ({
      schoolId: school.code,
      level,
      students: students[level],
      quantities: {
        teachingFloorArea: split.teachingFloorArea?.[level] ?? 0,
        sportsArea: split.sportsArea?.[level] ?? 0,
        equipmentValue: split.equipmentValue?.[level] ?? 0,
        computers: split.computers?.[level] ?? 0,
        books: split.books?.[level] ?? 0,
        teachers: v[`teachers.fullTime.${level}`] ?? 0,
        qualifiedTeachers: sumOf(v, BALANCE_ELEMENTS.qualifiedTeachers[level]),
        // 中级及以上职称 is not in the 教育事业统计 template: its CV stays undefined.
        seniorTitleTeachers: 0,
      },
    }));
}
