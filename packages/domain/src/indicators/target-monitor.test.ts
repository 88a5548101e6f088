import { describe, expect, it } from "vitest";
import { STANDARD_INDICATORS } from "./catalogue.ts";
import {
  assessMonitoredTargets,
  planTargetMonitor,
  type GoalTextInput,
  type MonitorCatalogue,
  type PlanTargetInput,
} from "./target-monitor.ts";
import type { SeriesPoint } from "./targets.ts";

const CATALOGUE: MonitorCatalogue = {
  names: STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit })),
  definitions: new Map(STANDARD_INDICATORS.map((d) => [d.code, d])),
};
const RATE = "preschool-gross-enrolment-rate";
const RATE_NAME = CATALOGUE.definitions.get(RATE)?.name ?? "";

const target = (over: Partial<PlanTargetInput> = {}): PlanTargetInput => ({
  id: "t1",
  planId: "p1",
  planTitle: "十四五规划",
  planPeriodStart: 2021,
  planPeriodEnd: 2025,
  kind: "target",
  path: "1.1",
  text: `${RATE_NAME}达到 95%`,
  metric: RATE_NAME,
  indicatorCode: null,
  confirmedAt: null,
  comparator: ">=",
  value: 95,
  unit: "%",
  year: 2025,
  ...over,
});

const series = (values: Record<number, number | null>): SeriesPoint[] =>
  Object.entries(values).map(([y, value]) => ({ year: Number(y), value }));

describe("planTargetMonitor", () => {
  it.each<{ name: string; row: Partial<PlanTargetInput>; code: string | null; state: string }>([
    { name: "the parser's metric suggests the indicator", row: {}, code: RATE, state: "suggested" },
    {
      name: "a confirmed link wins over the metric",
      row: { indicatorCode: "public-kindergarten-share", confirmedAt: new Date() },
      code: "public-kindergarten-share",
      state: "confirmed",
    },
    {
      name: "a confirmed link to an indicator no longer in the catalogue links none",
      row: { indicatorCode: "gone", confirmedAt: new Date() },
      code: null,
      state: "confirmed",
    },
    {
      name: "a metric the statistics cannot measure",
      row: { metric: "人均受教育年限" },
      code: null,
      state: "none",
    },
  ])("$name", ({ row, code, state }) => {
    const plan = planTargetMonitor({ year: 2024, rows: [target(row)], goalTexts: [], catalogue: CATALOGUE });
    expect(plan.planned[0]?.link).toEqual({ code, state });
    expect(plan.needed).toEqual(code === null ? [] : [code]);
  });

  it.each([
    { name: "six years at least", start: 2023, years: [2019, 2020, 2021, 2022, 2023, 2024] },
    {
      name: "back to the plan's base year",
      start: 2016,
      years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
    },
    {
      name: "never more than twelve years back",
      start: 2001,
      years: Array.from({ length: 13 }, (_, i) => 2012 + i),
    },
  ])("reads $name", ({ start, years }) => {
    const plan = planTargetMonitor({
      year: 2024,
      rows: [target({ planPeriodStart: start })],
      goalTexts: [],
      catalogue: CATALOGUE,
    });
    expect(plan.years).toEqual(years);
  });

  it("adds a rule stated only in 发展目标 text once per plan, unless a target row carries it", () => {
    const goal = (planId: string, path: string): GoalTextInput => ({
      nodeId: `n-${planId}-${path}`,
      planId,
      planTitle: "规划",
      planPeriodEnd: 2025,
      path,
      text: "城乡教育差距进一步缩小，大班额问题基本消除。",
    });
    const plan = planTargetMonitor({
      year: 2024,
      rows: [target({ planId: "p1", text: "基本消除大班额", metric: "大班额", value: null })],
      goalTexts: [goal("p1", "1"), goal("p2", "1"), goal("p2", "1.2")],
      catalogue: CATALOGUE,
    });
    expect(plan.planned[0]?.rule?.code).toBe("large-classes-basically-eliminated");
    expect(plan.stated.map((s) => s.g.nodeId)).toEqual(["n-p2-1.2"]);
  });
});

describe("assessMonitoredTargets", () => {
  it.each<{ name: string; values: Record<number, number | null>; status: string }>([
    { name: "reached", values: { 2022: 90, 2023: 94, 2024: 96 }, status: "achieved" },
    { name: "no data", values: { 2022: null, 2023: null, 2024: null }, status: "no-data" },
  ])("$name", ({ values, status }) => {
    const plan = planTargetMonitor({ year: 2024, rows: [target()], goalTexts: [], catalogue: CATALOGUE });
    const [item] = assessMonitoredTargets(plan, CATALOGUE, new Map([[RATE, series(values)]]), new Map());
    expect(item).toMatchObject({ targetId: "t1", indicatorCode: RATE, linkState: "suggested", status });
  });

  it("takes the plan's own 现状值 as the baseline", () => {
    const baseline = target({ id: "b1", kind: "baseline", value: 88, year: 2020, text: "现状" });
    const plan = planTargetMonitor({
      year: 2024,
      rows: [target(), baseline],
      goalTexts: [],
      catalogue: CATALOGUE,
    });
    const [item] = assessMonitoredTargets(
      plan,
      CATALOGUE,
      new Map([[RATE, series({ 2024: 93 })]]),
      new Map(),
    );
    expect(item?.baseline).toEqual({ year: 2020, value: 88 });
    expect(item?.latest).toEqual({ year: 2024, value: 93 });
  });

  it("gives a target without an indicator or rule no data", () => {
    const plan = planTargetMonitor({
      year: 2024,
      rows: [target({ metric: "人均受教育年限", text: "人均受教育年限达到 11 年" })],
      goalTexts: [],
      catalogue: CATALOGUE,
    });
    expect(assessMonitoredTargets(plan, CATALOGUE, new Map(), new Map())[0]).toMatchObject({
      status: "no-data",
      statusLabel: "无数据",
      series: [],
    });
  });
});
