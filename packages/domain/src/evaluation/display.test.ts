import { describe, expect, it } from "vitest";
import { formatDecimal, roundHalfUp } from "@luoshi/common";
import { formatDifferenceCoefficient, formatIndicatorValue, formatRate } from "./display.ts";

describe("display rounding (spec §1.1b: 3 decimals for CV)", () => {
  it.each([
    { x: 0.51529, text: "0.515" },
    { x: 0.5155, text: "0.516" },
    { x: 0.4995, text: "0.500" },
    { x: 0.45, text: "0.450" },
    { x: null, text: "—" },
    { x: Number.NaN, text: "—" },
  ])("CV $x → $text", ({ x, text }) => {
    expect(formatDifferenceCoefficient(x)).toBe(text);
  });

  it("half-up without binary noise; other helpers", () => {
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
    expect(formatIndicatorValue(6.3344)).toBe("6.33");
    expect(formatDecimal(58.5, 1)).toBe("58.5");
    expect(formatRate(0.9512)).toBe("95.1%");
    expect(formatRate(undefined)).toBe("—");
  });
});
