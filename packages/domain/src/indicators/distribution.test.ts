import { describe, expect, it } from "vitest";
import { boxStats, histogramBins, niceStep, quantileSorted } from "./distribution.ts";
import { STANDARD_INDICATORS } from "./catalogue.ts";
import { INDICATOR_REFERENCES, indicatorArea, meetsReference, referencesFor } from "./references.ts";

describe("boxStats", () => {
  it("interpolates quartiles like Excel QUARTILE.INC", () => {
    // QUARTILE.INC({1,2,3,4,5,6,7,8}) = 1, 2.75, 4.5, 6.25, 8.
    expect(boxStats([8, 1, 7, 2, 6, 3, 5, 4])).toEqual({
      count: 8,
      min: 1,
      q1: 2.75,
      median: 4.5,
      q3: 6.25,
      max: 8,
      mean: 4.5,
    });
  });

  it("takes the middle value of an odd count and leaves out nulls and NaN", () => {
    const b = boxStats([null, 10, Number.NaN, 30, 20, null, 40, 50]);
    expect(b).toMatchObject({ count: 5, min: 10, q1: 20, median: 30, q3: 40, max: 50, mean: 30 });
  });

  it("is null without values and flat for a single one", () => {
    expect(boxStats([])).toBeNull();
    expect(boxStats([null])).toBeNull();
    expect(boxStats([94.08])).toMatchObject({ min: 94.08, q1: 94.08, median: 94.08, q3: 94.08, max: 94.08 });
  });

  it("reads quantiles at the ends", () => {
    expect(quantileSorted([1, 2, 3], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3], 1)).toBe(3);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe("histogramBins", () => {
  it("uses nice steps", () => {
    expect(niceStep(0.3)).toBeCloseTo(0.5);
    expect(niceStep(0.1)).toBeCloseTo(0.1);
    expect(niceStep(2.2)).toBe(2.5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(0)).toBe(1);
  });

  it("covers every value once, with contiguous nice edges", () => {
    const values = [3.1, 4.2, 4.5, 5.8, 6, 7.4, 7.5, 9.9, 12, 2.05, null];
    const bins = histogramBins(values);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(10);
    expect(bins[0]?.from).toBeLessThanOrEqual(2.05);
    expect(bins.at(-1)?.to).toBeGreaterThanOrEqual(12);
    for (let i = 1; i < bins.length; i++) {
      expect(bins[i]?.from).toBe(bins[i - 1]?.to);
    }
    // Sturges: ⌈log₂ 10⌉ + 1 = 5 bins wanted; range 9.95 / 5 → step 2 from 2; 12 closes the last bin.
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [2, 4, 2],
      [4, 6, 3],
      [6, 8, 3],
      [8, 10, 1],
      [10, 12, 1],
    ]);
  });

  it("puts a value on an edge into the upper bin, and the maximum into the last bin", () => {
    const bins = histogramBins([0, 5, 10, 10]);
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 5, 1],
      [5, 10, 3],
    ]);
  });

  it("gives one bin for equal values and none without values", () => {
    const bins = histogramBins([56, 56, 56]);
    expect(bins).toHaveLength(1);
    expect(bins[0]?.count).toBe(3);
    expect((bins[0]?.from ?? 99) <= 56 && (bins[0]?.to ?? 0) > 56).toBe(true);
    expect(histogramBins([null])).toEqual([]);
  });
});

describe("references", () => {
  it("carries the spec's national values with sources", () => {
    const [gross] = referencesFor("preschool-gross-enrolment-rate");
    expect(gross).toMatchObject({ scope: "area", comparator: ">=", value: 85 });
    expect(gross?.source).toMatch(/§2 #1/);
    expect(referencesFor("teaching-area-per-pupil-compulsory").map((r) => r.value)).toEqual([4.5, 5.8]);
    expect(referencesFor("no-such-indicator")).toEqual([]);
  });

  it("includes the number itself (以上 / 以下)", () => {
    expect(meetsReference({ comparator: ">=", value: 85 }, 85)).toBe(true);
    expect(meetsReference({ comparator: ">=", value: 85 }, 84.99)).toBe(false);
    expect(meetsReference({ comparator: "<=", value: 15 }, 15)).toBe(true);
    expect(meetsReference({ comparator: "<=", value: 15 }, 15.1)).toBe(false);
  });

  it("references only catalogue indicators and puts every standard one in a named group", () => {
    const codes = new Set(STANDARD_INDICATORS.map((d) => d.code));
    for (const code of Object.keys(INDICATOR_REFERENCES)) {
      expect(codes.has(code), code).toBe(true);
    }
    for (const d of STANDARD_INDICATORS) {
      expect(indicatorArea(d.code), d.code).not.toBe("other");
    }
    expect(indicatorArea("preschool-gross-enrolment-rate")).toBe("preschool");
    expect(indicatorArea("student-teacher-ratio-senior")).toBe("senior");
    expect(indicatorArea("my-own-indicator")).toBe("other");
  });
});
