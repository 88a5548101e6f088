/**
 * 督办任务状态机 (ledger state machine): which action (动作) leaves which state, who may take it and
 * what it needs. The server calls `transition` and stores the result; an illegal move comes back as
 * `{ok: false}` with a Chinese message, never as a throw.
 */
import type { Role } from "../auth/roles.ts";
import { chinaDate } from "@luoshi/common";
import { isIsoDate, type IsoDate } from "./dates.ts";
import {
  TASK_STATE_LABELS,
  type AdjustmentRequest,
  type LedgerTask,
  type Milestone,
  type TaskState,
} from "./types.ts";

/**
 * 操作主体类别: `bureau` (教育局规划/督导 staff), `leadUnit` (牵头单位), `coUnit` (协办单位),
 * `leader` (领导).
 */
export type ActorKind = "bureau" | "leadUnit" | "coUnit" | "leader";

/** Chinese names of the actor kinds. */
export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  bureau: "教育局",
  leadUnit: "牵头单位",
  coUnit: "协办单位",
  leader: "领导",
};

/** 操作人: who acts, as a kind and a user id (for the event trail). */
export interface LedgerActor {
  kind: ActorKind;
  userId: string;
}

/**
 * The actor kind of a user towards one task: bureau roles are `bureau`, `leader` is `leader`, a unit
 * or school user is `leadUnit`/`coUnit` when their unit leads or helps with the task; anyone else has
 * no part in it (null).
 */
export function actorKindOf(
  role: Role,
  unitId: string | null,
  task: Pick<LedgerTask, "leadUnit" | "coUnits">,
): ActorKind | null {
  if (role === "bureauPlanner" || role === "bureauSupervisor") {
    return "bureau";
  }
  if (role === "leader") {
    return "leader";
  }
  if ((role === "unitUser" || role === "schoolUser") && unitId !== null) {
    if (unitId === task.leadUnit) {
      return "leadUnit";
    }
    if (task.coUnits.includes(unitId)) {
      return "coUnit";
    }
  }
  return null;
}

/** 动作 with what it carries. `return` and `suspend` need a comment/reason; see `TRANSITION_RULES`. */
export type LedgerAction =
  | { type: "assign" }
  | { type: "accept" }
  | { type: "submitForReview" }
  | { type: "approve"; comment?: string }
  | { type: "return"; comment: string }
  | { type: "requestAdjustment"; newDeadline?: IsoDate; newTitle?: string; reason: string }
  | { type: "decideAdjustment"; isApproved: boolean; comment?: string }
  | { type: "suspend"; reason: string }
  | { type: "resume" };

/** The name of an action. */
export type ActionType = LedgerAction["type"];

/** Every action type. */
export const ACTION_TYPES: readonly ActionType[] = [
  "assign",
  "accept",
  "submitForReview",
  "approve",
  "return",
  "requestAdjustment",
  "decideAdjustment",
  "suspend",
  "resume",
];

/** Chinese names of the actions. */
export const ACTION_LABELS: Record<ActionType, string> = {
  assign: "交办",
  accept: "签收",
  submitForReview: "提请销号",
  approve: "销号",
  return: "退回",
  requestAdjustment: "申请调整",
  decideAdjustment: "审批调整申请",
  suspend: "中止",
  resume: "恢复",
};

/**
 * One row of the transition table. `to` is a state, `"same"` (the action leaves the state as it is:
 * adjustments) or `"previous"` (恢复 returns to the state held before 中止).
 */
export interface TransitionRule {
  action: ActionType;
  from: readonly TaskState[];
  to: TaskState | "same" | "previous";
  actors: readonly ActorKind[];
}

/**
 * 状态流转表. 退回 has two rows: the reviewer returns a closure request to 办理中 (with a comment), and
 * a lead unit that should not have got the task returns it before signing; it goes back to 待交办 so
 * the bureau can give it to the right unit. Leaders and co-units take no state actions: leaders
 * give 批示, co-units report to the lead unit.
 */
export const TRANSITION_RULES: readonly TransitionRule[] = [
  { action: "assign", from: ["pending"], to: "assigned", actors: ["bureau"] },
  { action: "accept", from: ["assigned"], to: "inProgress", actors: ["leadUnit"] },
  { action: "submitForReview", from: ["inProgress"], to: "underReview", actors: ["leadUnit"] },
  { action: "approve", from: ["underReview"], to: "closed", actors: ["bureau"] },
  { action: "return", from: ["underReview"], to: "inProgress", actors: ["bureau"] },
  { action: "return", from: ["assigned"], to: "pending", actors: ["leadUnit"] },
  { action: "requestAdjustment", from: ["assigned", "inProgress"], to: "same", actors: ["leadUnit"] },
  { action: "decideAdjustment", from: ["assigned", "inProgress"], to: "same", actors: ["bureau"] },
  {
    action: "suspend",
    from: ["pending", "assigned", "inProgress", "underReview"],
    to: "suspended",
    actors: ["bureau"],
  },
  { action: "resume", from: ["suspended"], to: "previous", actors: ["bureau"] },
];

