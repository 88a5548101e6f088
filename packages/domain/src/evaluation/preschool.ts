/**
 * 县域学前教育普及普惠督导评估 indicator checks from county-level figures (spec §2). Rates are
 * fractions; every check records its numerator, denominator and threshold.
 */
import type { Issue } from "../issues.ts";
import { allMet, type Attestation, checkRatio, checkValue, type IndicatorCheck } from "./indicator-check.ts";
import { NATIONAL_RULE_SET, type RuleSet, type RuleSetRef, ruleSetRef } from "./rule-set.ts";

/**
 * Codes of the 学前 checks in the numbering of spec §2 (P01 = #1 …); #4 (two funding standards) and #6
 * (kindergartens planned from / before 2017) have two checks each, A and B.
 */
export const PRESCHOOL_CODES = [
  "P01",
  "P02",
  "P03",
  "P04A",
  "P04B",
  "P05",
  "P06A",
  "P06B",
  "P07",
  "P08",
  "P09",
  "P10",
] as const;
/** Code of one 学前 check. */
export type PreschoolCode = (typeof PRESCHOOL_CODES)[number];

/**
 * The checks no statistic carries (funding standards, salary ratio, 办园条件, 班额, 社会认可度): they are
 * decided by a claim (佐证材料) a second person confirmed, like the 优质均衡 evidence items.
 */
export const PRESCHOOL_ATTESTED_CODES = ["P04A", "P04B", "P05", "P06A", "P06B", "P07", "P10"] as const;
/** Code of one 学前 check decided on evidence. */
export type PreschoolAttestedCode = (typeof PRESCHOOL_ATTESTED_CODES)[number];

/** Whether a code names a 学前 check decided on evidence. */
export function isPreschoolAttestedCode(code: string): code is PreschoolAttestedCode {
  return (PRESCHOOL_ATTESTED_CODES as readonly string[]).includes(code);
}

/**
 * A claim on an evidence-decided check. `met` is null until a second person confirmed it; `value` is
 * the confirmed claimed figure (元/年 for P04A/P04B, a fraction otherwise), or null when the claim is a
 * plain 达标/未达标.
 */
export interface PreschoolClaim extends Attestation {
  value: number | null;
}

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
  /** Claims on the checks of {@link PRESCHOOL_ATTESTED_CODES}; a figure above always wins over a claim. */
  claims?: Partial<Record<PreschoolAttestedCode, PreschoolClaim>>;
}

/** One 学前 check with its spec number and what decided it. */
export interface PreschoolCheck extends IndicatorCheck {
  indicator: PreschoolCode;
  /** Number of the indicator in spec §2 (1–10). */
  number: number;
  /** Whether the check can be decided on a claim (佐证). */
  attestable: boolean;
  /** data: from the figures; attestation: from a confirmed claim; none: not decided. */
  source: "data" | "attestation" | "none";
}

/** Result of the 学前普及普惠 checks. */
export interface PreschoolEvaluation {
  ruleSet: RuleSetRef;
  checks: PreschoolCheck[];
  /** null while any check is pending. */
  isPass: boolean | null;
  issues: Issue[];
}

/** Where an evidence-decided check reads its figure, and how a confirmed claimed figure fills it in. */
const ATTESTED_FIGURES: Record<
  PreschoolAttestedCode,
  { has: (f: PreschoolFigures) => boolean; fill: (f: PreschoolFigures, v: number) => void }
> = {
  P04A: {
    has: (f) => f.publicFundingPerChild !== undefined,
    fill: (f, v) => (f.publicFundingPerChild = v),
  },
  P04B: {
    has: (f) => f.inclusiveSubsidyPerChild !== undefined,
    fill: (f, v) => (f.inclusiveSubsidyPerChild = v),
  },
  P05: {
    has: (f) => f.nonStaffTeacherSalary !== undefined && f.staffTeacherSalary !== undefined,
    fill: (f, v) => {
      f.nonStaffTeacherSalary = v;
      f.staffTeacherSalary = 1;
    },
  },
  P06A: {
    has: (f) => f.facilitiesFrom2017 !== undefined,
    fill: (f, v) => (f.facilitiesFrom2017 = { compliant: v, total: 1 }),
  },
  P06B: {
    has: (f) => f.facilitiesBefore2017 !== undefined,
    fill: (f, v) => (f.facilitiesBefore2017 = { compliant: v, total: 1 }),
  },
  P07: {
    has: (f) => f.classSizes !== undefined,
    fill: (f, v) => (f.classSizes = { compliant: v, total: 1 }),
  },
  P10: { has: (f) => f.recognitionRate !== undefined, fill: (f, v) => (f.recognitionRate = v) },
};

type Check = (f: PreschoolFigures, ruleSet: RuleSet, issues: Issue[]) => IndicatorCheck;

const ratio =
  (
    code: string,
    thresholdKey: Parameters<typeof checkRatio>[0]["thresholdKey"],
    parts: (f: PreschoolFigures) => [number | undefined, number | undefined],
  ): Check =>
  (f, ruleSet, issues) => {
    const [numerator, denominator] = parts(f);
    return checkRatio({ code, thresholdKey, numerator, denominator }, ruleSet, issues);
  };

