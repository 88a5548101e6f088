import { describe, expect, it } from "vitest";
import {
  ACTION_TYPES,
  actorKindOf,
  availableActions,
  checkMilestoneReached,
  checkReport,
  transition,
  type ActionType,
  type ActorKind,
  type LedgerAction,
} from "./state-machine.ts";
import { TASK_STATES, type LedgerTask, type TaskState } from "./types.ts";

const NOW = new Date("2026-03-10T02:00:00Z"); // 2026-03-10 10:00 Beijing

const task = (over: Partial<LedgerTask> = {}): LedgerTask => ({
  id: "t1",
  title: "新建公办幼儿园3所",
  source: { kind: "plan", planTitle: "崆峒区学前教育发展提升行动计划", clausePath: "三、（一）1" },
  leadUnit: "u-jj",
  coUnits: ["u-cz", "u-zj"],
  assignedAt: "2026-01-05",
  deadline: "2026-12-31",
  frequency: "monthly",
  milestones: [],
  priority: "high",
  targets: ["普惠性幼儿园覆盖率达到90%"],
  state: "inProgress",
  closedAt: null,
  pendingAdjustment: null,
  evidenceCount: 1,
  hasFinalReport: true,
  suspendedFrom: null,
  ...over,
});

/** A valid payload for each action, for a task that is otherwise ready. */
const ACTIONS: Record<ActionType, LedgerAction> = {
  assign: { type: "assign" },
  accept: { type: "accept" },
  submitForReview: { type: "submitForReview" },
  approve: { type: "approve" },
  return: { type: "return", comment: "佐证材料不全" },
  requestAdjustment: { type: "requestAdjustment", newDeadline: "2027-06-30", reason: "用地审批延后" },
  decideAdjustment: { type: "decideAdjustment", isApproved: true },
  suspend: { type: "suspend", reason: "上级政策调整" },
  resume: { type: "resume" },
};

/** Written out by hand, independently of TRANSITION_RULES: [state, action] → [target, the one actor]. */
const LEGAL: Partial<Record<`${TaskState}/${ActionType}`, [TaskState, ActorKind]>> = {
  "pending/assign": ["assigned", "bureau"],
  "pending/suspend": ["suspended", "bureau"],
  "assigned/accept": ["inProgress", "leadUnit"],
  "assigned/return": ["pending", "leadUnit"],
  "assigned/requestAdjustment": ["assigned", "leadUnit"],
  "assigned/decideAdjustment": ["assigned", "bureau"],
  "assigned/suspend": ["suspended", "bureau"],
  "inProgress/submitForReview": ["underReview", "leadUnit"],
  "inProgress/requestAdjustment": ["inProgress", "leadUnit"],
  "inProgress/decideAdjustment": ["inProgress", "bureau"],
  "inProgress/suspend": ["suspended", "bureau"],
  "underReview/approve": ["closed", "bureau"],
  "underReview/return": ["inProgress", "bureau"],
  "underReview/suspend": ["suspended", "bureau"],
  "suspended/resume": ["inProgress", "bureau"],
};

const KINDS: ActorKind[] = ["bureau", "leadUnit", "coUnit", "leader"];

const ready = (state: TaskState, action: ActionType): LedgerTask =>
  task({
    state,
    assignedAt: state === "pending" ? null : "2026-01-05",
    suspendedFrom: state === "suspended" ? "inProgress" : null,
    closedAt: state === "closed" ? new Date("2026-02-01T00:00:00Z") : null,
    pendingAdjustment:
      action === "decideAdjustment"
        ? { newDeadline: "2027-06-30", reason: "用地审批延后", requestedBy: "user-1", requestedAt: NOW }
        : null,
  });

describe("transition over every (state, action) pair", () => {
  const pairs = TASK_STATES.flatMap((s) => ACTION_TYPES.map((a) => [s, a] as const));
  it("covers 6 states × 9 actions", () => {
    expect(pairs).toHaveLength(54);
  });

  it.each(pairs)("%s + %s", (state, action) => {
    const legal = LEGAL[`${state}/${action}`];
    for (const kind of KINDS) {
      const r = transition(ready(state, action), ACTIONS[action], { kind, userId: "user-1" }, NOW);
      if (legal === undefined) {
        expect(r).toMatchObject({ ok: false, kind: "state", code: "invalid-transition" });
      } else if (kind === legal[1]) {
        expect(r).toMatchObject({ ok: true, next: legal[0] });
      } else {
        expect(r).toMatchObject({ ok: false, kind: "actor", code: "forbidden" });
      }
    }
  });
});

