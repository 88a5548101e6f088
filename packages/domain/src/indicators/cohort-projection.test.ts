import { describe, expect, it } from "vitest";
import { compileIndicators } from "./definition.ts";
import {
  COMPULSORY_GRADES,
  cohortHistory,
  cohortInputDefinitions,
  isCohortIndicator,
  projectCohortRate,
  type CohortYear,
} from "./cohort-projection.ts";
import { assessTarget, type SeriesPoint } from "./targets.ts";

/** A year with the given grade counts (1-based grade → pupils); the rest unreported. */
const year = (
  y: number,
  grades: Readonly<Record<number, number>>,
  rest: Partial<CohortYear> = {},
): CohortYear => ({
  year: y,
  grades: Array.from({ length: COMPULSORY_GRADES }, (_, i) => grades[i + 1] ?? null),
  entrants: null,
  graduates: null,
  cohortEntrants: null,
  netTransfers: null,
  ...rest,
});

/**
 * A small county for the 九年义务教育巩固率: 200 pupils in 八年级 every year, 190 in 九年级 (八→九
 * retention 0.95), 171 graduates (0.9 of last year's 九年级), net transfers +40 on a cohort 招生 of 200
 * (share 0.2), and 150 小学招生 in 2017.
 */
const nineYear: CohortYear[] = [
  year(2017, {}, { entrants: 150 }),
  year(2021, { 8: 200, 9: 190 }),
  ...[2022, 2023, 2024].map((y) =>
    year(y, { 8: 200, 9: 190 }, { graduates: 171, cohortEntrants: 200, netTransfers: 40 }),
  ),
];

describe("projectCohortRate", () => {
  it("carries today's 八年级 to graduation and divides by its 2017 招生 plus the transfer share", () => {
    const p = projectCohortRate(nineYear, 2026, { entryGrade: 0, cap: 100 });
    // 2026 graduates = 2024 八年级 200 × 0.95 × 0.9 = 171; base = 150 × (1 + 0.2) = 180; 171/180 = 95%.
    expect(p).toMatchObject({ fromYear: 2024, fromGrade: 7, pupils: 200, entrantsProjected: false });
    expect(p?.survival).toEqual([0.95]);
    expect(p?.graduation).toBeCloseTo(0.9, 12);
    expect(p?.numerator).toBeCloseTo(171, 9);
    expect(p?.entrants).toBe(150);
    expect(p?.transferShare).toBeCloseTo(0.2, 12);
    expect(p?.denominator).toBeCloseTo(180, 9);
    expect(p?.value).toBeCloseTo(95, 9);
  });

  it("pools the ratios over the recent years only, weighted by pupils", () => {
    // 2022: 九年级 190 of 200, 2023: 180 of 200, 2024: 170 of 100 (a merged school): (190+180+170)/(200+200+100) = 1.08.
    const h = [
      year(2017, {}, { entrants: 100 }),
      year(2020, { 8: 50, 9: 10 }),
      year(2021, { 8: 200, 9: 100 }),
      year(2022, { 8: 200, 9: 190 }, { graduates: 100 }),
      year(2023, { 8: 100, 9: 180 }, { graduates: 190 }),
      year(2024, { 8: 300, 9: 170 }, { graduates: 180 }),
    ];
    const p = projectCohortRate(h, 2026, { entryGrade: 0, cap: 1000 });
    expect(p?.survival[0]).toBeCloseTo(540 / 500, 12);
    expect(p?.graduation).toBe(1);
    expect(p?.transferShare).toBe(0);
    // 300 × 1.08 × 1 ÷ 100 = 324%, beyond the catalogue's cap of 100.
    expect(p?.value).toBeCloseTo(324, 9);
    expect(projectCohortRate(h, 2026, { entryGrade: 0, cap: 100 })?.value).toBe(100);
  });

  it("projects the 招生 of the 3-year cohort while it is still in 小学", () => {
    // 六年级 100 → 七年级 110 (s 1.1, 初中招生 110: entry ratio 1.1) → 八年级 99 (0.9) → 九年级 99 (1) → 99 graduates (1).
    const h = [2021, 2022, 2023, 2024].map((y) =>
      year(
        y,
        { 6: 100, 7: 110, 8: 99, 9: 99 },
        y === 2021 ? {} : { entrants: 110, graduates: 99, cohortEntrants: 110, netTransfers: 0 },
      ),
    );
    const p = projectCohortRate(h, 2028, { entryGrade: 6, cap: 100 });
    // 2028 graduates are 2024's 六年级: 100 × 1.1 × 0.9 × 1 × 1 = 99; their 2025 招生 = 100 × 1.1 = 110 → 90%.
    expect(p).toMatchObject({ fromGrade: 5, entrantsProjected: true });
    expect(p?.numerator).toBeCloseTo(99, 9);
    expect(p?.entrants).toBeCloseTo(110, 9);
    expect(p?.value).toBeCloseTo(90, 9);
    // The 2027 graduates entered 初中 in 2024: their 招生 (110) is reported, not projected.
    expect(projectCohortRate(h, 2027, { entryGrade: 6, cap: 100 })).toMatchObject({
      fromGrade: 6,
      entrants: 110,
      entrantsProjected: false,
    });
  });

  it("gives up where the cohort cannot be followed", () => {
    const spec = { entryGrade: 0, cap: 100 };
    expect(projectCohortRate(nineYear, 2024, spec)).toBeNull(); // the target year has come
    expect(projectCohortRate(nineYear, 2034, spec)).toBeNull(); // not yet in 一年级
    expect(projectCohortRate(nineYear, 2025, spec)).toBeNull(); // 2016 招生 not reported
    expect(projectCohortRate(nineYear, 2027, spec)).toBeNull(); // 七年级 not reported
    expect(projectCohortRate([], 2026, spec)).toBeNull();
  });
});