/** What a transition changes on the task besides its state (only the fields it touches). */
export type TaskChanges = Partial<
  Pick<
    LedgerTask,
    "title" | "deadline" | "assignedAt" | "assignedBy" | "closedAt" | "pendingAdjustment" | "suspendedFrom"
  >
>;

/** What happened, for the task's history (留痕). */
export type LedgerEventDetail =
  | { type: "stateChanged"; from: TaskState; to: TaskState }
  | { type: "commented"; comment: string }
  | { type: "adjustmentRequested"; request: AdjustmentRequest }
  | { type: "adjustmentDecided"; isApproved: boolean; comment?: string }
  | { type: "deadlineChanged"; from: IsoDate; to: IsoDate }
  | { type: "titleChanged"; from: string; to: string };

/** 流转记录: one event with who, when and by which action. */
export type LedgerEvent = LedgerEventDetail & { action: ActionType; actor: LedgerActor; at: Date };

/**
 * Why a transition was refused. `kind` tells the service how to answer: `state` (wrong state — HTTP
 * 409 `invalid-transition`), `actor` (not this actor's action — 403), `precondition` (missing
 * evidence, comment, … — 409 as well, the task is not ready).
 */
export interface TransitionError {
  ok: false;
  kind: "state" | "actor" | "precondition";
  code: string;
  message: string;
}

/** A legal transition: the next state, the changed fields, the whole updated task and the events. */
export interface TransitionSuccess {
  ok: true;
  next: TaskState;
  changes: TaskChanges;
  task: LedgerTask;
  events: LedgerEvent[];
}

/** Result of `transition`. */
export type TransitionResult = TransitionSuccess | TransitionError;

function fail(kind: TransitionError["kind"], code: string, message: string): TransitionError {
  return { ok: false, kind, code, message };
}

/** The Chinese refusal for an action taken in the wrong state, e.g. "已销号的任务不能再销号". */
export function illegalStateMessage(state: TaskState, label: string): string {
  if (state === "closed") {
    return `已销号的任务不能再${label}`;
  }
  if (state === "suspended") {
    return `已中止的任务不能${label}，请先恢复`;
  }
  return `「${TASK_STATE_LABELS[state]}」的任务不能${label}`;
}

/** The transition rule for an action from a state, if any. */
export function ruleFor(action: ActionType, state: TaskState): TransitionRule | undefined {
  return TRANSITION_RULES.find((r) => r.action === action && r.from.includes(state));
}

/** Which actions `kind` may take on a task in `state` now (for showing buttons). */
export function availableActions(state: TaskState, kind: ActorKind): ActionType[] {
  return ACTION_TYPES.filter((a) => ruleFor(a, state)?.actors.includes(kind) === true);
}

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === "";

function closureProblem(task: LedgerTask): TransitionError | null {
  if (task.evidenceCount < 1) {
    return fail("precondition", "evidence-required", "销号须至少上传一份佐证材料");
  }
  if (!task.hasFinalReport) {
    return fail(
      "precondition",
      "final-report-required",
      "销号须先提交办结报告：报送进展时把进展填为 100%，即为办结报告",
    );
  }
  return null;
}

/**
 * 会签: a task with co-units goes to review only once every co-unit has confirmed the lead unit's
 * current 办结报告. Names the units still missing and those that objected.
 */
function coSignProblem(task: LedgerTask): TransitionError | null {
  const offs = task.coSignOffs ?? [];
  const missing = offs.filter((o) => o.verdict === null).map((o) => o.unit.name);
  const objected = offs.filter((o) => o.verdict === "object");
  if (missing.length === 0 && objected.length === 0) {
    return null;
  }
  const parts = [
    ...(missing.length === 0 ? [] : [`${missing.join("、")}尚未会签`]),
    ...objected.map((o) => `${o.unit.name}有异议${o.note.trim() === "" ? "" : `（${o.note.trim()}）`}`),
  ];
  return fail(
    "precondition",
    "co-sign-required",
    `提请销号须先由全部协办单位会签办结报告：${parts.join("；")}`,
  );
}