describe("transition messages and effects", () => {
  const bureau = { kind: "bureau" as const, userId: "b1" };
  const lead = { kind: "leadUnit" as const, userId: "l1" };

  it("refuses anything on a closed task in plain Chinese", () => {
    const r = transition(task({ state: "closed" }), { type: "approve" }, bureau, NOW);
    expect(r).toEqual({
      ok: false,
      kind: "state",
      code: "invalid-transition",
      message: "已销号的任务不能再销号",
    });
    const s = transition(task({ state: "suspended" }), { type: "accept" }, lead, NOW);
    expect(s.ok ? "" : s.message).toBe("已中止的任务不能签收，请先恢复");
    const p = transition(task({ state: "pending" }), { type: "accept" }, lead, NOW);
    expect(p.ok ? "" : p.message).toBe("「待交办」的任务不能签收");
  });

  it("names the actor who may not act", () => {
    const r = transition(task({ state: "underReview" }), { type: "approve" }, lead, NOW);
    expect(r.ok ? "" : r.message).toBe("牵头单位不能销号此任务");
  });

  it("stamps the 交办 day in China time", () => {
    const late = new Date("2026-03-10T17:00:00Z"); // 2026-03-11 01:00 Beijing
    const r = transition(task({ state: "pending", assignedAt: null }), { type: "assign" }, bureau, late);
    expect(r).toMatchObject({ ok: true, next: "assigned", changes: { assignedAt: "2026-03-11" } });
  });

  it.each([
    ["no lead unit", { leadUnit: "" }, "lead-unit-required"],
    ["lead also co-unit", { coUnits: ["u-jj"] }, "lead-unit-in-co-units"],
    ["deadline before today", { deadline: "2026-03-09" }, "deadline-before-assignment"],
    ["malformed deadline", { deadline: "2026-02-30" }, "deadline-before-assignment"],
  ])("refuses to assign with %s", (_, over, code) => {
    const r = transition(
      task({ state: "pending", assignedAt: null, ...over }),
      { type: "assign" },
      bureau,
      NOW,
    );
    expect(r).toMatchObject({ ok: false, kind: "precondition", code });
  });

  it("assigns on the deadline day itself", () => {
    const r = transition(task({ state: "pending", deadline: "2026-03-10" }), { type: "assign" }, bureau, NOW);
    expect(r.ok).toBe(true);
  });

  it.each([
    ["submitForReview", "inProgress", lead],
    ["approve", "underReview", bureau],
  ] as const)("%s needs evidence and a final report", (type, state, actor) => {
    const noEvidence = transition(task({ state, evidenceCount: 0 }), { type }, actor, NOW);
    expect(noEvidence).toMatchObject({
      ok: false,
      code: "evidence-required",
      message: "销号须至少上传一份佐证材料",
    });
    const noReport = transition(task({ state, hasFinalReport: false }), { type }, actor, NOW);
    expect(noReport).toMatchObject({ ok: false, code: "final-report-required" });
    // the message says what the UI calls a 办结报告: a progress report at 100%
    expect(noReport).toMatchObject({ message: expect.stringMatching(/办结报告[\s\S]*100%/) as unknown });
  });

  it("closes with the closing instant", () => {
    const r = transition(
      task({ state: "underReview" }),
      { type: "approve", comment: "同意销号" },
      bureau,
      NOW,
    );
    expect(r).toMatchObject({
      ok: true,
      next: "closed",
      changes: { closedAt: NOW },
      task: { state: "closed" },
    });
    expect(r.ok && r.events.map((e) => e.type)).toEqual(["stateChanged", "commented"]);
  });

  it("needs a comment to return, and records it", () => {
    const blank = transition(task({ state: "underReview" }), { type: "return", comment: "  " }, bureau, NOW);
    expect(blank).toMatchObject({ ok: false, code: "comment-required", message: "退回须填写退回意见" });
    const r = transition(
      task({ state: "underReview" }),
      { type: "return", comment: "佐证不全" },
      bureau,
      NOW,
    );
    expect(r.ok && r.events).toEqual([
      {
        type: "stateChanged",
        from: "underReview",
        to: "inProgress",
        action: "return",
        actor: bureau,
        at: NOW,
      },
      { type: "commented", comment: "佐证不全", action: "return", actor: bureau, at: NOW },
    ]);
  });

  it("needs a reason to suspend and resumes to the state it left", () => {
    const none = transition(task(), { type: "suspend", reason: "" }, bureau, NOW);
    expect(none).toMatchObject({ ok: false, code: "reason-required" });
    const s = transition(task({ state: "assigned" }), { type: "suspend", reason: "政策调整" }, bureau, NOW);
    expect(s).toMatchObject({ ok: true, next: "suspended", changes: { suspendedFrom: "assigned" } });
    if (!s.ok) {
      return;
    }
    const r = transition(s.task, { type: "resume" }, bureau, NOW);
    expect(r).toMatchObject({ ok: true, next: "assigned", changes: { suspendedFrom: null } });
    const unknown = transition(
      task({ state: "suspended", assignedAt: null }),
      { type: "resume" },
      bureau,
      NOW,
    );
    expect(unknown).toMatchObject({ ok: true, next: "pending" });
  });

  it.each([
    ["no change", { reason: "x" }, "adjustment-empty"],
    ["no reason", { newDeadline: "2027-01-31", reason: "" }, "reason-required"],
    ["same deadline", { newDeadline: "2026-12-31", reason: "x" }, "deadline-not-later"],
    ["earlier deadline", { newDeadline: "2026-11-30", reason: "x" }, "deadline-not-later"],
    ["same wording", { newTitle: " 新建公办幼儿园3所 ", reason: "x" }, "title-unchanged"],
  ])("refuses an adjustment with %s", (_, payload, code) => {
    const r = transition(task(), { type: "requestAdjustment", ...payload }, lead, NOW);
    expect(r).toMatchObject({ ok: false, kind: "precondition", code });
  });

  it("keeps one adjustment pending at a time, and applies it when approved", () => {
    const asked = transition(
      task(),
      {
        type: "requestAdjustment",
        newDeadline: "2027-06-30",
        newTitle: "新建公办幼儿园2所",
        reason: "用地未落实",
      },
      lead,
      NOW,
    );
    expect(asked).toMatchObject({ ok: true, next: "inProgress" });
    if (!asked.ok) {
      return;
    }
    const again = transition(
      asked.task,
      { type: "requestAdjustment", newTitle: "另一表述", reason: "x" },
      lead,
      NOW,
    );
    expect(again).toMatchObject({ ok: false, code: "adjustment-pending" });
    const done = transition(asked.task, { type: "decideAdjustment", isApproved: true }, bureau, NOW);
    expect(done).toMatchObject({
      ok: true,
      changes: { deadline: "2027-06-30", title: "新建公办幼儿园2所", pendingAdjustment: null },
    });
    expect(done.ok && done.events.map((e) => e.type)).toEqual([
      "adjustmentDecided",
      "deadlineChanged",
      "titleChanged",
    ]);
  });

  it("refuses an adjustment only with a comment, and leaves the task as it was", () => {
    const pending = task({
      pendingAdjustment: { newDeadline: "2027-06-30", reason: "r", requestedBy: "l1", requestedAt: NOW },
    });
    const bare = transition(pending, { type: "decideAdjustment", isApproved: false }, bureau, NOW);
    expect(bare).toMatchObject({ ok: false, code: "comment-required", message: "不同意调整须说明理由" });
    const r = transition(
      pending,
      { type: "decideAdjustment", isApproved: false, comment: "按期完成" },
      bureau,
      NOW,
    );
    expect(r).toMatchObject({
      ok: true,
      changes: { pendingAdjustment: null },
      task: { deadline: "2026-12-31" },
    });
    const none = transition(task(), { type: "decideAdjustment", isApproved: true }, bureau, NOW);
    expect(none).toMatchObject({ ok: false, code: "no-pending-adjustment" });
  });
});

