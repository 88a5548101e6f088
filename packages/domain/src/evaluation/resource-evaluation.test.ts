import { describe, expect, it } from "vitest";
import { applyAdditions } from "./plan-additions.ts";
import { evaluateResources } from "./resource-evaluation.ts";
import { RESOURCE_INDICATOR_KEYS } from "./resource-indicators.ts";
import { HEBEI_RULE_SET, NATIONAL_RULE_SET } from "./rule-set.ts";
import { school } from "./test-fixtures.ts";

const good = (code: string, primary: number) => school({ code, primary });

describe("per-school rule (spec §1.1a: 6 of 7, the rest ≥ 85%)", () => {
  it.each([
    { name: "all 7 met", values: {}, pass: true, metCount: 7 },
    {
      name: "6 met, 7th exactly at 85% (3.57 of 4.2)",
      values: { qualifiedTeachers: 3.57 },
      pass: true,
      metCount: 6,
    },
    { name: "6 met, 7th at 84%", values: { qualifiedTeachers: 3.528 }, pass: false, metCount: 6 },
    {
      name: "5 met, both others at 90%",
      values: { qualifiedTeachers: 3.78, sportsArea: 6.75 },
      pass: false,
      metCount: 5,
    },
    {
      name: "exactly at every threshold",
      values: {
        qualifiedTeachers: 4.2,
        backboneTeachers: 1,
        peArtTeachers: 0.9,
        teachingFloorArea: 4.5,
        sportsArea: 7.5,
        equipmentValue: 2000,
        multimediaClassrooms: 2.3,
      },
      pass: true,
      metCount: 7,
    },
  ])("$name", ({ values, pass, metCount }) => {
    const r = evaluateResources([school({ code: "1", primary: 1000, values }), good("2", 800)]);
    const part = r.schools.find((s) => s.code === "1");
    expect(part?.isPass).toBe(pass);
    expect(part?.metCount).toBe(metCount);
  });

  it("junior thresholds apply to the junior part (5.3, 5.8, 10.2, 2500, 2.4)", () => {
    const r = evaluateResources([
      school({ code: "j", junior: 1000, values: { qualifiedTeachers: 5.2 } }),
      good("p", 500),
    ]);
    const j = r.schools.find((s) => s.code === "j");
    expect(j?.level).toBe("junior");
    expect(j?.met.qualifiedTeachers).toBe(false);
    expect(j?.reachesPartial.qualifiedTeachers).toBe(true);
  });
});

describe("county evaluation (spec §1.1b)", () => {
  const county = [
    good("a", 400),
    school({ code: "b", primary: 600, values: { sportsArea: 9 } }),
    school({ code: "c", junior: 900 }),
  ];

  it("records the rule set, policy and split weights used", () => {
    const r = evaluateResources(county, { ruleSet: HEBEI_RULE_SET });
    expect(r.ruleSet).toEqual({ id: "cn-13-hebei", version: "2018.1" });
    expect(r.teachingPointPolicy).toBe("exclude-below-50");
    expect(r.splitWeights.nineYear).toEqual({ primary: 1, junior: 1.1 });
  });

  it("keeps value, weight and contribution per school; contributions sum to the variance", () => {
    const r = evaluateResources(county);
    const stats = r.levels.primary.indicators.sportsArea;
    const parts = r.schools.filter((s) => s.level === "primary");
    expect(parts.map((p) => p.weight)).toEqual([0.4, 0.6]);
    expect(parts.map((p) => p.values.sportsArea)).toEqual([12, 9]);
    expect(stats.numerator).toBe(12 * 400 + 9 * 600);
    expect(stats.denominator).toBe(1000);
    expect(stats.mean).toBeCloseTo(10.2, 12);
    expect(parts.reduce((s, p) => s + p.contributions.sportsArea, 0)).toBeCloseTo(stats.variance ?? -1, 12);
    expect(stats.cv).toBeCloseTo(Math.sqrt(0.4 * 1.8 ** 2 + 0.6 * 1.2 ** 2) / 10.2, 12);
    expect(r.isResourcePass).toBe(true);
  });

  it("fails the CV rule per indicator (小学 ≤ 0.50)", () => {
    const r = evaluateResources([
      good("a", 100),
      school({ code: "b", primary: 100, values: { equipmentValue: 20_000 } }),
    ]);
    expect(r.levels.primary.indicators.equipmentValue.isCvPass).toBe(false);
    expect(r.isSchoolsPass).toBe(true);
    expect(r.isResourcePass).toBe(false);
  });

  it("splits a 九年一贯制 school: facilities by 1 : 1.1, teachers per level", () => {
    const s = {
      ...school({ code: "n", type: "nineYear", primary: 166, junior: 210 }),
      equipmentValue: 23_226,
    };
    const r = evaluateResources([s]);
    const [p, j] = r.schools;
    expect(p?.facilityShare).toBeCloseTo(166 / 397, 12);
    expect(p?.quantities.equipmentValue).toBeCloseTo((23_226 * 166) / 397, 9);
    expect(j?.quantities.equipmentValue).toBeCloseTo((23_226 * 231) / 397, 9);
    expect(p?.quantities.qualifiedTeachers).toBeCloseTo((6 * 166) / 100, 12);
    expect(j?.quantities.qualifiedTeachers).toBeCloseTo((6 * 210) / 100, 12);
  });

  it("applies the 教学点 policy and records it", () => {
    const tp = school({
      code: "t",
      type: "teachingPoint",
      primary: 30,
      parentCode: "a",
      values: { sportsArea: 1 },
    });
    const schools = [good("a", 400), good("b", 500), tp];
    const include = evaluateResources(schools, { teachingPointPolicy: "include" });
    expect(include.schools.map((s) => s.code)).toContain("t");
    const excluded = evaluateResources(schools, { teachingPointPolicy: "exclude-below-50" });
    expect(excluded.schools.map((s) => s.code)).not.toContain("t");
    expect(excluded.excluded).toEqual([{ code: "t", name: "学校t", reason: "不足50人的教学点" }]);
    const merged = evaluateResources(schools, { teachingPointPolicy: "merge-into-parent" });
    const a = merged.schools.find((s) => s.code === "a");
    expect(a?.students).toBe(430);
    expect(a?.mergedFrom).toEqual(["t"]);
    expect(a?.quantities.sportsArea).toBe(12 * 400 + 30);
    expect(merged.teachingPointPolicy).toBe("merge-into-parent");
  });

  it("defaults to the national rule set with 教学点 included", () => {
    const r = evaluateResources([school({ code: "t", type: "teachingPoint", primary: 20 }), good("a", 100)]);
    expect(r.ruleSet).toEqual({ id: NATIONAL_RULE_SET.id, version: NATIONAL_RULE_SET.version });
    expect(r.schools).toHaveLength(2);
  });

  it("a plan-style addition changes only its school", () => {
    const after = applyAdditions(county, [{ schoolCode: "b", indicator: "sportsArea", amount: 600 }]);
    expect(after[1]?.sportsArea).toBe(9 * 600 + 600);
    expect(county[1]?.sportsArea).toBe(9 * 600);
    expect(RESOURCE_INDICATOR_KEYS).toHaveLength(7);
  });
});

