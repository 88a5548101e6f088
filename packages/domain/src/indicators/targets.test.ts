import { describe, expect, it } from "vitest";
import { assessQualitativeRule, findQualitativeRule } from "./target-rules.ts";
import { assessTarget, linearTrend, worstStatus, type IndicatorTarget, type SeriesPoint } from "./targets.ts";

const series = (from: number, values: readonly (number | null)[]): SeriesPoint[] =>
  values.map((value, i) => ({ year: from + i, value }));

const t = (
  comparator: IndicatorTarget["comparator"],
  value: number | null,
  year = 2025,
): IndicatorTarget => ({
  indicatorCode: "x",
  comparator,
  value,
  year,
});

describe("assessTarget", () => {
  it.each([
    ["met now", t(">=", 95), series(2016, [90, 92, 94, 95.2]), "achieved"],
    ["trend reaches it", t(">=", 95), series(2018, [90, 91, 92, 93]), "on-track"],
    ["at least half the pace", t(">=", 98), series(2018, [90, 91, 92, 93]), "at-risk"],
    ["too slow", t(">=", 98), series(2018, [90, 90.2, 90.4, 90.6]), "off-track"],
    ["moving away", t(">=", 95), series(2018, [93, 92, 91, 90]), "off-track"],
    ["lower is better, on track", t("<=", 5), series(2018, [12, 10, 8, 6.8]), "on-track"],
    ["deadline passed and missed", t(">=", 95, 2020), series(2018, [90, 91, 92, 93]), "off-track"],
    ["deadline passed and met in its year", t(">=", 91, 2020), series(2018, [90, 91, 92]), "achieved"],
    ["one value, not met", t(">=", 95), series(2020, [90]), "at-risk"],
    ["no values", t(">=", 95), series(2020, [null, null]), "no-data"],
    ["increase by 3 from the baseline", t("increase", 3), series(2018, [80, 81, 82]), "on-track"],
    ["any decrease", t("decrease", null), series(2018, [10, 9]), "achieved"],
    ["equal, crossing", t("=", 100), series(2018, [97, 98, 99]), "on-track"],
    ["strictly below", t("<", 2), series(2018, [2, 2, 2]), "off-track"],
  ] as const)("%s → %s", (_, target, s, status) => {
    expect(assessTarget(target, s).status).toBe(status);
  });

  it("projects the least-squares line to the target year and gives the yearly change still needed", () => {
    const a = assessTarget(t(">=", 95), series(2018, [90, 91, 92, 93]));
    expect(a.trend?.slope).toBeCloseTo(1, 12);
    expect(a.projected).toBeCloseTo(97, 12);
    expect(a.requiredYearlyChange).toBeCloseTo(0.5, 12);
    expect(a.latest).toEqual({ year: 2021, value: 93 });
  });

  it("fits only the last trendYears values", () => {
    const a = assessTarget(t(">=", 100), series(2010, [0, 0, 0, 0, 0, 0, 90, 92]), { trendYears: 2 });
    expect(a.trend?.points).toBe(2);
    expect(a.trend?.slope).toBe(2);
  });

  it("flags a target without a value", () => {
    expect(assessTarget(t(">=", null), series(2020, [1])).issues[0]?.code).toBe("target-without-value");
  });

  it("linearTrend needs two distinct years", () => {
    expect(linearTrend([{ year: 2020, value: 1 }])).toBeNull();
    expect(
      linearTrend([
        { year: 2020, value: 1 },
        { year: 2020, value: 2 },
      ]),
    ).toBeNull();
  });

  it("worstStatus", () => {
    expect(worstStatus(["achieved", "at-risk", "on-track"])).toBe("at-risk");
    expect(worstStatus([])).toBe("achieved");
  });
});

describe("qualitative targets", () => {
  it.each([
    ["大班额问题基本消除", "large-classes-basically-eliminated"],
    ["到2025年基本消除超大班额", "extra-large-classes-basically-eliminated"],
    ["全面消除大班额", "large-classes-eliminated"],
    ["办好人民满意的教育", null],
  ] as const)("%s → %s", (text, code) => {
    expect(findQualitativeRule(text)?.code ?? null).toBe(code);
  });

  it("基本消除大班额 = 大班额 ≤ 5% and 超大班额 ≤ 2%; the worse condition decides", () => {
    const rule = findQualitativeRule("基本消除大班额");
    expect(rule?.conditions).toEqual([
      { indicatorCode: "large-class-share", comparator: "<=", value: 5 },
      { indicatorCode: "extra-large-class-share", comparator: "<=", value: 2 },
    ]);
    if (!rule) {
      return;
    }
    const data = new Map([
      ["large-class-share", series(2020, [9, 8, 7, 6])],
      ["extra-large-class-share", series(2020, [1, 0.5, 0, 0])],
    ]);
    const r = assessQualitativeRule(rule, 2025, data);
    expect(r.conditions.map((c) => c.status)).toEqual(["on-track", "achieved"]);
    expect(r.status).toBe("on-track");
  });
});