const value =
  (
    code: string,
    thresholdKey: Parameters<typeof checkValue>[0]["thresholdKey"],
    of: (f: PreschoolFigures) => number | undefined,
  ): Check =>
  (f, ruleSet, issues) =>
    checkValue({ code, thresholdKey, value: of(f) }, ruleSet, issues);

/** The 12 checks of spec §2 in order: code, spec number and how each is computed. */
const CHECKS: readonly [PreschoolCode, number, Check][] = [
  [
    "P01",
    1,
    ratio("preschool-gross-enrolment", "preschool.grossEnrolment", (f) => [
      f.enrolledChildren,
      f.population3to5,
    ]),
  ],
  [
    "P02",
    2,
    ratio("preschool-inclusive-coverage", "preschool.inclusiveCoverage", (f) => [
      f.inclusiveEnrolled,
      f.enrolledChildren,
    ]),
  ],
  [
    "P03",
    3,
    ratio("preschool-public-share", "preschool.publicShare", (f) => [f.publicEnrolled, f.enrolledChildren]),
  ],
  ["P04A", 4, value("preschool-public-funding", "preschool.publicFunding", (f) => f.publicFundingPerChild)],
  [
    "P04B",
    4,
    value("preschool-inclusive-subsidy", "preschool.inclusiveSubsidy", (f) => f.inclusiveSubsidyPerChild),
  ],
  [
    "P05",
    5,
    ratio("preschool-non-staff-salary", "preschool.nonStaffSalaryRatio", (f) => [
      f.nonStaffTeacherSalary,
      f.staffTeacherSalary,
    ]),
  ],
  [
    "P06A",
    6,
    ratio("preschool-facilities-from-2017", "preschool.facilityCompliance.after2017", (f) => [
      f.facilitiesFrom2017?.compliant,
      f.facilitiesFrom2017?.total,
    ]),
  ],
  [
    "P06B",
    6,
    ratio("preschool-facilities-before-2017", "preschool.facilityCompliance.before2017", (f) => [
      f.facilitiesBefore2017?.compliant,
      f.facilitiesBefore2017?.total,
    ]),
  ],
  [
    "P07",
    7,
    ratio("preschool-class-size", "preschool.classSizeCompliance", (f) => [
      f.classSizes?.compliant,
      f.classSizes?.total,
    ]),
  ],
  [
    "P08",
    8,
    ratio("preschool-children-per-teacher", "preschool.childrenPerTeacher", (f) => [
      f.enrolledChildren,
      f.fullTimeTeachers,
    ]),
  ],
  [
    "P09",
    9,
    ratio("preschool-certified", "preschool.certifiedRate", (f) => [
      f.certified?.compliant,
      f.certified?.total,
    ]),
  ],
  ["P10", 10, value("preschool-recognition", "preschool.recognition", (f) => f.recognitionRate)],
];

/**
 * Checks the 10 indicators of spec §2 (学前三年毛入园率 ≥ 85% — 河南 90% via its rule set; 普惠覆盖率
 * ≥ 80%; 公办占比 ≥ 50%; funding standards; salary ratio; space standards 100% / 50%; 班额达标率; 幼师比
 * ≤ 1:15; 持证率; 社会认可度 ≥ 85%). A check of {@link PRESCHOOL_ATTESTED_CODES} without a figure is
 * decided by its confirmed claim: a claimed figure is judged against the threshold (the claimant's
 * 达标/未达标 then does not count), a claim without one counts as claimed. Issues:
 * `indicator-input-missing`, `indicator-zero-denominator`, `attestation-pending` (a claim not yet confirmed).
 */
export function evaluatePreschool(
  f: PreschoolFigures,
  options: { ruleSet?: RuleSet } = {},
): PreschoolEvaluation {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const issues: Issue[] = [];
  const figures: PreschoolFigures = { ...f };
  const filled = new Set<PreschoolCode>();
  for (const code of PRESCHOOL_ATTESTED_CODES) {
    const claim = f.claims?.[code];
    const { has, fill } = ATTESTED_FIGURES[code];
    if (!has(f) && claim !== undefined && claim.met !== null && claim.value !== null) {
      fill(figures, claim.value);
      filled.add(code);
    }
  }
  const checks = CHECKS.map(([indicator, number, run]): PreschoolCheck => {
    const own: Issue[] = [];
    const check = run(figures, ruleSet, own);
    const attestable = isPreschoolAttestedCode(indicator);
    const base = { ...check, indicator, number, attestable };
    const claim = attestable ? f.claims?.[indicator] : undefined;
    if (!attestable || filled.has(indicator) || ATTESTED_FIGURES[indicator].has(f) || claim === undefined) {
      issues.push(...own);
      const source = filled.has(indicator) ? "attestation" : check.value === null ? "none" : "data";
      return { ...base, source };
    }
    if (claim.met === null) {
      issues.push({
        code: "attestation-pending",
        severity: "info",
        message: `“${check.name}”的佐证申报尚未经审核确认`,
        where: { field: check.code },
      });
      return { ...base, source: "none" };
    }
    return { ...base, met: claim.met, source: "attestation" };
  });
  return { ruleSet: ruleSetRef(ruleSet), checks, isPass: allMet(checks.map((c) => c.met)), issues };
}
