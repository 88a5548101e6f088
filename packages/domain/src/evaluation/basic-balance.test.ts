import { describe, expect, it } from "vitest";
import {
  BASIC_BALANCE_INDICATOR_KEYS,
  type BasicBalancePart,
  compositeDifferenceCoefficient,
  evaluateBasicBalance,
  isCompositeWithinLimit,
} from "./basic-balance.ts";

describe("基本均衡 2012 (spec §3)", () => {
  it.each([
    // 重庆万州区小学 (S11): published 综合 0.302.
    {
      name: "重庆万州区小学",
      cvs: [0.437, 0.419, 0.255, 0.188, 0.171, 0.263, 0.263, 0.42],
      expected: 0.302,
      level: "primary" as const,
      pass: true,
    },
    // Illustrative CVs shaped like 合肥蜀山区初中 (S13): one CV 1.021, yet 综合 0.493 passes.
    {
      name: "one CV above 1, composite passes",
      cvs: [1.021, 0.4, 0.45, 0.42, 0.41, 0.4, 0.4, 0.44],
      expected: 0.493,
      level: "junior" as const,
      pass: true,
    },
  ])("$name: 综合 = mean of 8 unrounded CVs", ({ cvs, expected, level, pass }) => {
    const composite = compositeDifferenceCoefficient(cvs) ?? Number.NaN;
    expect(Math.abs(composite - expected)).toBeLessThanOrEqual(0.001);
    expect(isCompositeWithinLimit(composite, level)).toBe(pass);
  });

  it("limits: 小学 ≤ 0.65, 初中 ≤ 0.55, ties pass", () => {
    expect(isCompositeWithinLimit(0.65, "primary")).toBe(true);
    expect(isCompositeWithinLimit(0.6501, "primary")).toBe(false);
    expect(isCompositeWithinLimit(0.55, "junior")).toBe(true);
    expect(isCompositeWithinLimit(0.56, "junior")).toBe(false);
    expect(compositeDifferenceCoefficient([])).toBeNull();
  });

  const part = (
    schoolId: string,
    students: number,
    scale: number,
    level: "primary" | "junior" = "primary",
  ): BasicBalancePart => ({
    schoolId,
    level,
    students,
    quantities: Object.fromEntries(
      BASIC_BALANCE_INDICATOR_KEYS.map((k) => [k, students * scale]),
    ) as BasicBalancePart["quantities"],
  });

  it("evaluates parts: CV per indicator, composite, verdict", () => {
    const r = evaluateBasicBalance([
      part("a", 100, 1),
      part("b", 100, 3),
      part("c", 200, 1, "junior"),
      part("d", 200, 1, "junior"),
    ]);
    expect(r.levels.primary.cvs.books).toBeCloseTo(0.5, 12);
    expect(r.levels.primary.composite).toBeCloseTo(0.5, 12);
    expect(r.levels.primary.isPass).toBe(true);
    expect(r.levels.junior.composite).toBe(0);
    expect(r.isPass).toBe(true);
    expect(r.ruleSet.id).toBe("cn-national");
  });

  it("an undefined CV fails the level (cv-undefined-zero-mean)", () => {
    const zero = { ...part("b", 100, 1), quantities: { ...part("b", 100, 1).quantities, computers: 0 } };
    const r = evaluateBasicBalance([{ ...zero, schoolId: "a" }, zero]);
    expect(r.levels.primary.composite).toBeNull();
    expect(r.isPass).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain("cv-undefined-zero-mean");
    expect(r.issues.map((i) => i.code)).toContain("level-without-schools");
  });
});
