import { describe, expect, it } from "vitest";
import type { DashboardIndicator, TargetMonitorItem } from "@luoshi/contracts";
import { deltaTone, formatDelta, formatGoal, formatValue } from "./indicator-format.ts";
import { cardGoal } from "./indicator-light.ts";

const gross: DashboardIndicator = {
  code: "preschool-gross-enrolment-rate",
  name: "学前三年毛入园率",
  unit: "%",
  display: "percent",
  decimals: 2,
  direction: "higher",
  area: "preschool",
  areaLabel: "学前教育",
  source: "standards §4",
  description: null,
  references: [{ scope: "area", comparator: ">=", value: 85, label: "国家标准", source: "§2 #1" }],
  basis: null,
};

const target = (over: Partial<TargetMonitorItem>): TargetMonitorItem => ({
  targetId: "00000000-0000-4000-8000-000000000001",
  planId: "00000000-0000-4000-8000-000000000002",
  planTitle: "崆峒区教育事业发展“十四五”规划",
  path: "2.1",
  text: "学前三年毛入园率达到95%以上",
  metric: "学前三年毛入园率",
  indicatorCode: gross.code,
  indicatorName: gross.name,
  linkState: "confirmed",
  comparator: ">=",
  value: 95,
  unit: "%",
  targetYear: 2025,
  rule: null,
  baseline: null,
  latest: { year: 2020, value: 94.08 },
  status: "on-track",
  statusLabel: "进度正常",
  projected: 97,
  requiredYearlyChange: 0.2,
  series: [],
  ...over,
});

describe("cardGoal", () => {
  it("takes the status of a linked plan target, confirmed links first", () => {
    const goal = cardGoal(gross, 94.08, [
      target({ linkState: "suggested", status: "off-track", targetYear: 2022 }),
      target({ status: "on-track" }),
      target({ indicatorCode: "other", status: "achieved" }),
    ]);
    expect(goal).toMatchObject({ kind: "target", status: "on-track", value: 95, year: 2025 });
  });

  it("ignores targets not tied to an indicator and falls back to the national reference", () => {
    expect(cardGoal(gross, 94.08, [target({ linkState: "none" })])).toMatchObject({
      kind: "reference",
      status: "achieved",
      value: 85,
    });
    expect(cardGoal(gross, 84.99, [])).toMatchObject({ kind: "reference", status: "off-track" });
    expect(cardGoal(gross, null, [])).toMatchObject({ kind: "reference", status: "no-data" });
    expect(cardGoal({ code: "x", references: [] }, 3, [])).toEqual({ kind: "none" });
  });

  it("judges a lower-is-better reference with the number itself included", () => {
    const ratio = {
      code: "k",
      references: [
        { scope: "area" as const, comparator: "<=" as const, value: 15, label: "国家标准", source: "§2 #8" },
      ],
    };
    expect(cardGoal(ratio, 15, [])).toMatchObject({ status: "achieved" });
    expect(cardGoal(ratio, 15.2, [])).toMatchObject({ status: "off-track" });
  });
});

describe("indicator figures", () => {
  it("writes values, goals and changes as published", () => {
    expect(formatValue(gross, 94.075)).toBe("94.08%");
    expect(formatValue({ display: "ratio", decimals: 0, unit: ":1" }, 6.4)).toBe("6:1");
    expect(formatValue({ display: "inverseRatio", decimals: 1, unit: "1:" }, 14.96)).toBe("1:15.0");
    expect(formatValue({ display: "number", decimals: 2, unit: "平方米" }, 4.5)).toBe("4.50平方米");
    expect(formatValue(gross, null)).toBe("—");
    expect(formatGoal(gross, ">=", 85)).toBe("≥ 85%");
    expect(formatGoal({ display: "number", decimals: 2, unit: "平方米" }, "<=", 4.5)).toBe("≤ 4.5平方米");
    expect(formatGoal({ display: "inverseRatio", decimals: 1, unit: "1:" }, "<=", 15)).toBe("≤ 1:15");
    expect(formatDelta(gross, 92.5, 94.08)).toBe("+1.58");
    expect(formatDelta(gross, 94.08, 92.5)).toBe("-1.58");
    expect(formatDelta(gross, null, 92.5)).toBeNull();
  });

  it("tells better from worse by the indicator's direction", () => {
    expect(deltaTone(gross, 90, 91)).toBe(1);
    expect(deltaTone({ ...gross, direction: "lower" }, 90, 91)).toBe(-1);
    expect(deltaTone(gross, 90, 90.001)).toBe(0);
  });
});