/**
 * 岗位分离: the person who 立项 or 交办 a task does not 销号 it; another reviewer must.
 */
export function separationProblem(
  task: Pick<LedgerTask, "createdBy" | "assignedBy">,
  userId: string,
): TransitionError | null {
  if (userId !== "" && (task.createdBy === userId || task.assignedBy === userId)) {
    return fail(
      "actor",
      "separation-of-duties",
      "您是该任务的立项人或交办人，不能为其销号：请由另一位有复核权限的同事复核销号",
    );
  }
  return null;
}

function preconditionProblem(task: LedgerTask, action: LedgerAction, today: IsoDate): TransitionError | null {
  switch (action.type) {
    case "assign":
      if (task.leadUnit.trim() === "") {
        return fail("precondition", "lead-unit-required", "交办前须确定牵头单位");
      }
      if (task.coUnits.includes(task.leadUnit)) {
        return fail("precondition", "lead-unit-in-co-units", "牵头单位不能同时列为协办单位");
      }
      if (!isIsoDate(task.deadline) || task.deadline < today) {
        return fail("precondition", "deadline-before-assignment", "截止日期不能早于交办日期");
      }
      return null;
    case "submitForReview":
      return closureProblem(task) ?? coSignProblem(task);
    case "approve":
      return closureProblem(task);
    case "return":
      return blank(action.comment) ? fail("precondition", "comment-required", "退回须填写退回意见") : null;
    case "suspend":
      return blank(action.reason) ? fail("precondition", "reason-required", "中止须说明理由") : null;
    case "requestAdjustment":
      return adjustmentProblem(task, action);
    case "decideAdjustment":
      if (task.pendingAdjustment === null) {
        return fail("precondition", "no-pending-adjustment", "该任务没有待审批的调整申请");
      }
      if (!action.isApproved && blank(action.comment)) {
        return fail("precondition", "comment-required", "不同意调整须说明理由");
      }
      return null;
    case "accept":
    case "resume":
      return null;
  }
}

function adjustmentProblem(
  task: LedgerTask,
  action: Extract<LedgerAction, { type: "requestAdjustment" }>,
): TransitionError | null {
  if (task.pendingAdjustment !== null) {
    return fail("precondition", "adjustment-pending", "已有调整申请待审批，不能重复申请");
  }
  if (blank(action.reason)) {
    return fail("precondition", "reason-required", "申请调整须说明理由");
  }
  if (action.newDeadline === undefined && blank(action.newTitle)) {
    return fail("precondition", "adjustment-empty", "申请调整须提出新的截止日期或新的任务表述");
  }
  if (action.newDeadline !== undefined) {
    if (!isIsoDate(action.newDeadline) || action.newDeadline <= task.deadline) {
      return fail("precondition", "deadline-not-later", "申请延期的新截止日期须晚于原截止日期");
    }
  }
  if (action.newTitle !== undefined && action.newTitle.trim() === task.title.trim()) {
    return fail("precondition", "title-unchanged", "新的任务表述与原表述相同");
  }
  return null;
}

function resumeTarget(task: LedgerTask): TaskState {
  const s = task.suspendedFrom;
  if (s !== null && s !== "closed" && s !== "suspended") {
    return s;
  }
  return task.assignedAt === null ? "pending" : "inProgress";
}

/**
 * 状态流转: checks the state, then the actor, then the preconditions, and returns the next state with
 * the changed fields and the events to record. `now` stamps the events; its China-time day is the
 * 交办 day and the day compared with deadlines.
 */
