import { describe, expect, it } from "vitest";
import { dispatchBoard, monthlyBulletin, unitScoreboard } from "./bulletin.ts";
import type { Instruction, LedgerTask, LedgerUnit, ProgressReport } from "./types.ts";

const units: LedgerUnit[] = [
  { id: "u-jj", name: "基建股" },
  { id: "u-cz", name: "财务股" },
  { id: "u-jy", name: "基础教育股" },
];

const at = (day: string, hourUtc = 2): Date => new Date(`${day}T${String(hourUtc).padStart(2, "0")}:00:00Z`);

const task = (id: string, over: Partial<LedgerTask>): LedgerTask => ({
  id,
  title: `任务${id}`,
  source: { kind: "meeting", note: "局务会" },
  leadUnit: "u-jj",
  coUnits: [],
  assignedAt: "2026-01-05",
  deadline: "2026-12-31",
  frequency: "monthly",
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

const tasks: LedgerTask[] = [
  task("t1", { leadUnit: "u-jj", coUnits: ["u-cz"], deadline: "2026-02-28" }),
  task("t2", { leadUnit: "u-jy", assignedAt: "2026-01-10", deadline: "2026-06-30" }),
  task("t3", {
    leadUnit: "u-jj",
    coUnits: ["u-jy"],
    assignedAt: "2026-02-01",
    deadline: "2026-03-20",
    state: "closed",
    closedAt: at("2026-03-25"),
  }),
  task("t4", { leadUnit: "u-cz", deadline: "2026-03-31", state: "closed", closedAt: at("2026-03-15") }),
  task("t5", { leadUnit: "u-jj", state: "pending", assignedAt: null }),
  task("t6", { leadUnit: "u-jy", deadline: "2026-09-30", state: "suspended", suspendedFrom: "inProgress" }),
  task("t7", {
    leadUnit: "u-cz",
    assignedAt: "2026-01-02",
    deadline: "2026-01-31",
    state: "closed",
    closedAt: at("2026-01-20"),
  }),
];

const r = (taskId: string, unitId: string, period: string, day: string, percent = 50): ProgressReport => ({
  taskId,
  unitId,
  period,
  submittedAt: at(day),
  percent,
  text: `${taskId}${period}进展`,
});

const reports: ProgressReport[] = [
  r("t1", "u-jj", "2026-01", "2026-01-20"),
  r("t1", "u-jj", "2026-02", "2026-02-26"),
  r("t1", "u-cz", "2026-01", "2026-01-24"),
  r("t2", "u-jy", "2026-01", "2026-01-20", 20),
  r("t2", "u-jy", "2026-02", "2026-02-20", 40),
  r("t3", "u-jj", "2026-02", "2026-02-25"),
  r("t3", "u-jj", "2026-03", "2026-03-19"),
  r("t3", "u-jy", "2026-03", "2026-03-22"),
  r("t4", "u-cz", "2026-01", "2026-01-25"),
  r("t4", "u-cz", "2026-02", "2026-02-25"),
];

const instructions: Instruction[] = [
  { taskId: "t1", author: "王局长", at: at("2026-03-05"), text: "请基建股加快进度，月底前报告" },
  { taskId: "t2", author: "李副局长", at: at("2026-02-10"), text: "二月批示" },
  { taskId: "t2", author: "李副局长", at: at("2026-03-31", 17), text: "北京时间已是四月" },
];

describe("monthlyBulletin", () => {
  const b = monthlyBulletin(tasks, reports, instructions, "2026-03", units);

  it("sums up the month as of its last day", () => {
    expect(b.asOf).toBe("2026-03-31");
    expect(b.summary).toEqual({
      total: 6,
      closed: 3,
      closedThisMonth: 2,
      inProgress: 2,
      suspended: 1,
      overdue: 1,
      red: 1,
      yellow: 1,
      blue: 0,
      green: 0,
      dueReports: 3,
      receivedInMonth: 2,
      received: 2,
      onTime: 1,
      late: 1,
      missing: 1,
    });
  });

  it("gives each unit its row, co-units included", () => {
    expect(b.perUnit).toEqual([
      {
        unit: units[0],
        tasks: 2,
        leadTasks: 2,
        onTime: 0,
        overdue: 1,
        closed: 1,
        dueReports: 1,
        onTimeReports: 1,
        punctuality: 1,
      },
      {
        unit: units[1],
        tasks: 3,
        leadTasks: 2,
        onTime: 2,
        overdue: 1,
        closed: 2,
        dueReports: 0,
        onTimeReports: 0,
        punctuality: null,
      },
      {
        unit: units[2],
        tasks: 3,
        leadTasks: 2,
        onTime: 0,
        overdue: 0,
        closed: 1,
        dueReports: 2,
        onTimeReports: 0,
        punctuality: 0,
      },
    ]);
  });

  it("lists overdue tasks, open and closed late, longest first, with reasons", () => {
    expect(b.overdueList).toEqual([
      {
        taskId: "t1",
        title: "任务t1",
        units: ["基建股", "财务股"],
        deadline: "2026-02-28",
        daysOverdue: 31,
        isClosed: false,
        reason: "已逾期31天（截止2026-02-28）",
        latestProgress: "2026年2月：t12026-02进展",
      },
      {
        taskId: "t3",
        title: "任务t3",
        units: ["基建股", "基础教育股"],
        deadline: "2026-03-20",
        daysOverdue: 5,
        isClosed: true,
        reason: "逾期5天销号（2026-03-25）",
        latestProgress: "2026年3月：t32026-03进展",
      },
    ]);
    expect(b.redList.map((l) => l.taskId)).toEqual(["t1"]);
    expect(b.yellowList).toMatchObject([
      { taskId: "t2", reason: "2026年3月进展逾期未报（应于2026-03-25前报送）" },
    ]);
  });

  it("names the tasks closed in the month, 按期 or 逾期, with their closing day and units", () => {
    expect(b.closedList).toEqual([
      {
        taskId: "t4",
        title: "任务t4",
        units: ["财务股"],
        deadline: "2026-03-31",
        closedOn: "2026-03-15",
        isOnTime: true,
        daysOverdue: 0,
      },
      {
        taskId: "t3",
        title: "任务t3",
        units: ["基建股", "基础教育股"],
        deadline: "2026-03-20",
        closedOn: "2026-03-25",
        isOnTime: false,
        daysOverdue: 5,
      },
    ]);
    const before = monthlyBulletin(tasks, reports, instructions, "2026-03", units, { asOf: "2026-03-20" });
    expect(before.closedList.map((l) => l.taskId)).toEqual(["t4"]);
    expect(monthlyBulletin(tasks, reports, instructions, "2026-02", units).closedList).toEqual([]);
  });

  it("counts the reports received in the month apart from those due in it", () => {
    // A quarterly task: its Q2 report, filed in April, is due in June — none is due in April.
    const q = task("q", { frequency: "quarterly", assignedAt: "2026-04-01", deadline: "2026-12-31" });
    const filed = [r("q", "u-jj", "2026-Q2", "2026-04-10"), r("q", "u-jj", "2026-Q2", "2026-04-28")];
    const april = monthlyBulletin([q], filed, [], "2026-04", units);
    expect(april.summary).toMatchObject({ dueReports: 0, received: 0, receivedInMonth: 2 });
    expect(monthlyBulletin([q], filed, [], "2026-04", units, { asOf: "2026-04-15" }).summary).toMatchObject({
      receivedInMonth: 1,
    });
  });

  it("carries the month's instructions by Beijing day", () => {
    expect(b.instructions).toEqual([
      {
        taskId: "t1",
        taskTitle: "任务t1",
        author: "王局长",
        at: at("2026-03-05"),
        date: "2026-03-05",
        text: "请基建股加快进度，月底前报告",
      },
    ]);
  });

  it("judges a running month on the day given, as things stood then", () => {
    const mid = monthlyBulletin(tasks, reports, instructions, "2026-03", units, { asOf: "2026-03-20" });
    expect(mid.summary).toMatchObject({
      closed: 2,
      closedThisMonth: 1,
      inProgress: 3,
      dueReports: 1,
      onTime: 1,
    });
    expect(mid.overdueList.map((l) => l.taskId)).toEqual(["t1"]);
  });

  it("is empty for an empty ledger", () => {
    const e = monthlyBulletin([], [], [], "2026-03", units);
    expect(e.summary.total).toBe(0);
    expect(e.perUnit).toEqual([]);
  });

  it("counts a closed row without a closing time as closed, not in progress", () => {
    const e = monthlyBulletin([task("x", { state: "closed", closedAt: null })], [], [], "2026-03", units);
    expect(e.summary).toMatchObject({ total: 1, closed: 1, closedThisMonth: 0, inProgress: 0 });
  });

  it("shows a unit missing from the list by its id", () => {
    const e = monthlyBulletin([task("x", { leadUnit: "u-new" })], [], [], "2026-03", units);
    expect(e.perUnit.map((u) => u.unit)).toEqual([{ id: "u-new", name: "u-new" }]);
  });
});

describe("dispatchBoard", () => {
  it("lists every report due in the month by task and unit", () => {
    const d = dispatchBoard(tasks, reports, "2026-03", units);
    expect(d.rows.map((x) => [x.taskId, x.unit.name, x.role, x.periodLabel, x.dueDate, x.status])).toEqual([
      ["t2", "基础教育股", "lead", "2026年3月", "2026-03-25", "missing"],
      ["t3", "基建股", "lead", "2026年3月", "2026-03-20", "onTime"],
      ["t3", "基础教育股", "co", "2026年3月", "2026-03-20", "late"],
    ]);
    expect(d.totals).toEqual({ due: 3, received: 2, onTime: 1, late: 1, missing: 1, notDue: 0 });
  });

  it("marks reports not yet due in a running month", () => {
    const d = dispatchBoard(tasks, reports, "2026-03", units, { asOf: "2026-03-22" });
    expect(d.rows.map((x) => x.status)).toEqual(["notDue", "onTime", "late"]);
  });
});

describe("unitScoreboard", () => {
  it("agrees with the year's December bulletin on each unit's tasks, closed and overdue counts", () => {
    // t8: due the year before and still open, t9: due next year and closed early — the bulletin counts
    // both, and so must the scoreboard.
    const more = [
      ...tasks,
      task("t8", { leadUnit: "u-jy", assignedAt: "2025-03-01", deadline: "2025-11-30" }),
      task("t9", {
        leadUnit: "u-cz",
        coUnits: ["u-jj"],
        deadline: "2027-06-30",
        state: "closed",
        closedAt: at("2026-11-02"),
      }),
    ];
    const december = monthlyBulletin(more, reports, [], "2026-12", units);
    const scores = unitScoreboard(more, reports, 2026, units);
    const pick = (x: { unit: LedgerUnit; tasks: number; closed: number; overdue: number }) => [
      x.unit.id,
      x.tasks,
      x.closed,
      x.overdue,
    ];
    expect(scores.map(pick)).toEqual(december.perUnit.map(pick));
    expect(scores.map((s) => s.closedOnTime)).toEqual(december.perUnit.map((u) => u.onTime));
    expect(scores.find((s) => s.unit.id === "u-jy")).toMatchObject({ leadTasks: 3, overdue: 2 });
  });

  it("rates completion, on-time completion and report punctuality per unit", () => {
    const s = unitScoreboard(tasks, reports, 2026, units, { asOf: "2026-03-31" });
    expect(s.map((x) => [x.unit.id, x.leadTasks, x.expected, x.completed, x.completedOnTime])).toEqual([
      ["u-jj", 2, 2, 1, 0],
      ["u-cz", 2, 2, 2, 2],
      ["u-jy", 2, 0, 0, 0],
    ]);
    expect(
      s.map((x) => [x.completionRate, x.onTimeRate, x.dueReports, x.onTimeReports, x.punctuality]),
    ).toEqual([
      [0.5, 0, 4, 3, 0.75],
      [1, 1, 4, 3, 0.75],
      [null, null, 5, 2, 0.4],
    ]);
  });
});
