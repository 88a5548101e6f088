import { describe, expect, it } from "vitest";
import { formatDecimal, formatIndicatorValue, formatNumber, formatPercent, roundHalfUp } from "./rounding.ts";

/**
 * The old helpers, as they were, to pin where they disagreed with the official rule. `toFixed` works on
 * the binary double (2.675 is 2.67499999…), so it rounds some printed halves down; so does the naive
 * `Math.round(x * 100) / 100`. The toPrecision(15) and relative-epsilon helpers agreed with the rule.
 */
const toFixedRule = (x: number, d: number): string => x.toFixed(d);
const naiveRule = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

describe("roundHalfUp / formatDecimal", () => {
  // [value, digits, official]
  const table: [number, number, string][] = [
    [0.5153, 3, "0.515"],
    [0.5155, 3, "0.516"],
    [0.51549, 3, "0.515"],
    [2.675, 2, "2.68"],
    [1.005, 2, "1.01"],
    [0.285, 2, "0.29"],
    [94.075, 2, "94.08"],
    [8.345, 2, "8.35"],
    [1.45, 1, "1.5"],
    [4.35, 1, "4.4"],
    [2.5, 0, "3"],
    [-2.5, 0, "-3"],
    [-0.5155, 3, "-0.516"],
    [-0.0004, 3, "0.000"],
    [0.0005, 3, "0.001"],
    [1234.5675, 3, "1234.568"],
    [0.999, 2, "1.00"],
    [99.995, 2, "100.00"],
    [12, 2, "12.00"],
    [1e-7, 3, "0.000"],
    [5e-7, 6, "0.000001"],
    [1.5e21, 0, "1500000000000000000000"],
    [123456789.125, 2, "123456789.13"],
  ];
  it.each(table)("%d at %d places is %s", (x, digits, official) => {
    expect(formatDecimal(x, digits)).toBe(official);
    expect(roundHalfUp(x, digits)).toBe(Number(official));
  });

  it("differs from toFixed and naive Math.round exactly where they round a printed half down", () => {
    expect(toFixedRule(2.675, 2)).toBe("2.67");
    expect(formatDecimal(2.675, 2)).toBe("2.68");
    expect(naiveRule(1.005, 2)).toBe(1);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(naiveRule(-2.5, 0)).toBe(-2);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });

  it("gives — for a missing value and leaves non-finite numbers alone", () => {
    expect(formatDecimal(null, 2)).toBe("—");
    expect(formatDecimal(undefined, 2)).toBe("—");
    expect(formatDecimal(Number.NaN, 2)).toBe("—");
    expect(roundHalfUp(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(roundHalfUp(-0.0001, 2), 0)).toBe(true);
  });
});

describe("formatPercent", () => {
  const table: [number | null, number, string][] = [
    [0.75, 1, "75.0%"],
    [0.9512, 1, "95.1%"],
    [0.0145, 1, "1.5%"],
    [0.2875, 1, "28.8%"],
    [0.00125, 2, "0.13%"],
    [1, 0, "100%"],
    [0, 1, "0.0%"],
    [-0.0145, 1, "-1.5%"],
    [null, 1, "—"],
  ];
  it.each(table)("%d at %d places is %s", (rate, digits, text) => {
    expect(formatPercent(rate, digits)).toBe(text);
  });

  it("differs from the old (rate * 100).toFixed(1): 23 of 80 tasks is 28.75%, shown 28.8%", () => {
    expect(`${((23 / 80) * 100).toFixed(1)}%`).toBe("28.7%");
    expect(formatPercent(23 / 80, 1)).toBe("28.8%");
  });
});

describe("formatNumber", () => {
  it.each([
    [300, "300"],
    [1.5, "1.5"],
    [94.075, "94.08"],
    [1.005, "1.01"],
    [-3.3333, "-3.33"],
  ])("%d reads %s", (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });
});

describe("formatIndicatorValue", () => {
  it.each([
    [{ display: "percent", decimals: 2, unit: "%" }, 94.075, "94.08%"],
    [{ display: "ratio", decimals: 2, unit: "" }, 6, "6.00:1"],
    [{ display: "inverseRatio", decimals: 1, unit: "" }, 15.25, "1:15.3"],
    [{ display: "number", decimals: 2, unit: "" }, 2.675, "2.68"],
    [{ display: "number", decimals: 1, unit: "平方米" }, 6.45, "6.5平方米"],
    [{ display: "number", decimals: 1, unit: "人" }, null, "—"],
  ] as const)("%o shows %d as %s", (format, value, text) => {
    expect(formatIndicatorValue(format, value)).toBe(text);
  });
});
