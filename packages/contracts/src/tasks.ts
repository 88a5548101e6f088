import { z } from "zod";
import {
  LIGHTS as LIGHT_VALUES,
  SENSITIVITY_LEVELS,
  REPORTING_FREQUENCIES as FREQUENCY_VALUES,
  TASK_PRIORITIES as PRIORITY_VALUES,
  TASK_STATES as TASK_STATE_VALUES,
} from "@luoshi/common";
import { PageQuery, StatsYear, pageOf } from "./common.ts";

export { FREQUENCY_VALUES, LIGHT_VALUES, PRIORITY_VALUES, TASK_STATE_VALUES };
export const TASK_ACTION_VALUES = [
  "assign",
  "accept",
  "submitForReview",
  "approve",
  "return",
  "suspend",
  "resume",
] as const;

const IsoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const UnitRef = z.object({ id: z.string(), name: z.string() });

/** A row of the 台账. */
export const TaskSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  planId: z.string().nullable(),
  clausePath: z.string().nullable(),
  leadUnit: UnitRef,
  coUnits: z.array(UnitRef),
  deadline: z.string(),
  state: z.enum(TASK_STATE_VALUES),
  stateLabel: z.string(),
  light: z.enum(LIGHT_VALUES),
  lightReason: z.string(),
  progress: z.number().int(),
  frequency: z.enum(FREQUENCY_VALUES),
  priority: z.enum(PRIORITY_VALUES),
  lastReportedPeriod: z.string().nullable(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

/** GET /api/tasks filters. `mine` limits to tasks where the user's unit is lead or co-unit. */
export const TaskListQuery = PageQuery.extend({
  planId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  state: z.enum(TASK_STATE_VALUES).optional(),
  light: z.enum(LIGHT_VALUES).optional(),
  deadlineBefore: IsoDate.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(["deadline", "-deadline", "light", "title"]).default("deadline"),
  mine: z.enum(["true", "false"]).optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export const TaskPage = pageOf(TaskSummary);
export type TaskPage = z.infer<typeof TaskPage>;

/** POST /api/tasks — from a plan node (督办依据) or by hand (领导交办, 会议议定). */
export const TaskCreateBody = z.strictObject({
  title: z.string().trim().min(1, { error: "请填写任务内容" }).max(500, { error: "任务内容最多 500 个字符" }),
  content: z.string().trim().max(5000).default(""),
  sourceKind: z.enum(["plan", "leader", "meeting", "other"]),
  planNodeId: z.uuid().optional(),
  sourceNote: z.string().trim().max(200).optional(),
  leadUnitId: z.uuid({ error: "请选择牵头单位" }),
  coUnitIds: z.array(z.uuid()).max(30).default([]),
  assignedOn: IsoDate.optional(),
  deadline: IsoDate,
  frequency: z.enum(FREQUENCY_VALUES).default("monthly"),
  priority: z.enum(PRIORITY_VALUES).default("normal"),
  milestones: z
    .array(z.strictObject({ title: z.string().trim().min(1).max(200), dueOn: IsoDate }))
    .max(24)
    .default([]),
  planTargetIds: z.array(z.uuid()).max(50).default([]),
});
export type TaskCreateBody = z.input<typeof TaskCreateBody>;

/** POST /api/tasks/:id/actions — a state transition. */
export const TaskActionBody = z.strictObject({
  action: z.enum(TASK_ACTION_VALUES),
  comment: z.string().trim().max(2000).optional(),
});
export type TaskActionBody = z.infer<typeof TaskActionBody>;

/** An evidence file, sent as base64 (at most 10 MB each). */
export const AttachmentUpload = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.base64({ error: "附件内容应为 base64 编码" }).max(14_000_000, { error: "附件超过 10 MB" }),
  /** 安全标记: only readers whose clearance reaches it may download the file (default 一般). */
  sensitivity: z.enum(SENSITIVITY_LEVELS).default("general"),
});

/** POST /api/tasks/:id/reports — a unit's report for a period (the lead's may consolidate). */
export const TaskReportBody = z.strictObject({
  period: z.string().regex(/^(\d{4}-(\d{2}|W\d{2}|Q[1-4])|once)$/, {
    error: "报送周期格式应为 2026-03、2026-W11、2026-Q1 或 once",
  }),
  progress: z.number().int().min(0).max(100),
  text: z.string().trim().min(1, { error: "请填写进展情况" }).max(5000),
  problems: z.string().trim().max(2000).default(""),
  nextSteps: z.string().trim().max(2000).default(""),
  isConsolidated: z.boolean().default(false),
  attachments: z.array(AttachmentUpload).max(10).default([]),
});
export type TaskReportBody = z.input<typeof TaskReportBody>;

/** POST /api/tasks/:id/instructions — a leader's 批示, or a unit's answer to one. */
export const TaskInstructionBody = z.strictObject({
  text: z.string().trim().min(1, { error: "请填写内容" }).max(2000),
  replyTo: z.uuid().optional(),
});

/** POST /api/tasks/:id/milestones/:milestoneId/reached — 确认序时进度完成, with the day and a note. */
export const MilestoneReachedBody = z.strictObject({
  reachedOn: IsoDate,
  note: z.string().trim().max(2000).optional(),
});
export type MilestoneReachedBody = z.infer<typeof MilestoneReachedBody>;

/** The task and milestone of POST /api/tasks/:id/milestones/:milestoneId/reached. */
export const MilestoneParams = z.object({ id: z.uuid(), milestoneId: z.uuid() });

/** POST /api/tasks/:id/adjustments — 申请调整. */
export const TaskAdjustmentBody = z.strictObject({
  newDeadline: IsoDate.optional(),
  newTitle: z.string().trim().min(1).max(500).optional(),
  reason: z.string().trim().min(1, { error: "请说明调整理由" }).max(2000),
});

/** POST /api/tasks/:id/adjustments/decision — approve or refuse the pending request. */
export const TaskAdjustmentDecisionBody = z.strictObject({
  isApproved: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});

/** The task page. */
export const TaskDetail = TaskSummary.extend({
  content: z.string(),
  sourceText: z.string().nullable(),
  planTitle: z.string().nullable(),
  assignedOn: z.string().nullable(),
  milestones: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueOn: z.string(),
      reachedOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  reports: z.array(
    z.object({
      id: z.string(),
      unit: UnitRef,
      period: z.string(),
      isConsolidated: z.boolean(),
      progress: z.number(),
      text: z.string(),
      problems: z.string(),
      nextSteps: z.string(),
      submittedAt: z.string(),
      attachments: z.array(z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number() })),
    }),
  ),
  events: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      actionLabel: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      comment: z.string().nullable(),
      actorLogin: z.string().nullable(),
      /** The person's name, shown in 办理过程 (null: the system). */
      actorName: z.string().nullable(),
    }),
  ),
  instructions: z.array(
    z.object({
      id: z.string(),
      replyTo: z.string().nullable(),
      author: z.string(),
      text: z.string(),
      at: z.string(),
    }),
  ),
  pendingAdjustment: z
    .object({ newDeadline: z.string().nullable(), newTitle: z.string().nullable(), reason: z.string() })
    .nullable(),
  availableActions: z.array(z.string()),
  canReport: z.boolean(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const MonthQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "月份格式应为 YYYY-MM" }),
});
export const YearQuery = z.object({ year: StatsYear });
