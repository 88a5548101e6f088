/**
 * 适龄: who should be in compulsory education in a school year. The rule is a parameter with its source
 * (docs/dropout-cases.md): 《义务教育法》 art. 11 — a child who has reached six full years (年满六周岁)
 * enters school and receives nine years of compulsory education; the day on which "six full years" is
 * counted is provincial, and most provinces (甘肃 among them) count it on 31 August of the year of entry.
 * So a child is 适龄 in school year Y (starting in September of Y) when their age in full years on
 * Y-08-31 lies between 6 and 15 inclusive.
 */

/** The 适龄 rule: the cut-off day (month, day) and the age band, in full years on that day. */
export interface SchoolAgeRule {
  cutoffMonth: number;
  cutoffDay: number;
  minAge: number;
  maxAge: number;
}

/** The default: ages 6–15 on 31 August of the school year's first calendar year. */
export const DEFAULT_SCHOOL_AGE_RULE: SchoolAgeRule = {
  cutoffMonth: 8,
  cutoffDay: 31,
  minAge: 6,
  maxAge: 15,
};

/** Age in full years (周岁) on the rule's cut-off day of `schoolYear`, from a birth date `YYYY-MM-DD`. */
export function ageOnCutoff(
  birthDate: string,
  schoolYear: number,
  rule: SchoolAgeRule = DEFAULT_SCHOOL_AGE_RULE,
): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const beforeBirthday = rule.cutoffMonth < m || (rule.cutoffMonth === m && rule.cutoffDay < d);
  return schoolYear - y - (beforeBirthday ? 1 : 0);
}

/** True when the age lies in the rule's band. */
export function isSchoolAge(age: number, rule: SchoolAgeRule = DEFAULT_SCHOOL_AGE_RULE): boolean {
  return age >= rule.minAge && age <= rule.maxAge;
}
