import { describe, expect, it } from "vitest";
import { lightOf, type LightTask } from "./lights.ts";
import type { ProgressReport } from "./types.ts";

const task = (over: Partial<LightTask> = {}): LightTask => ({
  id: "t1",
  state: "inProgress",
  assignedAt: "2026-01-05",
  deadline: "2026-06-30",
  frequency: "monthly",
  milestones: [],
  leadUnit: "u-jj",
  ...over,
});

const report = (period: string, at: string, percent = 50, unitId = "u-jj"): ProgressReport => ({
  taskId: "t1",
  unitId,
  period,
  submittedAt: new Date(`${at}T02:00:00Z`),
  percent,
  text: "按计划推进",
});

/** Reports for January–May, all in time, progress in step with the calendar. */
const steady = [
  report("2026-01", "2026-01-20", 20),
  report("2026-02", "2026-02-20", 40),
  report("2026-03", "2026-03-20", 55),
  report("2026-04", "2026-04-20", 70),
  report("2026-05", "2026-05-20", 85),
  report("2026-06", "2026-06-20", 95),
];

describe("lightOf", () => {
  it("is grey when closed or suspended, even past the deadline", () => {
    expect(lightOf(task({ state: "closed" }), "2026-08-01", [])).toMatchObject({
      light: "grey",
      reason: "已销号",
    });
    expect(lightOf(task({ state: "suspended" }), "2026-08-01", [])).toMatchObject({
      light: "grey",
      reason: "已中止",
    });
  });

  it("is red the day after the deadline, blue on the deadline itself", () => {
    expect(lightOf(task(), "2026-07-01", steady)).toEqual({
      light: "red",
      code: "overdue",
      reason: "已逾期1天（截止2026-06-30）",
    });
    expect(lightOf(task(), "2026-06-30", steady)).toEqual({
      light: "blue",
      code: "due-soon",
      reason: "今天到期",
    });
  });

  it("is blue at exactly 7 days and green at 8", () => {
    expect(lightOf(task(), "2026-06-23", steady)).toMatchObject({ light: "blue", reason: "距截止还有7天" });
    expect(lightOf(task(), "2026-06-22", steady)).toMatchObject({ light: "green", reason: "按序时推进" });
  });

  it("is yellow when the latest passed milestone is not reached, not while it is due today", () => {
    const milestones = [
      { title: "完成选址", dueDate: "2026-02-28", reachedOn: "2026-02-20" },
      { title: "开工建设", dueDate: "2026-04-30", reachedOn: null },
      { title: "竣工验收", dueDate: "2026-06-15", reachedOn: null },
    ];
    expect(lightOf(task({ milestones }), "2026-04-30", steady)).toMatchObject({ light: "green" });
    expect(lightOf(task({ milestones }), "2026-05-01", steady)).toEqual({
      light: "yellow",
      code: "milestone-behind",
      reason: "未完成序时进度「开工建设」（应于2026-04-30前完成）",
    });
    const caughtUp = milestones.map((m) => (m.title === "开工建设" ? { ...m, reachedOn: "2026-05-01" } : m));
    expect(lightOf(task({ milestones: caughtUp }), "2026-05-01", steady)).toMatchObject({ light: "green" });
    // Judged on a day before it was reached, the milestone was still behind then.
    const later = milestones.map((m) => (m.title === "开工建设" ? { ...m, reachedOn: "2026-05-10" } : m));
    expect(lightOf(task({ milestones: later }), "2026-05-05", steady).code).toBe("milestone-behind");
    expect(lightOf(task({ milestones: later }), "2026-05-10", steady).code).toBe("on-track");
    const earlierMissed = caughtUp.map((m) => (m.title === "完成选址" ? { ...m, reachedOn: null } : m));
    expect(lightOf(task({ milestones: earlierMissed }), "2026-05-01", steady)).toMatchObject({
      light: "green",
    });
  });

  it("puts red before yellow and yellow before blue", () => {
    const milestones = [{ title: "竣工验收", dueDate: "2026-06-20", reachedOn: null }];
    expect(lightOf(task({ milestones }), "2026-06-25", steady)).toMatchObject({ light: "yellow" });
    expect(lightOf(task({ milestones }), "2026-07-02", steady)).toMatchObject({ light: "red" });
  });

  it("is yellow when reported progress trails the calendar by more than 10 points", () => {
    // 2026-04-01: 86 of 176 days gone → 49% expected.
    const slow = [
      report("2026-01", "2026-01-20", 10),
      report("2026-02", "2026-02-20", 20),
      report("2026-03", "2026-03-20", 38),
    ];
    expect(lightOf(task(), "2026-04-01", slow)).toEqual({
      light: "yellow",
      code: "progress-behind",
      reason: "进度滞后：按时间应完成49%，报送进度38%",
    });
    const fine = [...slow.slice(0, 2), report("2026-03", "2026-03-20", 39)];
    expect(lightOf(task(), "2026-04-01", fine)).toMatchObject({ light: "green" });
    expect(lightOf(task(), "2026-04-01", slow, { progressTolerance: 15 })).toMatchObject({ light: "green" });
  });

  it("is yellow when the period's report is missing after its due day, counting only the lead unit", () => {
    const upToFeb = steady.slice(0, 2);
    expect(lightOf(task(), "2026-03-25", upToFeb)).toMatchObject({ light: "green" });
    expect(lightOf(task(), "2026-03-26", upToFeb)).toEqual({
      light: "yellow",
      code: "report-missing",
      reason: "2026年3月进展逾期未报（应于2026-03-25前报送）",
    });
    const coOnly = [...upToFeb, report("2026-03", "2026-03-20", 55, "u-cz")];
    expect(lightOf(task(), "2026-03-26", coOnly)).toMatchObject({ code: "report-missing" });
    const late = [...upToFeb, report("2026-03", "2026-03-27", 55)];
    expect(lightOf(task(), "2026-03-27", late)).toMatchObject({ light: "green" });
  });

  it("ignores reports sent after the day asked about and other tasks' reports", () => {
    expect(
      lightOf(task(), "2026-03-26", [...steady.slice(0, 2), report("2026-03", "2026-03-28")]),
    ).toMatchObject({
      code: "report-missing",
    });
    const other = { ...report("2026-03", "2026-03-20"), taskId: "t2" };
    expect(lightOf(task(), "2026-03-26", [...steady.slice(0, 2), other])).toMatchObject({
      code: "report-missing",
    });
  });

  it("reads no reports before 交办", () => {
    expect(lightOf(task({ state: "pending", assignedAt: null }), "2026-03-26", [])).toMatchObject({
      light: "green",
    });
  });
});

describe("签收时限 (issue 12)", () => {
  it("turns an unsigned task yellow the day after its 签收 limit, and not before", () => {
    const assigned = task({ state: "assigned", assignedAt: "2026-03-06", acceptBy: "2026-03-10" });
    expect(lightOf(assigned, "2026-03-10", []).code).not.toBe("accept-overdue");
    expect(lightOf(assigned, "2026-03-11", [])).toMatchObject({
      light: "yellow",
      code: "accept-overdue",
      reason: "逾期未签收（应于2026-03-10前签收）",
    });
    expect(lightOf({ ...assigned, state: "inProgress" }, "2026-03-11", []).code).not.toBe("accept-overdue");
  });
});