describe("cohort inputs", () => {
  it("are helper indicators that compile, read back into a history", () => {
    expect(isCohortIndicator("compulsory-retention-rate")).toBe(true);
    expect(isCohortIndicator("junior-retention-rate")).toBe(true);
    expect(isCohortIndicator("preschool-gross-enrolment-rate")).toBe(false);
    expect(cohortInputDefinitions("preschool-gross-enrolment-rate")).toEqual([]);
    const defs = cohortInputDefinitions("junior-retention-rate");
    const { compiled, issues } = compileIndicators(defs);
    expect(issues).toEqual([]);
    expect(compiled).toHaveLength(13);
    const values = new Map(defs.map((d, i) => [d.code, i + 1]));
    const [h] = cohortHistory("junior-retention-rate", [2024], (code) => values.get(code) ?? null);
    expect(h).toEqual({
      year: 2024,
      grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      entrants: 10,
      graduates: 11,
      cohortEntrants: 12,
      netTransfers: 13,
    });
  });
});

describe("assessTarget with a cohort projection", () => {
  const falling: SeriesPoint[] = [2020, 2021, 2022, 2023, 2024].map((y, i) => ({ year: y, value: 96 - i }));
  const target = {
    indicatorCode: "compulsory-retention-rate",
    comparator: ">=" as const,
    value: 95,
    year: 2026,
  };

  it("uses the cohort value instead of the falling trend", () => {
    expect(assessTarget(target, falling)).toMatchObject({ status: "off-track", projectionMethod: "trend" });
    const a = assessTarget(target, falling, { projection: { method: "cohort", value: 95 } });
    expect(a).toMatchObject({ status: "on-track", projected: 95, projectionMethod: "cohort" });
    expect(a.requiredYearlyChange).toBe(1.5);
  });

  it("judges the pace by the cohort's average step", () => {
    // Needed: (95 − 92) / 2 = 1.5 a year; the cohort gives 93.6 → 0.8 a year ≥ half → at risk; 92.5 → 0.25 → off track.
    const at = (value: number) =>
      assessTarget(target, falling, { projection: { method: "cohort", value } }).status;
    expect(at(93.6)).toBe("at-risk");
    expect(at(92.5)).toBe("off-track");
  });
});