export function transition(
  task: LedgerTask,
  action: LedgerAction,
  actor: LedgerActor,
  now: Date,
): TransitionResult {
  const label = ACTION_LABELS[action.type];
  const rule = ruleFor(action.type, task.state);
  if (rule === undefined) {
    return fail("state", "invalid-transition", illegalStateMessage(task.state, label));
  }
  if (!rule.actors.includes(actor.kind)) {
    return fail("actor", "forbidden", `${ACTOR_KIND_LABELS[actor.kind]}不能${label}此任务`);
  }
  if (action.type === "approve") {
    const separation = separationProblem(task, actor.userId);
    if (separation !== null) {
      return separation;
    }
  }
  const today = chinaDate(now);
  const problem = preconditionProblem(task, action, today);
  if (problem !== null) {
    return problem;
  }
  const next = rule.to === "same" ? task.state : rule.to === "previous" ? resumeTarget(task) : rule.to;
  const changes: TaskChanges = {};
  const details: LedgerEventDetail[] = [];
  if (next !== task.state) {
    details.push({ type: "stateChanged", from: task.state, to: next });
  }
  switch (action.type) {
    case "assign":
      changes.assignedAt = today;
      changes.assignedBy = actor.userId;
      break;
    case "approve":
      changes.closedAt = now;
      if (!blank(action.comment)) {
        details.push({ type: "commented", comment: action.comment ?? "" });
      }
      break;
    case "return":
      details.push({ type: "commented", comment: action.comment });
      break;
    case "suspend":
      changes.suspendedFrom = task.state;
      details.push({ type: "commented", comment: action.reason });
      break;
    case "resume":
      changes.suspendedFrom = null;
      break;
    case "requestAdjustment": {
      const request: AdjustmentRequest = {
        reason: action.reason,
        requestedBy: actor.userId,
        requestedAt: now,
      };
      if (action.newDeadline !== undefined) {
        request.newDeadline = action.newDeadline;
      }
      if (!blank(action.newTitle)) {
        request.newTitle = action.newTitle?.trim() ?? "";
      }
      changes.pendingAdjustment = request;
      details.push({ type: "adjustmentRequested", request });
      break;
    }
    case "decideAdjustment": {
      const request = task.pendingAdjustment;
      changes.pendingAdjustment = null;
      const decided: LedgerEventDetail = { type: "adjustmentDecided", isApproved: action.isApproved };
      if (!blank(action.comment)) {
        decided.comment = action.comment ?? "";
      }
      details.push(decided);
      if (action.isApproved && request !== null) {
        if (request.newDeadline !== undefined) {
          changes.deadline = request.newDeadline;
          details.push({ type: "deadlineChanged", from: task.deadline, to: request.newDeadline });
        }
        if (request.newTitle !== undefined) {
          changes.title = request.newTitle;
          details.push({ type: "titleChanged", from: task.title, to: request.newTitle });
        }
      }
      break;
    }
    case "accept":
    case "submitForReview":
      break;
  }
  const events: LedgerEvent[] = details.map((d) => ({ ...d, action: action.type, actor, at: now }));
  return { ok: true, next, changes, task: { ...task, ...changes, state: next }, events };
}

/**
 * 确认序时进度完成: may this actor mark a milestone reached on `reachedOn`? The lead unit and bureau
 * staff may, once the task is 交办 and until it is 销号 or 中止, for a day from the 交办 day to today,
 * once per milestone.
 */
export function checkMilestoneReached(
  task: Pick<LedgerTask, "state" | "assignedAt">,
  milestone: Pick<Milestone, "title" | "reachedOn">,
  actor: Pick<LedgerActor, "kind">,
  reachedOn: IsoDate,
  today: IsoDate,
): { ok: true } | TransitionError {
  if (actor.kind !== "leadUnit" && actor.kind !== "bureau") {
    return fail("actor", "forbidden", "只有牵头单位和局督办人员可以确认序时进度完成");
  }
  if (task.state === "closed" || task.state === "suspended" || task.state === "pending") {
    return fail("state", "invalid-transition", illegalStateMessage(task.state, "确认序时进度完成"));
  }
  if (milestone.reachedOn !== null) {
    return fail(
      "precondition",
      "invalid-transition",
      `序时进度「${milestone.title}」已于${milestone.reachedOn}确认完成`,
    );
  }
  if (reachedOn > today) {
    return fail("precondition", "validation-failed", `完成日期${reachedOn}晚于今天，不能预先确认`);
  }
  if (task.assignedAt !== null && reachedOn < task.assignedAt) {
    return fail("precondition", "validation-failed", `完成日期${reachedOn}早于交办日期${task.assignedAt}`);
  }
  return { ok: true };
}

/**
 * 进展报送检查: may this actor report progress on the task now? Lead and co-units report while the
 * task is 办理中 or 待复核 (periods keep falling due during review).
 */
export function checkReport(
  task: Pick<LedgerTask, "state">,
  actor: Pick<LedgerActor, "kind">,
): { ok: true } | TransitionError {
  if (task.state === "closed") {
    return fail("state", "invalid-transition", "已销号的任务不能再提交进展");
  }
  if (task.state === "suspended") {
    return fail("state", "invalid-transition", "已中止的任务不能提交进展");
  }
  if (task.state === "pending" || task.state === "assigned") {
    return fail("state", "invalid-transition", "任务尚未签收，不能提交进展");
  }
  if (actor.kind !== "leadUnit" && actor.kind !== "coUnit") {
    return fail("actor", "forbidden", "只有牵头单位和协办单位可以报送进展");
  }
  return { ok: true };
}
