/**
 * 县域学前教育普及普惠督导评估 indicator checks from county-level figures (spec §2). Rates are
 * fractions; every check records its numerator, denominator and threshold.
 */
import type { Issue } from "../issues.ts";
import { allMet, checkRatio, checkValue, type IndicatorCheck } from "./indicator-check.ts";
import { NATIONAL_RULE_SET, type RuleSet, type RuleSetRef, ruleSetRef } from "./rule-set.ts";

/** A count that meets a standard out of a total (e.g. 达标园 / 全部园). */
export interface Compliance {
  compliant: number;
  total: number;
}

/** County figures for spec §2; any may be missing (the check is then pending). */
export interface PreschoolFigures {
  /** 在园幼儿数 (all ages). */
  enrolledChildren?: number;
  /** 3–5岁 常住人口. */
  population3to5?: number;
  /** 公办园 + 普惠性民办园 在园幼儿数. */
  inclusiveEnrolled?: number;
  /** 公办园在园幼儿数. */
  publicEnrolled?: number;
  /** 公办园生均公用经费财政拨款标准 (元/年). */
  publicFundingPerChild?: number;
  /** 普惠性民办园生均财政补助标准 (元/年). */
  inclusiveSubsidyPerChild?: number;
  /** 公办园非在编教师平均工资收入. */
  nonStaffTeacherSalary?: number;
  /** 公办园在编教师平均工资收入. */
  staffTeacherSalary?: number;
  /** Kindergartens planned in or after 2017 meeting the space standards (4 / 8.17 / 10.44 m²). */
  facilitiesFrom2017?: Compliance;
  /** Kindergartens planned before 2017 meeting them. */
  facilitiesBefore2017?: Compliance;
  /** Classes within the class-size standard. */
  classSizes?: Compliance;
  /** 专任教师数 (for 在园幼儿数 : 专任教师数 ≤ 15). */
  fullTimeTeachers?: number;
  /** 园长、专任教师 holding certificates. */
  certified?: Compliance;
  /** 社会认可度 (fraction), e.g. from evaluateSocialRecognition. */
  recognitionRate?: number;
}

/** Result of the 学前普及普惠 checks. */
export interface PreschoolEvaluation {
  ruleSet: RuleSetRef;
  checks: IndicatorCheck[];
  /** null while any check is pending. */
  isPass: boolean | null;
  issues: Issue[];
}

/**
 * Checks the 10 indicators of spec §2 (学前三年毛入园率 ≥ 85% — 河南 90% via its rule set; 普惠覆盖率
 * ≥ 80%; 公办占比 ≥ 50%; funding standards; salary ratio; space standards 100% / 50%; 班额达标率; 幼师比
 * ≤ 1:15; 持证率; 社会认可度 ≥ 85%). Issues: `indicator-input-missing`, `indicator-zero-denominator`.
 */
export function evaluatePreschool(
  f: PreschoolFigures,
  options: { ruleSet?: RuleSet } = {},
): PreschoolEvaluation {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const issues: Issue[] = [];
  const r = (
    code: string,
    thresholdKey: Parameters<typeof checkRatio>[0]["thresholdKey"],
    numerator: number | undefined,
    denominator: number | undefined,
  ): IndicatorCheck => checkRatio({ code, thresholdKey, numerator, denominator }, ruleSet, issues);
  const checks = [
    r("preschool-gross-enrolment", "preschool.grossEnrolment", f.enrolledChildren, f.population3to5),
    r("preschool-inclusive-coverage", "preschool.inclusiveCoverage", f.inclusiveEnrolled, f.enrolledChildren),
    r("preschool-public-share", "preschool.publicShare", f.publicEnrolled, f.enrolledChildren),
    checkValue(
      {
        code: "preschool-public-funding",
        thresholdKey: "preschool.publicFunding",
        value: f.publicFundingPerChild,
      },
      ruleSet,
      issues,
    ),
    checkValue(
      {
        code: "preschool-inclusive-subsidy",
        thresholdKey: "preschool.inclusiveSubsidy",
        value: f.inclusiveSubsidyPerChild,
      },
      ruleSet,
      issues,
    ),
    r(
      "preschool-non-staff-salary",
      "preschool.nonStaffSalaryRatio",
      f.nonStaffTeacherSalary,
      f.staffTeacherSalary,
    ),
    r(
      "preschool-facilities-from-2017",
      "preschool.facilityCompliance.after2017",
      f.facilitiesFrom2017?.compliant,
      f.facilitiesFrom2017?.total,
    ),
    r(
      "preschool-facilities-before-2017",
      "preschool.facilityCompliance.before2017",
      f.facilitiesBefore2017?.compliant,
      f.facilitiesBefore2017?.total,
    ),
    r("preschool-class-size", "preschool.classSizeCompliance", f.classSizes?.compliant, f.classSizes?.total),
    r(
      "preschool-children-per-teacher",
      "preschool.childrenPerTeacher",
      f.enrolledChildren,
      f.fullTimeTeachers,
    ),
    r("preschool-certified", "preschool.certifiedRate", f.certified?.compliant, f.certified?.total),
    checkValue(
      { code: "preschool-recognition", thresholdKey: "preschool.recognition", value: f.recognitionRate },
      ruleSet,
      issues,
    ),
  ];
  return { ruleSet: ruleSetRef(ruleSet), checks, isPass: allMet(checks.map((c) => c.met)), issues };
}
