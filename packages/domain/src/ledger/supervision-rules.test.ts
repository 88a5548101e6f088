import { describe, expect, it } from "vitest";
import { assessUnits, DEFAULT_ASSESSMENT_SCHEME } from "./assessment.ts";
import { monthlyBulletin, unitScoreboard, type BulletinUnitRow } from "./bulletin.ts";
import { addWorkingDays, escalationSteps } from "./escalation.ts";
import { commendations, criticismText, docNumberText, praiseText, rankUnits } from "./issue.ts";
import type { LightResult } from "./lights.ts";
import type { LedgerTask, LedgerUnit } from "./types.ts";

const units: LedgerUnit[] = [
  { id: "u-a", name: "甲股" },
  { id: "u-b", name: "乙股" },
  { id: "u-c", name: "丙股" },
];

const task = (id: string, over: Partial<LedgerTask>): LedgerTask => ({
  id,
  title: `任务${id}`,
  source: { kind: "meeting", note: "局务会" },
  leadUnit: "u-a",
  coUnits: [],
  assignedAt: "2026-01-05",
  deadline: "2026-12-31",
  frequency: "once",
  milestones: [],
  priority: "normal",
  targets: [],
  state: "inProgress",
  closedAt: null,
  pendingAdjustment: null,
  evidenceCount: 0,
  hasFinalReport: false,
  suspendedFrom: null,
  ...over,
});

const row = (id: string, over: Partial<BulletinUnitRow>): BulletinUnitRow => ({
  unit: units.find((u) => u.id === id) ?? { id, name: id },
  tasks: 1,
  leadTasks: 1,
  onTime: 0,
  overdue: 0,
  closed: 0,
  dueReports: 0,
  onTimeReports: 0,
  punctuality: null,
  ...over,
});

const red: LightResult = { light: "red", code: "overdue", reason: "已逾期3天（截止2026-03-06）" };
const yellow: LightResult = { light: "yellow", code: "report-missing", reason: "2026年2月进展逾期未报" };
const green: LightResult = { light: "green", code: "on-track", reason: "按序时推进" };

describe("印发: 发文字号, 表扬/批评 and the ranked table", () => {
  it("writes the 发文字号 with the year in 六角括号", () => {
    expect(docNumberText("崆教督通", 2026, 3)).toBe("崆教督通〔2026〕3号");
  });

  it("praises units that sent every report on time with nothing overdue and criticises red ones", () => {
    const rows = [
      row("u-a", { dueReports: 2, onTimeReports: 2 }),
      row("u-b", { dueReports: 2, onTimeReports: 1 }),
      row("u-c", { dueReports: 0, overdue: 1 }),
    ];
    expect(commendations(rows)).toEqual({ praised: ["甲股"], criticised: ["丙股"] });
    expect(praiseText(["甲股"])).toBe("甲股本月按时报送全部工作进展，无逾期任务，予以通报表扬。");
    expect(criticismText([])).toBe("本月无红灯（逾期未办结）任务的单位。");
  });

  it("ranks by fewer overdue, then 报送及时率 (none due last), then 按期办结; equals share a place", () => {
    const ranked = rankUnits([
      row("u-a", { overdue: 1, punctuality: 1 }),
      row("u-b", { punctuality: null }),
      row("u-c", { punctuality: 0.5, onTime: 2 }),
      row("u-d", { punctuality: 0.5, onTime: 2 }),
    ]);
    expect(ranked.map((r) => [r.unit.id, r.rank])).toEqual([
      ["u-c", 1],
      ["u-d", 1],
      ["u-b", 3],
      ["u-a", 4],
    ]);
  });
});

describe("督办升级 by light", () => {
  const t = { id: "t1", deadline: "2026-03-06" }; // a Friday

  it("counts working days on the official calendar", () => {
    expect(addWorkingDays("2026-03-06", 1)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-06", 5)).toBe("2026-03-13");
    // 国庆 2026: 10-01…10-07 off, Saturday 10-10 worked (调休)
    expect(addWorkingDays("2026-09-30", 5)).toBe("2026-10-13");
  });

  it("urges a yellow task once a month and does nothing for green", () => {
    expect(escalationSteps(t, yellow, "2026-02-20")).toEqual([
      { level: "urge", key: "urge:t1:2026-02", reason: yellow.reason, dueDay: "2026-02-20" },
    ]);
    expect(escalationSteps(t, yellow, "2026-02-27")[0]?.key).toBe("urge:t1:2026-02");
    expect(escalationSteps(t, green, "2026-02-27")).toEqual([]);
  });

  it("sends a 督办通知 for red and a 约谈 from the Nth working day after the deadline", () => {
    expect(escalationSteps(t, red, "2026-03-12").map((s) => s.level)).toEqual(["notice"]);
    const steps = escalationSteps(t, red, "2026-03-13");
    expect(steps.map((s) => [s.level, s.key, s.dueDay])).toEqual([
      ["notice", "notice:t1:2026-03-06", "2026-03-07"],
      ["interview", "interview:t1:2026-03-06", "2026-03-13"],
    ]);
    expect(
      escalationSteps(t, red, "2026-03-10", { interviewAfterWorkingDays: 2 }).map((s) => s.level),
    ).toEqual(["notice", "interview"]);
  });
});

describe("年度考核 scoring", () => {
  const tasks = [
    // u-a: closed late in the year (red once), and one still overdue with weight 2
    task("late", { deadline: "2026-03-31", state: "closed", closedAt: new Date("2026-04-10T02:00:00Z") }),
    task("open", { deadline: "2026-06-30" }),
    // u-b: closed on time
    task("good", {
      leadUnit: "u-b",
      deadline: "2026-05-31",
      state: "closed",
      closedAt: new Date("2026-05-20T02:00:00Z"),
    }),
    // u-c: overdue since last year, still open
    task("old", { leadUnit: "u-c", assignedAt: "2025-03-01", deadline: "2025-12-31" }),
  ];
  const scheme = { ...DEFAULT_ASSESSMENT_SCHEME, taskWeights: { open: 2 } };
  const rows = unitScoreboard(tasks, [], 2026, units);

  it("deducts weighted red and overdue tasks and 约谈, and ranks by score", () => {
    const result = assessUnits(
      rows,
      tasks,
      [{ unitId: "u-c", day: "2026-01-12" }],
      2026,
      "2026-12-31",
      scheme,
    );
    const by = new Map(result.map((r) => [r.row.unit.id, r]));
    expect(by.get("u-a")?.counts).toEqual({
      lateReports: 0,
      // each 一次性 task owes its report by the deadline
      missingReports: 2,
      redTasks: 3,
      overdueOpen: 2,
      interviews: 0,
    });
    expect(by.get("u-a")?.score).toBe(100 - 2 * 1 - 3 * 2 - 2 * 3);
    expect(by.get("u-c")?.score).toBe(100 - 2 - 3 - 5);
    expect(by.get("u-b")?.score).toBe(100);
    expect(result.map((r) => [r.row.unit.id, r.rank])).toEqual([
      ["u-b", 1],
      ["u-c", 2],
      ["u-a", 3],
    ]);
  });

  it("counts 逾期未办结 exactly as the December bulletin's 逾期 column, unweighted", () => {
    const result = assessUnits(rows, tasks, [], 2026, "2026-12-31");
    const december = monthlyBulletin(tasks, [], [], "2026-12", units);
    for (const r of result) {
      const same = december.perUnit.find((u) => u.unit.id === r.row.unit.id);
      expect(r.counts.overdueOpen).toBe(same?.overdue);
    }
  });
});