describe("actors and reporting", () => {
  const t = task();
  it.each([
    ["bureauPlanner", null, "bureau"],
    ["bureauSupervisor", "u-x", "bureau"],
    ["leader", null, "leader"],
    ["unitUser", "u-jj", "leadUnit"],
    ["schoolUser", "u-zj", "coUnit"],
    ["unitUser", "u-other", null],
    ["unitUser", null, null],
    ["inspector", "u-jj", null],
  ] as const)("%s of %s is %s", (role, unit, kind) => {
    expect(actorKindOf(role, unit, t)).toBe(kind);
  });

  it("lists the buttons an actor gets", () => {
    expect(availableActions("inProgress", "leadUnit")).toEqual(["submitForReview", "requestAdjustment"]);
    expect(availableActions("underReview", "bureau")).toEqual(["approve", "return", "suspend"]);
    expect(availableActions("closed", "bureau")).toEqual([]);
  });

  it.each([
    ["closed", "leadUnit", "已销号的任务不能再提交进展"],
    ["suspended", "coUnit", "已中止的任务不能提交进展"],
    ["assigned", "leadUnit", "任务尚未签收，不能提交进展"],
    ["inProgress", "leader", "只有牵头单位和协办单位可以报送进展"],
  ] as const)("refuses a report on a %s task by %s", (state, kind, message) => {
    expect(checkReport({ state }, { kind })).toMatchObject({ ok: false, message });
  });

  it("takes reports from lead and co-units while in progress or under review", () => {
    expect(checkReport({ state: "inProgress" }, { kind: "coUnit" })).toEqual({ ok: true });
    expect(checkReport({ state: "underReview" }, { kind: "leadUnit" })).toEqual({ ok: true });
  });
});

