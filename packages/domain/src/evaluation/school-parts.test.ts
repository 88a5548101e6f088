import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SPLIT_WEIGHTS } from "./rule-set.ts";
import { facilityShares, levelsOfSchoolType, splitFacilityQuantity } from "./facility-split.ts";

/** Case 02 (spec §5, S8): one 九年一贯制 school, 166 + 210 pupils, 23,226 books. */
function case02(): { primary: number; junior: number; books: number } {
  const text = readFileSync(
    new URL("../../fixtures/spec-cases/case02_split_nine_year_school_books.csv", import.meta.url),
    "utf8",
  );
  const [, row = ""] = text.trim().split(/\r?\n/);
  const [, , primary = "0", junior = "0", books = "0"] = row.split(",");
  return { primary: Number(primary), junior: Number(junior), books: Number(books) };
}

describe("splitting combined schools (spec §1.1b)", () => {
  it("reproduces case 02: 小学生均 58.5, 小学部 9,711, 初中部 13,515 (±1)", () => {
    const c = case02();
    const students = { primary: c.primary, junior: c.junior, senior: 0 };
    const split = splitFacilityQuantity(c.books, "nineYear", students, DEFAULT_SPLIT_WEIGHTS);
    expect(split.primary / c.primary).toBeCloseTo(58.5, 1);
    expect(Math.abs(split.primary - 9711)).toBeLessThanOrEqual(1);
    expect(Math.abs(split.junior - 13_515)).toBeLessThanOrEqual(1);
    expect(split.primary + split.junior).toBeCloseTo(c.books, 9);
  });

  it.each([
    {
      type: "nineYear" as const,
      s: { primary: 100, junior: 200, senior: 0 },
      primary: 100 / 320,
      junior: 220 / 320,
      senior: 0,
    },
    {
      type: "twelveYear" as const,
      s: { primary: 100, junior: 100, senior: 100 },
      primary: 1 / 3.42,
      junior: 1.1 / 3.42,
      senior: 1.32 / 3.42,
    },
    // 完全中学 初中部 = B/(B+1.2C)
    {
      type: "completeSecondary" as const,
      s: { primary: 0, junior: 300, senior: 500 },
      primary: 0,
      junior: 300 / 900,
      senior: 600 / 900,
    },
    { type: "primary" as const, s: { primary: 10, junior: 0, senior: 0 }, primary: 1, junior: 0, senior: 0 },
    { type: "nineYear" as const, s: { primary: 0, junior: 0, senior: 0 }, primary: 0, junior: 0, senior: 0 },
  ])("$type shares", ({ type, s, primary, junior, senior }) => {
    const shares = facilityShares(type, s, DEFAULT_SPLIT_WEIGHTS);
    expect(shares.primary).toBeCloseTo(primary, 12);
    expect(shares.junior).toBeCloseTo(junior, 12);
    expect(shares.senior).toBeCloseTo(senior, 12);
  });

  it("完全中学 B/(B+1.2C) equals 1.1B/(1.1B+1.32C): the three default rules agree", () => {
    const b = 437;
    const c = 611;
    const complete = facilityShares(
      "completeSecondary",
      { primary: 0, junior: b, senior: c },
      DEFAULT_SPLIT_WEIGHTS,
    );
    const twelve = facilityShares("twelveYear", { primary: 0, junior: b, senior: c }, DEFAULT_SPLIT_WEIGHTS);
    expect(complete.junior).toBeCloseTo(twelve.junior, 12);
  });

  it("weights are configurable", () => {
    const w = { ...DEFAULT_SPLIT_WEIGHTS, nineYear: { primary: 1, junior: 1 } };
    expect(facilityShares("nineYear", { primary: 100, junior: 100, senior: 0 }, w).primary).toBe(0.5);
  });

  it.each([
    { type: "teachingPoint" as const, levels: ["primary"] },
    { type: "twelveYear" as const, levels: ["primary", "junior"] },
    { type: "completeSecondary" as const, levels: ["junior"] },
    { type: "special" as const, levels: null },
  ])("$type has levels $levels", ({ type, levels }) => {
    expect(levelsOfSchoolType(type)?.levels ?? null).toEqual(levels);
  });
});
