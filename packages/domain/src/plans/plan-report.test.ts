import { describe, expect, it } from "vitest";
import {
  buildImplementationReport,
  buildPlanReport,
  describeNeed,
  observedYearlyChange,
  planReportKind,
  type ReportTargetInput,
  type ReportTaskInput,
} from "./plan-report.ts";

const target = (id: string, path: string, extra: Partial<ReportTargetInput> = {}): ReportTargetInput => ({
  targetId: id,
  path,
  metric: "学前三年毛入园率",
  text: "学前三年毛入园率达到92%",
  comparator: ">=",
  value: 92,
  unit: "%",
  targetYear: 2025,
  indicatorName: "学前三年毛入园率",
  baseline: { year: 2020, value: 85 },
  latest: { year: 2023, value: 86.5 },
  projected: 87.5,
  requiredYearlyChange: 2.75,
  goal: 92,
  status: "off-track",
  statusLabel: "严重滞后",
  series: [
    { year: 2020, value: 85 },
    { year: 2021, value: 85.5 },
    { year: 2022, value: null },
    { year: 2023, value: 86.5 },
  ],
  ...extra,
});

const task = (
  id: string,
  nodePath: string | null,
  extra: Partial<ReportTaskInput> = {},
): ReportTaskInput => ({
  id,
  title: `任务${id}`,
  nodePath,
  state: "inProgress",
  stateLabel: "办理中",
  progress: 40,
  deadline: "2025-12-31",
  units: ["崆峒区教育局"],
  latest: null,
  targetIds: [],
  ...extra,
});

describe("the plan's own report", () => {
  it("is the 中期评估 in the middle year of a five-year plan, else the yearly 监测报告", () => {
    expect(planReportKind(2021, 2025, 2023)).toBe("midterm");
    expect(planReportKind(2021, 2025, 2024)).toBe("monitoring");
    expect(planReportKind(2023, 2025, 2024)).toBe("monitoring");
    expect(planReportKind(null, 2025, 2023)).toBe("monitoring");
  });

  it("puts behind each target its item's units and the tasks tied to it or made from its item or below", () => {
    const report = buildPlanReport({
      plan: { title: "十四五规划", orgUnitName: "崆峒区", periodStart: 2021, periodEnd: 2025 },
      year: 2023,
      today: "2024-03-01",
      targets: [target("t1", "2.1"), target("t2", "3", { status: "achieved", statusLabel: "已达成" })],
      tasks: [
        task("a", "2.1.1"),
        task("b", "2.10"),
        task("c", null, { targetIds: ["t1"] }),
        task("d", "3", { state: "closed", stateLabel: "已销号", deadline: "2023-01-01" }),
        task("e", "4", { deadline: "2024-01-31" }),
      ],
      nodes: [{ path: "2.1", title: "扩大资源", units: ["崆峒区教育局", "崆峒区财政局"] }],
    });
    expect(report.kind).toBe("midterm");
    expect(report.title).toBe("《十四五规划》中期评估报告");
    const t1 = report.targets[0];
    expect(t1?.units).toEqual(["崆峒区教育局", "崆峒区财政局"]);
    expect(t1?.tasks.map((t) => t.title)).toEqual(["任务a", "任务c"]);
    expect(report.targetCounts).toMatchObject({ achieved: 1, "off-track": 1 });
    expect(report.taskCounts).toMatchObject({ total: 5, closed: 1, overdue: 1 });
    expect(report.tasks.find((t) => t.id === "e")?.overdue).toBe(true);
    expect(report.atRisk.map((a) => a.targetId)).toEqual(["t1"]);
    expect(report.atRisk[0]?.need).toBe("需每年提高2.75个百分点（近年年均提高0.5个百分点）");
  });

  it("says what a target needs from the yearly change still required and the change seen so far", () => {
    expect(observedYearlyChange([{ year: 2020, value: 10 }])).toBeNull();
    expect(
      observedYearlyChange([
        { year: 2020, value: 50 },
        { year: 2024, value: 46 },
      ]),
    ).toBe(-1);
    expect(
      describeNeed({
        requiredYearlyChange: -1.5,
        observedYearlyChange: null,
        unit: "人",
        goal: 45,
        targetYear: 2025,
      }),
    ).toBe("需每年下降1.5人");
    expect(
      describeNeed({
        requiredYearlyChange: null,
        observedYearlyChange: null,
        unit: "%",
        goal: null,
        targetYear: 2025,
      }),
    ).toBe("缺少可比数据，需先补齐统计数据");
  });

  it("reports item by item how the county implemented a higher document", () => {
    const report = buildImplementationReport({
      higherItems: [
        { id: "h1", path: "1", title: "重点任务", role: "task", isLeaf: false },
        { id: "h11", path: "1.1", title: "扩大资源", role: "task", isLeaf: true },
        { id: "h12", path: "1.2", title: "教师队伍", role: "task", isLeaf: true },
      ],
      localItems: [
        {
          id: "l1",
          planId: "p",
          planTitle: "承接方案",
          path: "1",
          title: "重点任务",
          adoptedNodeId: "h1",
          isLeaf: false,
          units: [],
        },
        {
          id: "l11",
          planId: "p",
          planTitle: "承接方案",
          path: "1.1",
          title: "扩大资源",
          adoptedNodeId: "h11",
          isLeaf: true,
          units: ["崆峒区教育局"],
        },
      ],
      localTargets: [
        { id: "lt", planId: "p", path: "1.1", metric: "毛入园率", value: 95, unit: "%", year: 2025 },
      ],
      assessed: new Map([["lt", { latest: { year: 2023, value: 93 }, statusLabel: "进度正常" }]]),
      tasks: [
        {
          ...task("k", "1.1", { latest: { period: "2024-02", progress: 50, text: "新建幼儿园2所" } }),
          planId: "p",
          nodeId: "l11",
        },
      ],
    });
    expect(report.total).toBe(2);
    expect(report.adopted).toBe(1);
    expect(report.items.map((i) => [i.path, i.isAdopted])).toEqual([
      ["1.1", true],
      ["1.2", false],
    ]);
    expect(report.items[0]?.local[0]).toMatchObject({
      units: ["崆峒区教育局"],
      tasks: [{ title: "任务k", latest: "2024-02：新建幼儿园2所" }],
      targets: [{ metric: "毛入园率", value: 95, actual: 93, actualYear: 2023, statusLabel: "进度正常" }],
    });
  });
});
