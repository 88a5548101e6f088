import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planCountyPass } from "./pass-plan.ts";
import { applyAdditions, type PlanAddition } from "./plan-additions.ts";
import { evaluateResources } from "./resource-evaluation.ts";
import { planSchoolFixes } from "./school-fixes.ts";
import { school, seededRandom, syntheticCounty } from "./test-fixtures.ts";

const good = (code: string, primary: number) => school({ code, primary });

describe("planSchoolFixes: smallest additions per failing school (spec §1.1a)", () => {
  it.each([
    {
      name: "one unmet indicator stops at 85%: 30 → 36 teachers for 1,000 pupils (3.6 ≥ 3.57)",
      values: { qualifiedTeachers: 3 },
      costs: {},
      left: "qualifiedTeachers",
      additions: [{ indicator: "qualifiedTeachers", level: "primary", amount: 6 }],
    },
    {
      name: "two unmet, teachers dear: teachers to 85%, sports ground to 7.5 m²",
      values: { qualifiedTeachers: 3, sportsArea: 6 },
      costs: { qualifiedTeachers: 120_000, sportsArea: 400 },
      left: "qualifiedTeachers",
      additions: [
        { indicator: "qualifiedTeachers", level: "primary", amount: 6 },
        { indicator: "sportsArea", amount: 1500 },
      ],
    },
    {
      name: "two unmet, land dear: sports ground to 85% (6.375 m²), teachers to 4.2",
      values: { qualifiedTeachers: 3, sportsArea: 6 },
      costs: { qualifiedTeachers: 120_000, sportsArea: 2_000 },
      left: "sportsArea",
      additions: [
        { indicator: "qualifiedTeachers", level: "primary", amount: 12 },
        { indicator: "sportsArea", amount: 375 },
      ],
    },
    {
      name: "6 met and the 7th at 80% still needs lifting to 85%",
      values: { multimediaClassrooms: 1.8 },
      costs: {},
      left: "multimediaClassrooms",
      additions: [{ indicator: "multimediaClassrooms", amount: 2 }],
    },
  ])("$name", ({ values, costs, left, additions }) => {
    const schools = [school({ code: "1", primary: 1000, values }), good("2", 800)];
    const { fixes } = planSchoolFixes(schools, { unitCosts: costs });
    expect(fixes).toHaveLength(1);
    expect(fixes[0]?.leftAtPartial).toBe(left);
    expect(
      fixes[0]?.additions.map(({ indicator, level, amount }) =>
        level ? { indicator, level, amount } : { indicator, amount },
      ),
    ).toEqual(additions);
    // Applied, the school passes; one unit less of any addition and it fails (smallest).
    const fixed = fixes[0]?.additions ?? [];
    expect(evaluateResources(applyAdditions(schools, fixed)).schools[0]?.isPass).toBe(true);
    for (const a of fixed) {
      const less = fixed.map((b) => (b === a ? { ...b, amount: b.amount - 1 } : b));
      expect(evaluateResources(applyAdditions(schools, less)).schools[0]?.isPass).toBe(false);
    }
  });

  it("passing schools need nothing", () => {
    expect(planSchoolFixes([good("1", 100), good("2", 300)]).fixes).toEqual([]);
  });

  it("fixes a 九年一贯制 school part by part; facility units reach the part by its share", () => {
    const nine = school({
      code: "n",
      type: "nineYear",
      primary: 400,
      junior: 400,
      values: { sportsArea: 5 },
    });
    const schools = [nine, good("p", 500), school({ code: "j", junior: 500 })];
    const { fixes } = planSchoolFixes(schools);
    const after = evaluateResources(
      applyAdditions(
        schools,
        fixes.flatMap((f) => f.additions),
      ),
    );
    expect(after.isSchoolsPass).toBe(true);
  });
});

/** Re-applies a plan's additions to the original data and evaluates from scratch. */
function reevaluate(schools: Parameters<typeof evaluateResources>[0], additions: PlanAddition[]) {
  return evaluateResources(applyAdditions(schools, additions));
}

describe("planCountyPass: every school and every CV (spec §1.1a/§1.1b)", () => {
  it("makes a failing county pass, proven by re-evaluating the applied plan", () => {
    const county = syntheticCounty(seededRandom(7), 60);
    const before = evaluateResources(county);
    expect(before.isResourcePass).toBe(false);
    const plan = planCountyPass(county);
    expect(plan.before.isResourcePass).toBe(false);
    expect(plan.isPass).toBe(true);
    expect(plan.issues).toEqual([]);
    const again = reevaluate(county, plan.additions);
    expect(again.isSchoolsPass).toBe(true);
    expect(again.isCvPass).toBe(true);
    expect(plan.totalCost).toBeCloseTo(
      plan.additions.reduce((s, a) => s + a.cost, 0),
      6,
    );
    expect(plan.additions.every((a) => Number.isInteger(a.amount) && a.amount > 0)).toBe(true);
  });

  it("reduces a failing CV by raising the lowest schools (no per-school failure involved)", () => {
    const county = [
      school({ code: "a", primary: 500, values: { equipmentValue: 2100 } }),
      school({ code: "b", primary: 500, values: { equipmentValue: 2100 } }),
      school({ code: "c", primary: 100, values: { equipmentValue: 12_000 } }),
    ];
    const before = evaluateResources(county);
    expect(before.isSchoolsPass).toBe(true);
    expect(before.levels.primary.indicators.equipmentValue.isCvPass).toBe(false);
    const plan = planCountyPass(county);
    expect(plan.isPass).toBe(true);
    expect(plan.additions.map((a) => a.schoolCode).sort()).toEqual(["a", "b"]);
    expect(
      plan.additions.every((a) => a.indicator === "equipmentValue" && a.reason === "difference-coefficient"),
    ).toBe(true);
  });

  it("is locally minimal: one unit less of any addition fails the re-evaluation", () => {
    const county = syntheticCounty(seededRandom(11), 14);
    const plan = planCountyPass(county);
    expect(plan.isPass).toBe(true);
    for (const a of plan.additions) {
      const less = plan.additions.map((b) => (b === a ? { ...b, amount: b.amount - 1 } : b));
      expect(reevaluate(county, less).isResourcePass, `${a.schoolCode} ${a.indicator}`).toBe(false);
    }
  });

  it("passes on random counties with combined schools and 教学点 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 40 }), (seed, size) => {
        const county = syntheticCounty(seededRandom(seed), size);
        const plan = planCountyPass(county);
        return plan.isPass && reevaluate(county, plan.additions).isResourcePass;
      }),
      { numRuns: 30 },
    );
  });

  it("honours the rule set's 教学点 policy when planning", () => {
    const county = syntheticCounty(seededRandom(3), 30);
    const plan = planCountyPass(county, { teachingPointPolicy: "merge-into-parent" });
    expect(plan.after.teachingPointPolicy).toBe("merge-into-parent");
    expect(plan.isPass).toBe(true);
  });

  it("reports pass-plan-incomplete never on these inputs, and costs by indicator add up", () => {
    const county = syntheticCounty(seededRandom(5), 25);
    const plan = planCountyPass(county, { unitCosts: { sportsArea: 1 } });
    const sum = Object.values(plan.costByIndicator).reduce((s, c) => s + c, 0);
    expect(sum).toBeCloseTo(plan.totalCost, 6);
    expect(plan.issues.map((i) => i.code)).not.toContain("pass-plan-incomplete");
  });
});
