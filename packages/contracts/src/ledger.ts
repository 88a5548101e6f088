/**
 * 月调度, 月通报 and 年度考核: the ledger's numbers for a month or a year, as the server sends them
 * (GET /api/ledger/dispatch, /bulletin, /scoreboard). Rates are fractions 0–1, unrounded, and null when
 * nothing was due; instants are ISO text, days `YYYY-MM-DD`.
 */
import { z } from "zod";

/** A unit as the views name it. */
export const LedgerUnitRef = z.object({ id: z.string(), name: z.string() });
export type LedgerUnitRef = z.infer<typeof LedgerUnitRef>;

/** Whether a report came: 按时, 迟报, 未报, or 未到期 (due after the 统计截止日). */
export const REPORT_STATUS_VALUES = ["onTime", "late", "missing", "notDue"] as const;
export type ReportStatus = (typeof REPORT_STATUS_VALUES)[number];

/** Reports owed, by status; `due` counts all of them, `received` those that came. */
export const ReportCounts = z.object({
  due: z.number().int(),
  received: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  notDue: z.number().int(),
});
export type ReportCounts = z.infer<typeof ReportCounts>;

/** One line of the 月调度 board: one report owed by one unit for one period. */
export const DispatchRow = z.object({
  taskId: z.string(),
  taskTitle: z.string(),
  unit: LedgerUnitRef,
  role: z.enum(["lead", "co"]),
  period: z.string(),
  periodLabel: z.string(),
  dueDate: z.string(),
  submittedAt: z.string().nullable(),
  status: z.enum(REPORT_STATUS_VALUES),
});
export type DispatchRow = z.infer<typeof DispatchRow>;

/** GET /api/ledger/dispatch?month= — 月调度: the reports due in a month, with the totals. */
export const DispatchBoard = z.object({
  month: z.string(),
  asOf: z.string(),
  rows: z.array(DispatchRow),
  totals: ReportCounts,
});
export type DispatchBoard = z.infer<typeof DispatchBoard>;

/** POST /api/ledger/reminders — how many 催报 reminders went out. */
export const ReminderResult = z.object({ sent: z.number().int() });
export type ReminderResult = z.infer<typeof ReminderResult>;

const count = z.number().int();

/** 通报总体情况. `closed` is cumulative; `overdue` and the lights count open tasks. */
export const BulletinSummary = z.object({
  total: count,
  closed: count,
  closedThisMonth: count,
  inProgress: count,
  suspended: count,
  overdue: count,
  red: count,
  yellow: count,
  blue: count,
  green: count,
  /** Reports whose due day falls in the month; `received` … `missing` break these down. */
  dueReports: count,
  /** Reports submitted within the month (by the 统计截止日), whatever period they are for. */
  receivedInMonth: count,
  received: count,
  onTime: count,
  late: count,
  missing: count,
});
export type BulletinSummary = z.infer<typeof BulletinSummary>;

/** 各单位落实情况: one unit's row of the bulletin. */
export const BulletinUnitRow = z.object({
  unit: LedgerUnitRef,
  tasks: count,
  leadTasks: count,
  onTime: count,
  overdue: count,
  closed: count,
  dueReports: count,
  onTimeReports: count,
  punctuality: z.number().nullable(),
});
export type BulletinUnitRow = z.infer<typeof BulletinUnitRow>;

/** A task line of the bulletin's lists, with its units (牵头 first) and the reason shown. */
export const BulletinTaskLine = z.object({
  taskId: z.string(),
  title: z.string(),
  units: z.array(z.string()),
  deadline: z.string(),
  daysOverdue: z.number(),
  isClosed: z.boolean(),
  reason: z.string(),
  latestProgress: z.string().nullable(),
});
export type BulletinTaskLine = z.infer<typeof BulletinTaskLine>;

/** A task closed (销号) in the month: 按期 or 逾期 by `daysOverdue` days. */
export const BulletinClosedLine = z.object({
  taskId: z.string(),
  title: z.string(),
  units: z.array(z.string()),
  deadline: z.string(),
  closedOn: z.string(),
  isOnTime: z.boolean(),
  daysOverdue: z.number().int(),
});
export type BulletinClosedLine = z.infer<typeof BulletinClosedLine>;

/** A 领导批示 of the month with its task's title. */
export const BulletinInstruction = z.object({
  taskId: z.string(),
  taskTitle: z.string(),
  author: z.string(),
  at: z.string(),
  date: z.string(),
  text: z.string(),
});
export type BulletinInstruction = z.infer<typeof BulletinInstruction>;

/**
 * Whose 月通报: the bureau's (`bureau`, all tasks of its jurisdiction) or, for a 责任单位 or 学校
 * account, that unit's own (`unit`, the tasks naming it, spoken of as 本单位). `name` is the bureau's or
 * unit's name, `title` the bulletin's title.
 */
export const BulletinHeading = z.object({
  scope: z.enum(["bureau", "unit"]),
  name: z.string(),
  title: z.string(),
});
export type BulletinHeading = z.infer<typeof BulletinHeading>;

/** GET /api/ledger/bulletin?month= — 月通报 of one month (400 for a month not yet begun). */
export const MonthlyBulletin = z.object({
  month: z.string(),
  heading: BulletinHeading,
  asOf: z.string(),
  summary: BulletinSummary,
  perUnit: z.array(BulletinUnitRow),
  overdueList: z.array(BulletinTaskLine),
  redList: z.array(BulletinTaskLine),
  yellowList: z.array(BulletinTaskLine),
  /** 本月销号任务, by closing day. */
  closedList: z.array(BulletinClosedLine),
  instructions: z.array(BulletinInstruction),
});
export type MonthlyBulletin = z.infer<typeof MonthlyBulletin>;

/**
 * 年度绩效 of one unit. `tasks`, `closed`, `closedOnTime` and `overdue` follow the 月通报's rule (tasks
 * it leads or helps with, whatever their deadline), so they match the December bulletin's row.
 */
export const UnitScore = z.object({
  unit: LedgerUnitRef,
  tasks: count,
  closed: count,
  closedOnTime: count,
  overdue: count,
  leadTasks: count,
  expected: count,
  completed: count,
  completedOnTime: count,
  completionRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  dueReports: count,
  onTimeReports: count,
  punctuality: z.number().nullable(),
});
export type UnitScore = z.infer<typeof UnitScore>;

/** GET /api/ledger/scoreboard?year= — 年度考核: the units' scores, in unit order. */
export const Scoreboard = z.array(UnitScore);
export type Scoreboard = z.infer<typeof Scoreboard>;
