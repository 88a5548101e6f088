import { describe, expect, it } from "vitest";
import { compareRatio, decimalToRatio, prepareThreshold, ratioMeets, valueMeets } from "./exact-compare.ts";

describe("exact threshold comparison (spec §1.1a: 以上 includes the number)", () => {
  it.each([
    // [quantity, pupils, multiplier, threshold, expected] — naive m·R/P or R/P·m gives 0.8999… / 4.1999…
    { r: 9, p: 1000, m: 100, t: 0.9, met: true, naive: (9 / 1000) * 100 },
    { r: 18, p: 2000, m: 100, t: 0.9, met: true, naive: (18 / 2000) * 100 },
    { r: 37.8, p: 9, m: 1, t: 4.2, met: true, naive: 37.8 / 9 },
    { r: 520.8, p: 124, m: 1, t: 4.2, met: true, naive: 520.8 / 124 },
    { r: 42, p: 1000, m: 100, t: 4.2, met: true, naive: (100 * 42) / 1000 },
    { r: 41, p: 1000, m: 100, t: 4.2, met: false, naive: (100 * 41) / 1000 },
    { r: 23, p: 1000, m: 100, t: 2.3, met: true, naive: (100 * 23) / 1000 },
    { r: 40.6, p: 7, m: 1, t: 5.8, met: true, naive: 40.6 / 7 },
    { r: 1999.99, p: 1, m: 1, t: 2000, met: false, naive: 1999.99 },
  ])("$r per $p pupils (×$m) vs $t → $met", ({ r, p, m, t, met }) => {
    expect(ratioMeets(r, p, t, "min", { multiplier: m })).toBe(met);
  });

  it("shows why: the naive quotient is below the threshold in the exact cases", () => {
    expect((9 / 1000) * 100 < 0.9).toBe(true);
    expect(37.8 / 9 < 4.2).toBe(true);
  });

  it("85% floor is exact too: 357 teachers for 10,000 pupils = 85% of 4.2", () => {
    const partial = prepareThreshold(4.2, 0.85);
    expect(partial).toEqual({ value: 4.2 * 0.85, numerator: 3570, denominator: 1000 });
    expect(compareRatio(357, 10_000, partial, 100)).toBe(0);
    expect(compareRatio(356, 10_000, partial, 100)).toBe(-1);
  });

  it.each([
    { x: 4.2, ratio: { numerator: 42, denominator: 10 } },
    { x: 0.85, ratio: { numerator: 85, denominator: 100 } },
    { x: 2000, ratio: { numerator: 2000, denominator: 1 } },
    { x: 1 / 3, ratio: null },
    { x: Number.NaN, ratio: null },
  ])("decimalToRatio($x)", ({ x, ratio }) => {
    expect(decimalToRatio(x)).toEqual(ratio);
  });

  it("max direction, strict comparisons and undefined ratios", () => {
    expect(ratioMeets(45, 1, 45, "max")).toBe(true);
    expect(ratioMeets(46, 1, 45, "max")).toBe(false);
    expect(valueMeets(0.15, 0.15, "max", true)).toBe(false);
    expect(valueMeets(0.1499, 0.15, "max", true)).toBe(true);
    expect(valueMeets(0.1 + 0.2, 0.3, "max")).toBe(true);
    expect(ratioMeets(1, 0, 1, "min")).toBe(false);
    expect(Number.isNaN(compareRatio(1, 0, prepareThreshold(1)))).toBe(true);
  });
});
