/**
 * Plain data of the task ledger (督办台账), shaped to be filled straight from SQL rows: ids are
 * strings, calendar days ISO `YYYY-MM-DD` strings, instants `Date` (see `dates.ts`).
 */
import { TASK_STATES, type REPORTING_FREQUENCIES, type TASK_PRIORITIES } from "@luoshi/common";
import type { IsoDate } from "./dates.ts";

/** 任务状态: 待交办 → 已交办(待签收) → 办理中 → 待复核 → 已销号, or 中止. */
export type TaskState = (typeof TASK_STATES)[number];

/** Every task state, in life order. */
export { TASK_STATES };

/** Chinese names of the task states. */
export const TASK_STATE_LABELS: Record<TaskState, string> = {
  pending: "待交办",
  assigned: "已交办（待签收）",
  inProgress: "办理中",
  underReview: "待复核",
  closed: "已销号",
  suspended: "已中止",
};

/** 报送频次: how often the units report progress. Monthly is the default. */
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** Chinese names of the reporting frequencies. */
export const FREQUENCY_LABELS: Record<ReportingFrequency, string> = {
  monthly: "按月",
  weekly: "按周",
  quarterly: "按季",
  once: "一次性",
};

/** 优先级. */
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Chinese names of the priorities. */
export const PRIORITY_LABELS: Record<TaskPriority, string> = { high: "重点", normal: "一般", low: "较低" };

/**
 * 督办依据: a task comes from a plan node (the plan's title and the clause path, e.g. "三、（二）2") or
 * is created by hand — 领导交办 (`leader`) or 会议议定 (`meeting`), with an optional note such as the
 * meeting's name.
 */
export type TaskSource =
  | { kind: "plan"; planTitle: string; clausePath: string; planNodeId?: string }
  | { kind: "leader" | "meeting"; note?: string };

/**
 * 里程碑 (序时进度): a dated sub-goal of a task; `reachedOn` is the day the lead unit or the bureau
 * marked it reached (null while it is not).
 */
export interface Milestone {
  title: string;
  dueDate: IsoDate;
  reachedOn: IsoDate | null;
}

/**
 * 调整申请: a pending request to extend the deadline and/or reword the task. At least one of
 * `newDeadline` (after the current one) and `newTitle` is set.
 */
export interface AdjustmentRequest {
  newDeadline?: IsoDate;
  newTitle?: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

/**
 * 督办任务 (ledger task). `leadUnit` (牵头单位) and `coUnits` (协办单位, in order) are org-unit ids;
 * each of them owes a report for every reporting period. `assignedAt` is the 交办 day (null while
 * 待交办). `evidenceCount` and `hasFinalReport` are what 销号 needs; `suspendedFrom` is the state a
 * 中止 task returns to on 恢复.
 */
export interface LedgerTask {
  id: string;
  title: string;
  source: TaskSource;
  leadUnit: string;
  coUnits: readonly string[];
  assignedAt: IsoDate | null;
  deadline: IsoDate;
  frequency: ReportingFrequency;
  milestones: readonly Milestone[];
  priority: TaskPriority;
  /** 服务的规划目标: texts or ids of the plan targets the task serves. */
  targets: readonly string[];
  state: TaskState;
  closedAt: Date | null;
  pendingAdjustment: AdjustmentRequest | null;
  evidenceCount: number;
  hasFinalReport: boolean;
  suspendedFrom: TaskState | null;
  /** 立项人 and 交办人 (user ids): neither may 销号 the task (岗位分离). Absent: not known. */
  createdBy?: string | null;
  assignedBy?: string | null;
  /** 签收时限: the last day the lead unit may 签收 (absent or null: no limit). */
  acceptBy?: IsoDate | null;
  /**
   * 会签: each co-unit's verdict on the lead unit's current 办结报告 (null: not yet signed). 提请销号
   * needs every co-unit's `confirm`. Absent or empty: no co-units to sign.
   */
  coSignOffs?: readonly CoSignOff[];
}

/** 会签意见 of one co-unit on the lead unit's 办结报告. */
export interface CoSignOff {
  unit: LedgerUnit;
  verdict: "confirm" | "object" | null;
  note: string;
}

/**
 * 进展报送: one unit's report for one period (`period` key as from `periodKeyOf`: `2026-03`,
 * `2026-W11`, `2026-Q1`, `once`). The lead unit's report is the task's consolidated report; `percent`
 * is the task's overall progress 0–100 as that unit sees it.
 */
export interface ProgressReport {
  taskId: string;
  unitId: string;
  period: string;
  submittedAt: Date;
  percent: number;
  text: string;
}

/** 领导批示 on a task. */
export interface Instruction {
  taskId: string;
  author: string;
  at: Date;
  text: string;
}

/** 单位: an org unit as the ledger shows it. */
export interface LedgerUnit {
  id: string;
  name: string;
}
