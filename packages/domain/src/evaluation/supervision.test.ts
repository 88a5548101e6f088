import { describe, expect, it } from "vitest";
import type { Attestation } from "./indicator-check.ts";
import { evaluateOverall, type OverallInputs } from "./overall-verdict.ts";
import { NATIONAL_RULE_SET } from "./rule-set.ts";
import {
  GOVERNMENT_CODES,
  GOVERNMENT_INDICATORS,
  QUALITY_CODES,
  QUALITY_INDICATORS,
} from "./supervision-catalogue.ts";
import {
  evaluateGovernment,
  evaluateQuality,
  type GovernmentInputs,
  type QualityInputs,
} from "./supervision-checks.ts";
import { evaluateSocialRecognition } from "./social-recognition.ts";

const ok: Attestation = { met: true, evidence: "县政府文件", reviewer: "督学甲" };

const government: GovernmentInputs = {
  musicArtRooms: [{ schoolId: "a", classes: 24, musicRoomAreas: [96, 100], artRoomAreas: [90, 90] }],
  schoolSizes: [
    { schoolId: "a", schoolType: "primary", compulsoryStudents: 2000 },
    { schoolId: "n", schoolType: "nineYear", compulsoryStudents: 2500 },
  ],
  classSizes: [
    { schoolId: "a", level: "primary", students: 45 },
    { schoolId: "b", level: "junior", students: 50 },
  ],
  specialSchools: [{ schoolId: "s", students: 100, publicFunding: 600_000 }],
  salaries: { teacherAverage: 98_000, civilServantAverage: 98_000 },
  training: { part: 800, total: 800 },
  rotation: { eligible: 1000, rotated: 100, rotatedBackbone: 20 },
  certification: { part: 900, total: 900 },
  nearbyEnrolment: { primary: { part: 3000, total: 3000 }, junior: { part: 1900, total: 2000 } },
  quotaAllocation: { part: 500, total: 1000 },
  migrantChildren: { part: 850, total: 1000 },
  attestations: { G01: ok, G02: ok, G06: ok, G10: ok, G15: ok },
};

const quality: QualityInputs = {
  retention: { graduates: 950, enrolledThreeYearsAgo: 980, transfersIn: 30, transfersOut: 10 },
  disabledEnrolment: { part: 95, total: 100 },
  trainingBudgets: [{ schoolId: "a", trainingFunds: 5_000, publicFundingBudget: 100_000 }],
  monitoring: [{ subject: "数学", level: 3, schoolGapRate: 0.149 }],
  attestations: { Q03: ok, Q05: ok, Q06: ok, Q07: ok, Q08: ok },
};

