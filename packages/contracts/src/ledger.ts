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
  lateReports: count,
  missingReports: count,
  punctuality: z.number().nullable(),
});
export type UnitScore = z.infer<typeof UnitScore>;

/** GET /api/ledger/scoreboard?year= — 年度考核: the units' scores, in unit order. */
export const Scoreboard = z.array(UnitScore);
export type Scoreboard = z.infer<typeof Scoreboard>;

/** A unit's row of an issued bulletin's ranked table: the 月通报 row with its 名次. */
export const RankedUnitRow = BulletinUnitRow.extend({ rank: count });
export type RankedUnitRow = z.infer<typeof RankedUnitRow>;

const shortText = (max: number) => z.string().trim().min(1).max(max);

/** A 主送 list: unit or group names as written on the 公文 (各乡镇中心学校, 局机关各股室 …). */
export const Recipients = z.array(shortText(60)).max(50);

/** POST /api/ledger/bulletins — 印发 a month's bulletin; 表扬/批评 default to the generated texts. */
export const IssueBulletinBody = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "月份格式应为 YYYY-MM" }),
  recipients: Recipients.optional(),
  praise: z.string().trim().max(2000).optional(),
  criticism: z.string().trim().max(2000).optional(),
});
export type IssueBulletinBody = z.infer<typeof IssueBulletinBody>;

/** An issued (印发) bulletin as the 已印发 list shows it. */
export const IssuedBulletin = z.object({
  id: z.string(),
  month: z.string(),
  year: count,
  serial: count,
  docNumber: z.string(),
  title: z.string(),
  recipients: z.array(z.string()),
  sha256: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
});
export type IssuedBulletin = z.infer<typeof IssuedBulletin>;

/** GET /api/ledger/bulletins — the issued bulletins, newest 期 first. */
export const IssuedBulletinList = z.array(IssuedBulletin);
export type IssuedBulletinList = z.infer<typeof IssuedBulletinList>;

/** GET /api/ledger/bulletins/:id — an issued bulletin with the figures frozen when it was issued. */
export const IssuedBulletinDetail = IssuedBulletin.extend({
  bulletin: MonthlyBulletin,
  ranked: z.array(RankedUnitRow),
  praise: z.string(),
  criticism: z.string(),
});
export type IssuedBulletinDetail = z.infer<typeof IssuedBulletinDetail>;

/**
 * GET /api/ledger/bulletins/draft?month= — what 印发 would give now: the next 期号 and 发文字号, the
 * default 主送, 表扬 and 批评 texts and the ranked table; `issued` when the month is already issued,
 * `blocked` (a Chinese reason) when it may not be issued yet.
 */
export const BulletinIssueDraft = z.object({
  month: z.string(),
  serial: count,
  docNumber: z.string(),
  recipients: z.array(z.string()),
  praise: z.string(),
  criticism: z.string(),
  ranked: z.array(RankedUnitRow),
  issued: IssuedBulletin.nullable(),
  blocked: z.string().nullable(),
});
export type BulletinIssueDraft = z.infer<typeof BulletinIssueDraft>;

const points = z.number().min(0).max(100);

/** 年度考核 scheme: 基础分, task weights (default and per task id) and the points off per item. */
export const AssessmentScheme = z.object({
  base: z.number().min(1).max(1000),
  defaultWeight: z.number().min(0).max(10),
  taskWeights: z.record(z.uuid(), z.number().min(0).max(10)),
  deductions: z.object({
    lateReport: points,
    missingReport: points,
    redLight: points,
    overdueOpen: points,
    interview: points,
  }),
});
export type AssessmentScheme = z.infer<typeof AssessmentScheme>;

/**
 * GET/PUT /api/ledger/settings — 督办设置 of the bureau: 发文字号 prefix (崆教督通 → 崆教督通〔2026〕3号),
 * default 主送, working days after the deadline before 约谈, and the 年度考核 scheme.
 */
export const LedgerSettings = z.object({
  docPrefix: shortText(30),
  recipients: Recipients,
  interviewAfterWorkingDays: z.number().int().min(1).max(60),
  assessment: AssessmentScheme,
});
export type LedgerSettings = z.infer<typeof LedgerSettings>;

/** POST /api/ledger/escalations — 运行督办升级: records written now (0 on a repeated run). */
export const EscalationRunResult = z.object({
  urge: count,
  notice: count,
  interview: count,
  notifications: count,
});
export type EscalationRunResult = z.infer<typeof EscalationRunResult>;

const assessmentCounts = z.object({
  lateReports: z.number(),
  missingReports: z.number(),
  redTasks: z.number(),
  overdueOpen: z.number(),
  interviews: z.number(),
});

/** GET /api/ledger/assessment?year= — 年度考核 under the bureau's scheme, ranked. */
export const Assessment = z.object({
  year: count,
  asOf: z.string(),
  scheme: AssessmentScheme,
  rows: z.array(
    z.object({
      rank: count,
      score: z.number(),
      unit: LedgerUnitRef,
      tally: UnitScore,
      counts: assessmentCounts,
      deductions: assessmentCounts,
    }),
  ),
});
export type Assessment = z.infer<typeof Assessment>;
