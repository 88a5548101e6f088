import { describe, expect, it } from "vitest";
import { evaluatePreschool, type PreschoolClaim, type PreschoolFigures } from "./preschool.ts";
import { HENAN_RULE_SET } from "./rule-set.ts";

const county: PreschoolFigures = {
  enrolledChildren: 8_500,
  population3to5: 10_000,
  inclusiveEnrolled: 6_800,
  publicEnrolled: 4_250,
  publicFundingPerChild: 500,
  inclusiveSubsidyPerChild: 600,
  nonStaffTeacherSalary: 3_000,
  staffTeacherSalary: 4_000,
  facilitiesFrom2017: { compliant: 12, total: 12 },
  facilitiesBefore2017: { compliant: 20, total: 40 },
  classSizes: { compliant: 170, total: 200 },
  fullTimeTeachers: 567,
  certified: { compliant: 620, total: 620 },
  recognitionRate: 0.85,
};

describe("学前普及普惠 (spec §2)", () => {
  it("every threshold met exactly passes (85%, 80%, 50%, 500, 75%, 100%/50%, 85%, 1:15, 100%, 85%)", () => {
    const r = evaluatePreschool(county);
    expect(r.checks.map((c) => [c.code, c.met])).toEqual(r.checks.map((c) => [c.code, true]));
    expect(r.checks).toHaveLength(12);
    expect(r.isPass).toBe(true);
    expect(r.checks[0]).toMatchObject({
      numerator: 8_500,
      denominator: 10_000,
      value: 0.85,
      threshold: 0.85,
    });
    // 8,500 / 567 = 14.99 ≤ 15.
    expect(r.checks.find((c) => c.code === "preschool-children-per-teacher")?.value).toBeCloseTo(14.99, 2);
  });

  it("河南 requires 90% 毛入园率; the result records the rule set", () => {
    const r = evaluatePreschool(county, { ruleSet: HENAN_RULE_SET });
    expect(r.checks[0]).toMatchObject({ threshold: 0.9, met: false });
    expect(r.ruleSet).toEqual({ id: "cn-41-henan", version: "2021.1" });
    expect(r.isPass).toBe(false);
  });

  it.each([
    {
      name: "one teacher short: 8,500 / 566 > 15",
      change: { fullTimeTeachers: 566 },
      code: "preschool-children-per-teacher",
      met: false,
    },
    {
      name: "79.99% 普惠",
      change: { inclusiveEnrolled: 6_799 },
      code: "preschool-inclusive-coverage",
      met: false,
    },
    {
      name: "no teachers at all",
      change: { fullTimeTeachers: 0 },
      code: "preschool-children-per-teacher",
      met: false,
    },
    {
      name: "missing population",
      change: { population3to5: undefined },
      code: "preschool-gross-enrolment",
      met: null,
    },
  ])("$name", ({ change, code, met }) => {
    const r = evaluatePreschool({ ...county, ...change });
    expect(r.checks.find((c) => c.code === code)?.met).toBe(met);
    expect(r.isPass).toBe(met === null ? null : false);
  });

  it.each([
    { code: "indicator-input-missing", figures: { ...county, recognitionRate: undefined } },
    { code: "indicator-zero-denominator", figures: { ...county, population3to5: 0 } },
  ])("$code", ({ code, figures }) => {
    expect(evaluatePreschool(figures).issues.map((i) => i.code)).toEqual([code]);
  });

  describe("claims on the items no statistic carries", () => {
    const computed: PreschoolFigures = {
      enrolledChildren: 8_500,
      population3to5: 10_000,
      inclusiveEnrolled: 6_800,
      publicEnrolled: 4_250,
      fullTimeTeachers: 567,
      certified: { compliant: 620, total: 620 },
    };
    const ok = (value: number | null, met = true): PreschoolClaim => ({
      met,
      value,
      evidence: "拨款文件.pdf",
      reviewer: "审核员",
    });
    const claims = {
      P04A: ok(500),
      P04B: ok(600),
      P05: ok(0.8),
      P06A: ok(1),
      P06B: ok(0.5),
      P07: ok(null),
      P10: ok(0.9),
    };

    it("without claims the attested checks stay pending", () => {
      const r = evaluatePreschool(computed);
      expect(r.isPass).toBeNull();
      expect(r.checks.filter((c) => c.met === null).map((c) => c.indicator)).toEqual([
        "P04A",
        "P04B",
        "P05",
        "P06A",
        "P06B",
        "P07",
        "P10",
      ]);
      expect(r.checks.find((c) => c.indicator === "P08")).toMatchObject({
        source: "data",
        attestable: false,
      });
    });

    it("confirmed claims decide them: figures against the threshold, a plain claim as claimed", () => {
      const r = evaluatePreschool({ ...computed, claims });
      expect(r.isPass).toBe(true);
      expect(r.issues).toEqual([]);
      expect(r.checks.find((c) => c.indicator === "P04A")).toMatchObject({
        code: "preschool-public-funding",
        number: 4,
        value: 500,
        met: true,
        source: "attestation",
      });
      expect(r.checks.find((c) => c.indicator === "P07")).toMatchObject({
        value: null,
        met: true,
        source: "attestation",
      });
    });

    it("a confirmed figure below the threshold fails even when claimed 达标", () => {
      const r = evaluatePreschool({ ...computed, claims: { ...claims, P05: ok(0.74) } });
      expect(r.checks.find((c) => c.indicator === "P05")).toMatchObject({ value: 0.74, met: false });
      expect(r.isPass).toBe(false);
    });

    it("a confirmed 未达标 without a figure fails", () => {
      const r = evaluatePreschool({ ...computed, claims: { ...claims, P07: ok(null, false) } });
      expect(r.isPass).toBe(false);
    });

    it("an unreviewed claim leaves its check pending with attestation-pending", () => {
      const r = evaluatePreschool({
        ...computed,
        claims: { ...claims, P10: { met: null, value: null, evidence: "", reviewer: "" } },
      });
      expect(r.checks.find((c) => c.indicator === "P10")).toMatchObject({ met: null, source: "none" });
      expect(r.issues.map((i) => [i.code, i.where?.field])).toEqual([
        ["attestation-pending", "preschool-recognition"],
      ]);
      expect(r.isPass).toBeNull();
    });

    it("a figure from the data wins over a claim", () => {
      const r = evaluatePreschool({ ...computed, recognitionRate: 0.8, claims });
      expect(r.checks.find((c) => c.indicator === "P10")).toMatchObject({
        value: 0.8,
        met: false,
        source: "data",
      });
    });
  });
});