describe("catalogue (spec §1.1c, §1.1d)", () => {
  it("has 15 government and 9 quality indicators with kinds", () => {
    expect(GOVERNMENT_CODES.map((c) => GOVERNMENT_INDICATORS[c].number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    ]);
    expect(QUALITY_CODES.map((c) => QUALITY_INDICATORS[c].number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(GOVERNMENT_CODES.filter((c) => GOVERNMENT_INDICATORS[c].kind === "attestation")).toEqual([
      "G01",
      "G02",
      "G06",
      "G10",
    ]);
    expect(GOVERNMENT_INDICATORS.G15.kind).toBe("mixed");
    expect(QUALITY_CODES.filter((c) => QUALITY_INDICATORS[c].kind === "computable")).toEqual([
      "Q01",
      "Q02",
      "Q04",
      "Q09",
    ]);
  });
});

describe("政府保障程度 (spec §1.1c)", () => {
  it("all 15 met at exactly their thresholds", () => {
    const r = evaluateGovernment(government);
    expect(r.indicators.filter((v) => v.met !== true).map((v) => v.code)).toEqual([]);
    expect(r.isPass).toBe(true);
    expect(r.issues).toEqual([]);
  });

  it.each([
    {
      name: "#3 a 24-class school needs 2 rooms ≥ 96 m²",
      change: {
        musicArtRooms: [{ schoolId: "a", classes: 25, musicRoomAreas: [96, 100], artRoomAreas: [90, 90] }],
      },
      code: "G03",
      failing: ["a"],
    },
    {
      name: "#4 2001 pupils",
      change: { schoolSizes: [{ schoolId: "a", schoolType: "primary" as const, compulsoryStudents: 2001 }] },
      code: "G04",
      failing: ["a"],
    },
    {
      name: "#5 a 46-pupil 小学 class",
      change: { classSizes: [{ schoolId: "x", level: "primary" as const, students: 46 }] },
      code: "G05",
      failing: ["x"],
    },
    {
      name: "#7 5,999 元",
      change: { specialSchools: [{ schoolId: "s", students: 100, publicFunding: 599_900 }] },
      code: "G07",
      failing: ["s"],
    },
    {
      name: "#11 backbone 19.9%",
      change: { rotation: { eligible: 1000, rotated: 1000, rotatedBackbone: 199 } },
      code: "G11",
      failing: [],
    },
    {
      name: "#13 初中 94.9%",
      change: { nearbyEnrolment: { primary: { part: 1, total: 1 }, junior: { part: 949, total: 1000 } } },
      code: "G13",
      failing: [],
    },
    {
      name: "#15 care system not in place",
      change: { attestations: { ...government.attestations, G15: { ...ok, met: false } } },
      code: "G15",
      failing: [],
    },
  ])("$name fails $code", ({ change, code, failing }) => {
    const r = evaluateGovernment({ ...government, ...change });
    const v = r.indicators.find((i) => i.code === code);
    expect(v?.met).toBe(false);
    expect(v?.failing).toEqual(failing);
    expect(r.isPass).toBe(false);
  });

  it.each([
    { code: "indicator-input-missing", input: { ...government, salaries: undefined } },
    {
      code: "attestation-pending",
      input: { ...government, attestations: { ...government.attestations, G01: { ...ok, met: null } } },
    },
    { code: "indicator-not-applicable", input: { ...government, specialSchools: [] } },
    { code: "indicator-zero-denominator", input: { ...government, training: { part: 0, total: 0 } } },
  ])("$code", ({ code, input }) => {
    const r = evaluateGovernment(input);
    expect(r.issues.map((i) => i.code)).toEqual([code]);
    expect(r.isPass).toBe(code === "indicator-not-applicable" ? true : null);
  });
});

describe("教育质量 (spec §1.1d)", () => {
  it("all 9 met; 巩固率 = 950 / (980 + 30 − 10) = 95%", () => {
    const r = evaluateQuality(quality);
    expect(r.isPass).toBe(true);
    expect(r.indicators[0]?.checks[0]).toMatchObject({
      numerator: 950,
      denominator: 1000,
      value: 0.95,
      met: true,
    });
  });

  it.each([
    {
      name: "#9 校际差异率 0.15 is not below 0.15",
      change: { monitoring: [{ subject: "科学", level: 4, schoolGapRate: 0.15 }] },
      code: "Q09",
    },
    {
      name: "#9 level Ⅱ",
      change: { monitoring: [{ subject: "体育", level: 2, schoolGapRate: 0.1 }] },
      code: "Q09",
    },
    {
      name: "#4 4.99%",
      change: { trainingBudgets: [{ schoolId: "a", trainingFunds: 4_990, publicFundingBudget: 100_000 }] },
      code: "Q04",
    },
    { name: "#2 94%", change: { disabledEnrolment: { part: 94, total: 100 } }, code: "Q02" },
  ])("$name fails $code", ({ change, code }) => {
    const r = evaluateQuality({ ...quality, ...change });
    expect(r.indicators.find((i) => i.code === code)?.met).toBe(false);
  });

  it("巩固率 is capped at 100%", () => {
    const r = evaluateQuality({
      ...quality,
      retention: { graduates: 1100, enrolledThreeYearsAgo: 1000, transfersIn: 0, transfersOut: 0 },
    });
    expect(r.indicators[0]?.checks[0]?.value).toBe(1);
  });
});

describe("社会认可度 (spec §1.1d)", () => {
  it("weighted mean of group rates; equal weights by default", () => {
    const r = evaluateSocialRecognition([
      { group: "parents", respondents: 1000, satisfied: 900 },
      { group: "teachers", respondents: 100, satisfied: 80 },
    ]);
    expect(r.rate).toBeCloseTo(0.85, 12);
    expect(r.isPass).toBe(true);
    const weighted = evaluateSocialRecognition(
      [
        { group: "parents", respondents: 1000, satisfied: 900 },
        { group: "teachers", respondents: 100, satisfied: 80 },
      ],
      { weights: { parents: 3, teachers: 1 } },
    );
    expect(weighted.rate).toBeCloseTo(0.875, 12);
    expect(weighted.groups.map((g) => g.weight)).toEqual([0.75, 0.25]);
  });

  it.each([
    {
      code: "survey-group-empty",
      results: [
        { group: "students" as const, respondents: 0, satisfied: 0 },
        { group: "parents" as const, respondents: 10, satisfied: 9 },
      ],
    },
    {
      code: "survey-invalid-counts",
      results: [
        { group: "students" as const, respondents: 5, satisfied: 6 },
        { group: "parents" as const, respondents: 10, satisfied: 9 },
      ],
    },
    { code: "survey-no-responses", results: [] },
  ])("$code", ({ code, results }) => {
    expect(evaluateSocialRecognition(results).issues.map((i) => i.code)).toContain(code);
  });
});

describe("overall verdict with veto items (spec §1.1e)", () => {
  const base: OverallInputs = {
    ruleSet: { id: NATIONAL_RULE_SET.id, version: NATIONAL_RULE_SET.version },
    resource: { isResourcePass: true },
    government: { isPass: true },
    quality: { isPass: true },
    recognition: { isPass: true },
    vetoes: { examAdmission: ok, illegalSchoolChoice: ok, keySchools: ok, keyClasses: ok },
    prerequisite: { basicBalanceYear: 2015, evaluationYear: 2018 },
  };

  it.each([
    { name: "all parts met", change: {}, verdict: "pass", vetoes: [] },
    {
      name: "重点班 found: veto",
      change: { vetoes: { ...base.vetoes, keyClasses: { ...ok, met: false } } },
      verdict: "fail",
      vetoes: ["keyClasses"],
    },
    {
      name: "社会认可度 below 85%: veto",
      change: { recognition: { isPass: false } },
      verdict: "fail",
      vetoes: ["recognition"],
    },
    {
      name: "resource part fails",
      change: { resource: { isResourcePass: false } },
      verdict: "fail",
      vetoes: [],
    },
    { name: "quality pending", change: { quality: { isPass: null } }, verdict: "pending", vetoes: [] },
    {
      name: "veto item not reviewed",
      change: { vetoes: { ...base.vetoes, keySchools: undefined } },
      verdict: "pending",
      vetoes: [],
    },
    {
      name: "基本均衡 only 2 years before",
      change: { prerequisite: { basicBalanceYear: 2016, evaluationYear: 2018 } },
      verdict: "fail",
      vetoes: [],
    },
    {
      name: "veto beats pending",
      change: { quality: { isPass: null }, vetoes: { ...base.vetoes, examAdmission: { ...ok, met: false } } },
      verdict: "fail",
      vetoes: ["examAdmission"],
    },
  ])("$name → $verdict", ({ change, verdict, vetoes }) => {
    const r = evaluateOverall({ ...base, ...change });
    expect(r.verdict).toBe(verdict);
    expect(r.vetoes).toEqual(vetoes);
    expect(r.reasons.length > 0).toBe(verdict !== "pass");
  });
});