describe("checkMilestoneReached", () => {
  const open = { title: "完成选址", reachedOn: null };
  it("lets the lead unit and the bureau mark a milestone reached on a day from 交办 to today", () => {
    expect(checkMilestoneReached(task(), open, { kind: "leadUnit" }, "2026-03-01", "2026-03-10")).toEqual({
      ok: true,
    });
    expect(checkMilestoneReached(task(), open, { kind: "bureau" }, "2026-03-10", "2026-03-10")).toEqual({
      ok: true,
    });
  });

  it.each([
    ["a co-unit", task(), open, "coUnit", "2026-03-01", "只有牵头单位和局督办人员可以确认序时进度完成"],
    ["a leader", task(), open, "leader", "2026-03-01", "只有牵头单位和局督办人员可以确认序时进度完成"],
    [
      "a closed task",
      task({ state: "closed" }),
      open,
      "leadUnit",
      "2026-03-01",
      "已销号的任务不能再确认序时进度完成",
    ],
    ["a day after today", task(), open, "leadUnit", "2026-03-11", "完成日期2026-03-11晚于今天，不能预先确认"],
    ["a day before 交办", task(), open, "bureau", "2026-01-04", "完成日期2026-01-04早于交办日期2026-01-05"],
    [
      "a milestone already reached",
      task(),
      { title: "完成选址", reachedOn: "2026-02-01" },
      "bureau",
      "2026-03-01",
      "序时进度「完成选址」已于2026-02-01确认完成",
    ],
  ] as const)("refuses %s", (_n, t, m, kind, day, message) => {
    expect(checkMilestoneReached(t, m, { kind }, day, "2026-03-10")).toMatchObject({ ok: false, message });
  });
});

describe("岗位分离 and 会签 (issue 12)", () => {
  const reviewer = (userId: string) => ({ kind: "bureau" as const, userId });
  const lead = { kind: "leadUnit" as const, userId: "lead-user" };

  it("refuses 销号 by the user who created or assigned the task, and lets another reviewer", () => {
    const underReview = task({ state: "underReview", createdBy: "planner", assignedBy: "planner2" });
    for (const who of ["planner", "planner2"]) {
      const refused = transition(underReview, { type: "approve" }, reviewer(who), NOW);
      expect(refused).toMatchObject({ ok: false, kind: "actor", code: "separation-of-duties" });
      expect(refused.ok ? "" : refused.message).toContain("另一位有复核权限的同事");
    }
    expect(transition(underReview, { type: "approve" }, reviewer("supervisor"), NOW)).toMatchObject({
      ok: true,
      next: "closed",
    });
  });

  it("records who assigned the task", () => {
    const result = transition(task({ state: "pending" }), { type: "assign" }, reviewer("planner"), NOW);
    expect(result.ok && result.changes.assignedBy).toBe("planner");
  });

  it("needs every co-unit's confirmation before 提请销号, naming who is missing or objects", () => {
    const offs = (a: "confirm" | "object" | null, b: "confirm" | "object" | null) => [
      { unit: { id: "u-cz", name: "区财政局" }, verdict: a, note: a === "object" ? "资金数字不符" : "" },
      { unit: { id: "u-zj", name: "区住建局" }, verdict: b, note: "" },
    ];
    const missing = transition(
      task({ coSignOffs: offs("confirm", null) }),
      ACTIONS.submitForReview,
      lead,
      NOW,
    );
    expect(missing).toMatchObject({ ok: false, kind: "precondition", code: "co-sign-required" });
    expect(missing.ok ? "" : missing.message).toContain("区住建局尚未会签");
    const objected = transition(
      task({ coSignOffs: offs("object", "confirm") }),
      ACTIONS.submitForReview,
      lead,
      NOW,
    );
    expect(objected.ok ? "" : objected.message).toContain("区财政局有异议（资金数字不符）");
    expect(
      transition(task({ coSignOffs: offs("confirm", "confirm") }), ACTIONS.submitForReview, lead, NOW).ok,
    ).toBe(true);
  });
});
