import { describe, expect, it } from "vitest";
import { evaluateGovernment, evaluateQuality } from "@luoshi/domain/evaluation";
import {
  type ClaimFacts,
  governmentFromClaims,
  governmentFromStatistics,
  qualityFromClaims,
  qualityFromStatistics,
  type SchoolRecord,
} from "./supervision-inputs.ts";

const school = (
  code: string,
  schoolType: SchoolRecord["schoolType"],
  values: Record<string, number>,
): SchoolRecord => ({
  code,
  name: `学校${code}`,
  schoolType,
  values,
});

const claim = (code: string, claimedValue: number | null, confirmed = true): ClaimFacts => ({
  code,
  claimMet: true,
  claimedValue,
  confirmed,
  evidence: "",
  reviewer: "",
});

describe("supervision inputs from statistics", () => {
  it("computes 规模 per school (一贯制 up to 2500) and 班额 per 学段 from the largest class", () => {
    const { inputs, shown } = governmentFromStatistics([
      school("A", "primary", {
        "pupils.primary": 2001,
        "classes.primary": 40,
        "classes.primary.maxSize": 45,
      }),
      school("B", "nineYear", {
        "pupils.primary": 1500,
        "pupils.junior": 900,
        "classes.junior": 18,
        "classes.junior.maxSize": 51,
      }),
      school("K", "kindergarten", { "pupils.preschool": 3000 }),
    ]);
    const r = evaluateGovernment(inputs);
    const g04 = r.indicators.find((i) => i.code === "G04");
    expect(g04).toMatchObject({ met: false, failing: ["A"] });
    expect(r.indicators.find((i) => i.code === "G05")).toMatchObject({ met: false, failing: ["B"] });
    expect(shown.G04?.[1]?.value).toBe("2,400 人（学校B）");
    // No 特殊教育学校 in the county: #7 does not apply.
    expect(inputs.specialSchools).toEqual([]);
    expect(r.indicators.find((i) => i.code === "G07")?.met).toBe(true);
  });

  it("leaves out what the statistics lack, so the check stays pending", () => {
    const { inputs } = governmentFromStatistics([school("A", "primary", { "pupils.primary": 100 })]);
    expect(inputs.classSizes).toBeUndefined();
    expect(inputs.certification).toBeUndefined();
    expect(evaluateGovernment(inputs).indicators.find((i) => i.code === "G05")?.met).toBeNull();
  });

  it("takes the 持证率 and 培训经费 of compulsory schools only", () => {
    const schools = [
      school("A", "primary", {
        "teachers.certified.primary": 19,
        "teachers.fullTime.primary": 20,
        "funding.training": 6000,
        "funding.publicBudget": 100_000,
      }),
      school("S", "senior", {
        "teachers.certified.senior": 0,
        "funding.training": 0,
        "funding.publicBudget": 1,
      }),
    ];
    expect(governmentFromStatistics(schools).inputs.certification).toEqual({ part: 19, total: 20 });
    const q = qualityFromStatistics(schools, 96.5);
    expect(q.inputs.trainingBudgets).toEqual([
      { schoolId: "A", trainingFunds: 6000, publicFundingBudget: 100_000 },
    ]);
    const r = evaluateQuality(q.inputs);
    expect(r.indicators.find((i) => i.code === "Q04")?.met).toBe(true);
    expect(r.indicators.find((i) => i.code === "Q01")?.checks[0]?.value).toBeCloseTo(0.965, 12);
  });
});

describe("supervision inputs from confirmed claims", () => {
  it("fills single-ratio indicators from confirmed figures only, never over statistics", () => {
    const inputs = { certification: { part: 10, total: 10 } };
    const filled = governmentFromClaims(
      inputs,
      new Map([
        ["G09", claim("G09", 0.98)],
        ["G12", claim("G12", 0.5)],
        ["G14", claim("G14", 0.6, false)],
      ]),
    );
    expect([...filled]).toEqual(["G09"]);
    const r = evaluateGovernment(inputs);
    expect(r.indicators.find((i) => i.code === "G09")?.met).toBe(false);
    expect(r.indicators.find((i) => i.code === "G12")?.met).toBe(true);
    expect(r.indicators.find((i) => i.code === "G14")?.met).toBeNull();
  });

  it("fills 巩固率 and 残疾儿童入学率 as fractions", () => {
    const inputs = {};
    const filled = qualityFromClaims(
      inputs,
      new Map([
        ["Q01", claim("Q01", 0.96)],
        ["Q02", claim("Q02", 0.9)],
      ]),
    );
    expect([...filled].sort()).toEqual(["Q01", "Q02"]);
    const r = evaluateQuality(inputs);
    expect(r.indicators.find((i) => i.code === "Q01")?.met).toBe(true);
    expect(r.indicators.find((i) => i.code === "Q02")?.met).toBe(false);
  });
});
