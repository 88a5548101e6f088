import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { differenceCoefficient } from "./difference-coefficient.ts";
import { evaluateResources } from "./resource-evaluation.ts";
import { type BalanceSchool, RESOURCE_INDICATOR_KEYS } from "./resource-indicators.ts";
import { planCountyPass } from "./pass-plan.ts";
import { deriveRuleSet, NATIONAL_RULE_SET } from "./rule-set.ts";
import { school, seededRandom, syntheticCounty } from "./test-fixtures.ts";

const figure = fc.record({
  students: fc.integer({ min: 1, max: 3000 }),
  quantity: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
});
const figures = fc
  .array(figure, { minLength: 2, maxLength: 40 })
  .map((xs) => xs.map((x, i) => ({ ...x, schoolId: String(i) })));

/**
 * Independent, straightforward implementation of spec §1.1b, written from the formula text:
 * X̄ = Σ(Pᵢ/P)·Xᵢ, S = √Σ(Pᵢ/P)(Xᵢ − X̄)², CV = S/X̄, for single-level 小学/初中 schools only.
 */
function referenceCv(
  schools: BalanceSchool[],
  level: "primary" | "junior",
  key: (typeof RESOURCE_INDICATOR_KEYS)[number],
): number {
  const m =
    key === "qualifiedTeachers" ||
    key === "backboneTeachers" ||
    key === "peArtTeachers" ||
    key === "multimediaClassrooms"
      ? 100
      : 1;
  const rows = schools
    .filter((s) => s.students[level] > 0)
    .map((s) => {
      const pupils = s.students[level];
      const raw =
        key === "qualifiedTeachers" || key === "backboneTeachers" || key === "peArtTeachers"
          ? s[key][level]
          : s[key];
      return { pupils, x: (raw / pupils) * m };
    });
  let total = 0;
  for (const r of rows) {
    total += r.pupils;
  }
  let mean = 0;
  for (const r of rows) {
    mean += (r.pupils / total) * r.x;
  }
  let variance = 0;
  for (const r of rows) {
    variance += (r.pupils / total) * (r.x - mean) * (r.x - mean);
  }
  return Math.sqrt(variance) / mean;
}

describe("properties of 差异系数 (spec §1.1b)", () => {
  it("CV is unchanged when all quantities scale", () => {
    fc.assert(
      fc.property(figures, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (xs, k) => {
        const a = differenceCoefficient(xs).result?.cv ?? Number.NaN;
        const b =
          differenceCoefficient(xs.map((x) => ({ ...x, quantity: x.quantity * k }))).result?.cv ?? Number.NaN;
        return Math.abs(a - b) <= 1e-9 * Math.max(1, a);
      }),
    );
  });

  it("CV is unchanged when all pupil counts scale together with quantities", () => {
    fc.assert(
      fc.property(figures, fc.integer({ min: 2, max: 9 }), (xs, k) => {
        const a = differenceCoefficient(xs).result?.cv ?? Number.NaN;
        const b =
          differenceCoefficient(xs.map((x) => ({ ...x, students: x.students * k, quantity: x.quantity * k })))
            .result?.cv ?? Number.NaN;
        return Math.abs(a - b) <= 1e-9 * Math.max(1, a);
      }),
    );
  });

  it("the mean is the pupil-weighted mean ΣR/ΣP, not the plain mean of school values", () => {
    fc.assert(
      fc.property(figures, (xs) => {
        const r = differenceCoefficient(xs).result;
        const totalR = xs.reduce((s, x) => s + x.quantity, 0);
        const totalP = xs.reduce((s, x) => s + x.students, 0);
        return r !== undefined && Math.abs(r.mean - totalR / totalP) <= 1e-9 * r.mean;
      }),
    );
    const r = differenceCoefficient([
      { schoolId: "big", students: 900, quantity: 900 },
      { schoolId: "small", students: 100, quantity: 500 },
    ]).result;
    expect(r?.mean).toBeCloseTo(1.4, 12);
    expect(r?.mean).not.toBeCloseTo((1 + 5) / 2, 3);
  });

  it("matches an independent straightforward implementation on random counties", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 80 }), (seed, size) => {
        const county = syntheticCounty(seededRandom(seed), size).filter(
          (s) => s.schoolType === "primary" || s.schoolType === "junior",
        );
        const result = evaluateResources(county);
        for (const level of ["primary", "junior"] as const) {
          if (!county.some((s) => s.students[level] > 0)) {
            continue;
          }
          for (const key of RESOURCE_INDICATOR_KEYS) {
            const mine = result.levels[level].indicators[key].cv;
            const ref = referenceCv(county, level, key);
            if (mine === null || Math.abs(mine - ref) > 1e-9) {
              return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe("pass plan when a pass is impossible", () => {
  it("pass-plan-incomplete: a CV limit of 0 cannot be reached with whole units", () => {
    const { ruleSet } = deriveRuleSet(NATIONAL_RULE_SET, {
      id: "zero",
      version: "1",
      name: "零差异",
      jurisdiction: "000000",
      thresholds: { "resource.cvLimit.primary": 0 },
    });
    // 1 room for 3 pupils vs 1 room for 7: whole rooms keep overshooting each other.
    const county = [
      { ...school({ code: "a", primary: 3 }), multimediaClassrooms: 1 },
      { ...school({ code: "b", primary: 7 }), multimediaClassrooms: 1 },
    ];
    const plan = planCountyPass(county, { ruleSet });
    expect(plan.isPass).toBe(false);
    expect(plan.issues.map((i) => i.code)).toEqual(["pass-plan-incomplete"]);
  });
});
