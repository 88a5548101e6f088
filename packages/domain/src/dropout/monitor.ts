/**
 * 动态监测: 辍学人数 and 辍学率 per township, school and grade, cases by state, and the 劝返 rate. Pure
 * arithmetic over counts the data layer gives; rates are percentages rounded as @luoshi/common rounds.
 */
import { roundHalfUp } from "@luoshi/common";

/** 辍学率 (%): dropouts over dropouts plus pupils in school (在读 and 休学); null with no pupils. */
export function dropoutRate(dropouts: number, inSchool: number): number | null {
  const base = dropouts + inSchool;
  return base === 0 ? null : roundHalfUp((dropouts / base) * 100, 2);
}

/** 劝返率 (%): cases whose child returned (已复学 or 已销号) over all cases; null with none. */
export function persuasionRate(returned: number, total: number): number | null {
  return total === 0 ? null : roundHalfUp((returned / total) * 100, 1);
}
