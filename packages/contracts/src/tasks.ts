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
/** 督办升级 levels: 催办 (黄灯), 督办通知 (红灯), 约谈/问责 (逾期未改). */
export const ESCALATION_LEVELS = ["urge", "notice", "interview"] as const;

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
  /** The highest 督办升级 recorded for the task (约谈 > 督办通知 > 催办), null when none. */
  escalation: z.enum(ESCALATION_LEVELS).nullable(),
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

/** 会签 of the lead unit's 办结报告, as the task page shows it. */
export const CoSignOffView = z.object({
  unit: UnitRef,
  verdict: z.enum(["confirm", "object"]).nullable(),
  note: z.string(),
  signer: z.string().nullable(),
  signedAt: z.string().nullable(),
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
      /** The actor's name as people know it (login names are not shown). */
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
  /** 督办记录: 催办, 督办通知 and 约谈/问责 written by 运行督办升级, oldest first. */
  escalations: z.array(
    z.object({
      id: z.string(),
      level: z.enum(ESCALATION_LEVELS),
      levelLabel: z.string(),
      reason: z.string(),
      dueDay: z.string(),
      unit: z.string(),
      subject: z.string().nullable(),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** 签收时限: the last day to 签收 (null before 交办). */
  acceptBy: z.string().nullable(),
  acceptWithinDays: z.number().int(),
  /** Said when a year the 签收时限 spans has no official holiday schedule in luoshi (weekends only). */
  acceptByNote: z.string().nullable().optional(),
  /** 会签 of the lead unit's current 办结报告 by each co-unit (empty without co-units). */
  coSignOffs: z.array(CoSignOffView),
  hasFinalReport: z.boolean(),
  /** The user's unit is a co-unit that may 会签 now. */
  canSignOff: z.boolean(),
  /** The user may edit or 改派 the task. */
  canEdit: z.boolean(),
  /** Why this reviewer may not 销号 the task (岗位分离: they created or assigned it), or null. */
  closeRefusal: z.string().nullable(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const MonthQuery = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "月份格式应为 YYYY-MM" }),
});
export const YearQuery = z.object({ year: StatsYear });

/** POST /api/tasks/:id/sign-offs — a co-unit's 会签: confirm, or object with a note. */
export const TaskSignOffBody = z
  .strictObject({
    verdict: z.enum(["confirm", "object"]),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((b) => b.verdict === "confirm" || b.note !== "", {
    error: "提出异议须说明理由",
    path: ["note"],
  });
export type TaskSignOffBody = z.input<typeof TaskSignOffBody>;

/** PATCH /api/tasks/:id — edit a task or 改派 it to other units (only the fields sent change). */
export const TaskEditBody = z
  .strictObject({
    title: z.string().trim().min(1, { error: "请填写任务内容" }).max(500).optional(),
    content: z.string().trim().max(5000).optional(),
    leadUnitId: z.uuid({ error: "请选择牵头单位" }).optional(),
    coUnitIds: z.array(z.uuid()).max(30).optional(),
    deadline: IsoDate.optional(),
    frequency: z.enum(FREQUENCY_VALUES).optional(),
    priority: z.enum(PRIORITY_VALUES).optional(),
    acceptWithinDays: z.number().int().min(1).max(30).optional(),
    reason: z.string().trim().min(1, { error: "请说明修改或改派的理由" }).max(2000),
  })
  .refine((b) => Object.keys(b).some((k) => k !== "reason"), { error: "没有要修改的内容" });
export type TaskEditBody = z.input<typeof TaskEditBody>;

/**
 * One row of a batch 立项: a clause of the confirmed plan with its units, deadline and cycle. The lead is
 * one unit, or a unit group (`leadGroup`, e.g. 各乡镇): then the row becomes one task per member of the
 * group, each member its lead, the co-units the same on each.
 */
export const TaskBatchRow = z
  .strictObject({
    planNodeId: z.uuid(),
    title: z
      .string()
      .trim()
      .min(1, { error: "请填写任务内容" })
      .max(500, { error: "任务内容最多 500 个字符" }),
    leadUnitId: z.uuid({ error: "请选择牵头单位" }).optional(),
    leadGroup: z.string().trim().min(1).max(50, { error: "单位组名称最多 50 个字符" }).optional(),
    coUnitIds: z.array(z.uuid()).max(30).default([]),
    deadline: IsoDate,
    frequency: z.enum(FREQUENCY_VALUES).default("monthly"),
    priority: z.enum(PRIORITY_VALUES).default("normal"),
    acceptWithinDays: z.number().int().min(1).max(30).default(2),
  })
  .refine((r) => (r.leadUnitId === undefined) !== (r.leadGroup === undefined), {
    error: "请选择牵头单位（或单位组）",
    path: ["leadUnitId"],
  });

/** POST /api/tasks/batch — 批量立项 from one confirmed plan: all rows or none. */
export const TaskBatchBody = z.strictObject({
  planId: z.uuid(),
  rows: z.array(TaskBatchRow).min(1, { error: "请至少选择一条规划条目" }).max(300),
});
export type TaskBatchBody = z.input<typeof TaskBatchBody>;
export const TaskBatchResult = z.object({ created: z.number().int(), taskIds: z.array(z.string()) });
export type TaskBatchResult = z.infer<typeof TaskBatchResult>;

/** One notification (消息). */
export const NotificationView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  text: z.string(),
  taskId: z.string().nullable(),
  taskTitle: z.string().nullable(),
  createdAt: z.string(),
  isRead: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;
export const NotificationPage = pageOf(NotificationView).extend({ unread: z.number().int() });
export type NotificationPage = z.infer<typeof NotificationPage>;
export const NotificationQuery = PageQuery.extend({ unread: z.enum(["true", "false"]).optional() });
export const UnreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;
export const NotificationReadBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) });
export const NotificationReadResult = z.object({ marked: z.number().int() });

/** 工作台: one to-do item with where it is done. */
export const WorkItem = z.object({
  kind: z.enum(["assign", "accept", "report", "co-sign", "review", "red", "notifications"]),
  title: z.string(),
  detail: z.string(),
  link: z.string(),
  due: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type WorkItem = z.infer<typeof WorkItem>;
/** GET /api/workbench — the user's to-do list, grouped by kind in this order. */
export const Workbench = z.object({
  groups: z.array(z.object({ kind: WorkItem.shape.kind, label: z.string(), items: z.array(WorkItem) })),
  total: z.number().int(),
});
export type Workbench = z.infer<typeof Workbench>;
