import { describe, expect, it } from "vitest";
import { chinaDate } from "@luoshi/common";
import { isIsoDate, isoWeek, isoWeekday } from "./dates.ts";
import { periodBounds, periodKeyOf, periodLabel, reportingPeriods, reportTimeliness } from "./periods.ts";

describe("dates", () => {
  it.each([
    ["2026-03-09", 1, 2026, 11],
    ["2026-01-01", 4, 2026, 1],
    ["2027-01-01", 5, 2026, 53],
    ["2024-12-30", 1, 2025, 1],
  ])("%s is weekday %i of week %i-W%i", (date, weekday, year, week) => {
    expect(isoWeekday(date)).toBe(weekday);
    expect(isoWeek(date)).toEqual({ year, week });
  });

  it("puts an instant on its Beijing day and rejects impossible dates", () => {
    expect(chinaDate(new Date("2026-03-25T15:59:59Z"))).toBe("2026-03-25");
    expect(chinaDate(new Date("2026-03-25T16:00:00Z"))).toBe("2026-03-26");
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-3-1")).toBe(false);
  });
});

describe("periodKeyOf and periodBounds", () => {
  it.each([
    ["2026-03-15", "monthly", "2026-03", "2026-03-01", "2026-03-31", "2026年3月"],
    ["2026-03-15", "weekly", "2026-W11", "2026-03-09", "2026-03-15", "2026年第11周"],
    ["2026-03-15", "quarterly", "2026-Q1", "2026-01-01", "2026-03-31", "2026年第一季度"],
    ["2026-11-02", "quarterly", "2026-Q4", "2026-10-01", "2026-12-31", "2026年第四季度"],
    ["2028-02-10", "monthly", "2028-02", "2028-02-01", "2028-02-29", "2028年2月"],
  ] as const)("%s (%s) is %s", (date, freq, key, start, end, label) => {
    expect(periodKeyOf(date, freq)).toBe(key);
    expect(periodBounds(key)).toEqual({ start, end });
    expect(periodLabel(key)).toBe(label);
  });

  it("has one period for a one-off task and no bounds for bad keys", () => {
    expect(periodKeyOf("2026-03-15", "once")).toBe("once");
    expect(periodBounds("once")).toBeNull();
    expect(periodBounds("2026-13")).toBeNull();
    expect(periodLabel("once")).toBe("办结时");
  });
});

describe("reportingPeriods", () => {
  it("owes a monthly report due on the 25th, the last one by the deadline", () => {
    const p = reportingPeriods("monthly", "2026-01-10", "2026-04-20");
    expect(p.map((x) => [x.key, x.dueDate])).toEqual([
      ["2026-01", "2026-01-25"],
      ["2026-02", "2026-02-25"],
      ["2026-03", "2026-03-25"],
      ["2026-04", "2026-04-20"],
    ]);
  });

  it("does not owe a month whose due day passed before 交办", () => {
    const p = reportingPeriods("monthly", "2026-01-26", "2026-03-31");
    expect(p.map((x) => x.key)).toEqual(["2026-02", "2026-03"]);
    expect(reportingPeriods("monthly", "2026-01-25", "2026-01-31").map((x) => x.key)).toEqual(["2026-01"]);
  });

  it("takes a configured due day, clamped to short months", () => {
    const p = reportingPeriods("monthly", "2026-01-01", "2026-03-31", { monthlyDueDay: 31 });
    expect(p.map((x) => x.dueDate)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
  });

  it("owes weekly reports on Fridays across a year end", () => {
    const p = reportingPeriods("weekly", "2026-12-22", "2027-01-08");
    expect(p.map((x) => [x.key, x.dueDate])).toEqual([
      ["2026-W52", "2026-12-25"],
      ["2026-W53", "2027-01-01"],
      ["2027-W01", "2027-01-08"],
    ]);
  });

  it("owes quarterly reports on the 25th of the quarter's last month", () => {
    const p = reportingPeriods("quarterly", "2026-02-01", "2026-12-31");
    expect(p.map((x) => [x.key, x.dueDate])).toEqual([
      ["2026-Q1", "2026-03-25"],
      ["2026-Q2", "2026-06-25"],
      ["2026-Q3", "2026-09-25"],
      ["2026-Q4", "2026-12-25"],
    ]);
  });

  it("owes one report by the deadline for a one-off task", () => {
    expect(reportingPeriods("once", "2026-02-01", "2026-05-31")).toEqual([
      { key: "once", start: "2026-02-01", end: "2026-05-31", dueDate: "2026-05-31" },
    ]);
  });

  it("owes nothing when the dates are wrong", () => {
    expect(reportingPeriods("monthly", "2026-05-01", "2026-04-30")).toEqual([]);
    expect(reportingPeriods("monthly", "2026-05-01", "bad")).toEqual([]);
  });
});

describe("reportTimeliness", () => {
  it.each([
    ["sent on the due day (23:59 Beijing)", new Date("2026-03-25T15:59:00Z"), "2026-03-30", "onTime"],
    ["sent the next morning", new Date("2026-03-25T16:30:00Z"), "2026-03-30", "late"],
    ["not sent, due today", null, "2026-03-25", "notDue"],
    ["not sent, due yesterday", null, "2026-03-26", "missing"],
  ] as const)("%s → %s", (_, at, today, expected) => {
    expect(reportTimeliness("2026-03-25", at, today)).toBe(expected);
  });
});