describe("issue codes of the resource evaluation", () => {
  const codes = (r: { issues: { code: string }[] }): string[] => r.issues.map((i) => i.code);
  it.each([
    { code: "invalid-quantity", schools: [{ ...good("a", 100), sportsArea: -1 }, good("b", 100)] },
    { code: "duplicate-school-code", schools: [good("a", 100), good("a", 100)] },
    {
      code: "school-type-not-evaluated",
      schools: [good("a", 100), { ...good("s", 100), schoolType: "senior" as const }],
    },
    {
      code: "students-outside-school-type",
      schools: [good("a", 100), { ...good("b", 100), students: { primary: 100, junior: 5, senior: 0 } }],
    },
    { code: "school-without-students", schools: [good("a", 100), good("b", 0)] },
    {
      code: "teaching-point-excluded",
      schools: [good("a", 100), school({ code: "t", type: "teachingPoint", primary: 49 })],
      policy: "exclude-below-50" as const,
    },
    {
      code: "teaching-point-merged",
      schools: [good("a", 100), school({ code: "t", type: "teachingPoint", primary: 9, parentCode: "a" })],
      policy: "merge-into-parent" as const,
    },
    {
      code: "teaching-point-parent-missing",
      schools: [good("a", 100), school({ code: "t", type: "teachingPoint", primary: 9, parentCode: "x" })],
      policy: "merge-into-parent" as const,
    },
    { code: "level-without-schools", schools: [good("a", 100), good("b", 100)] },
    { code: "single-school-level", schools: [good("a", 100), school({ code: "j", junior: 100 })] },
    {
      code: "cv-undefined-zero-mean",
      schools: [good("a", 100), { ...good("b", 100), multimediaClassrooms: 0 }].map((s) => ({
        ...s,
        multimediaClassrooms: 0,
      })),
    },
    // CV exactly 0.5: values 1 and 3 (weights ½ ½) → mean 2, sd 1.
    {
      code: "cv-near-limit",
      schools: [
        school({ code: "a", primary: 100, values: { equipmentValue: 2000 } }),
        school({ code: "b", primary: 100, values: { equipmentValue: 6000 } }),
      ],
    },
  ])("$code", ({ code, schools, policy }) => {
    const r = evaluateResources(schools, policy ? { teachingPointPolicy: policy } : {});
    expect(codes(r)).toContain(code);
  });

  it("a CV exactly at the limit passes (0.5 for 小学)", () => {
    const r = evaluateResources([
      school({ code: "a", primary: 100, values: { equipmentValue: 2000 } }),
      school({ code: "b", primary: 100, values: { equipmentValue: 6000 } }),
    ]);
    expect(r.levels.primary.indicators.equipmentValue.cv).toBeCloseTo(0.5, 12);
    expect(r.levels.primary.indicators.equipmentValue.isCvPass).toBe(true);
    expect(r.levels.primary.indicators.equipmentValue.isNearLimit).toBe(true);
  });

  it("an undefined CV fails its level", () => {
    const r = evaluateResources(
      [good("a", 100), good("b", 100)].map((s) => ({ ...s, multimediaClassrooms: 0 })),
    );
    expect(r.levels.primary.indicators.multimediaClassrooms.cv).toBeNull();
    expect(r.levels.primary.isCvPass).toBe(false);
    expect(r.levels.junior.isCvPass).toBe(true);
  });
});
