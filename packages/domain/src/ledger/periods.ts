/**
 * 报送周期 (reporting periods): which reports a task owes between its 交办 day and its deadline, when
 * each is due, and whether a report came on time.
 *
 * Period keys: `2026-03` (month), `2026-W11` (ISO 8601 week, Monday to Sunday), `2026-Q1` (quarter),
 * `once` (one report for the whole task).
 *
 * Due dates (configurable, see `PeriodOptions`): a monthly report is due on the 25th of its own month
 * (每月25日前报送当月进展, so the month-end 月调度 has it); a quarterly report on the 25th of the
 * quarter's last month; a weekly report on the Friday of its week; a one-off report on the deadline. A
 * due date never falls after the task's deadline (the last report is due by the deadline at the latest),
 * and a period whose due date is before the 交办 day is not owed.
 */
import { chinaDate } from "@luoshi/common";
import {
  addDays,
  daysInMonth,
  isIsoDate,
  isoDate,
  isoWeek,
  isoWeekMonday,
  minDate,
  monthBounds,
  yearMonth,
  type IsoDate,
} from "./dates.ts";
import type { ReportingFrequency } from "./types.ts";

/** 报送期: a period's key, its calendar bounds and the report's due date. */
export interface ReportingPeriod {
  key: string;
  start: IsoDate;
  end: IsoDate;
  dueDate: IsoDate;
}

/** When reports fall due. Days past a month's end are clamped to its last day. */
export interface PeriodOptions {
  /** Day of the month a monthly report is due (default 25). */
  monthlyDueDay: number;
  /** Day of the quarter's last month a quarterly report is due (default 25). */
  quarterlyDueDay: number;
  /** ISO weekday (1 Monday … 7 Sunday) a weekly report is due in its week (default 5, Friday). */
  weeklyDueWeekday: number;
}

/** The house defaults: monthly and quarterly on the 25th, weekly on Friday. */
export const DEFAULT_PERIOD_OPTIONS: PeriodOptions = {
  monthlyDueDay: 25,
  quarterlyDueDay: 25,
  weeklyDueWeekday: 5,
};

const clampDay = (year: number, month: number, day: number): number =>
  Math.min(Math.max(1, Math.trunc(day)), daysInMonth(year, month));

/** 所属报送期: the period key a calendar day falls in (`once` for one-off tasks). */
export function periodKeyOf(date: IsoDate, frequency: ReportingFrequency): string {
  const { year, month } = yearMonth(date);
  switch (frequency) {
    case "monthly":
      return date.slice(0, 7);
    case "quarterly":
      return `${String(year)}-Q${String(Math.ceil(month / 3))}`;
    case "weekly": {
      const w = isoWeek(date);
      return `${String(w.year)}-W${String(w.week).padStart(2, "0")}`;
    }
    case "once":
      return "once";
  }
}

/** The calendar bounds of a period key (null for `once` or a malformed key). */
export function periodBounds(key: string): { start: IsoDate; end: IsoDate } | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? monthBounds(key) : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const last = Number(m[2]) * 3;
    return { start: isoDate(year, last - 2, 1), end: isoDate(year, last, daysInMonth(year, last)) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    const start = isoWeekMonday(Number(m[1]), Number(m[2]));
    return { start, end: addDays(start, 6) };
  }
  return null;
}

function naturalDue(key: string, frequency: ReportingFrequency, end: IsoDate, o: PeriodOptions): IsoDate {
  const { year, month } = yearMonth(end);
  switch (frequency) {
    case "monthly":
      return isoDate(year, month, clampDay(year, month, o.monthlyDueDay));
    case "quarterly":
      return isoDate(year, month, clampDay(year, month, o.quarterlyDueDay));
    case "weekly": {
      const weekday = Math.min(7, Math.max(1, Math.trunc(o.weeklyDueWeekday)));
      return addDays(periodBounds(key)?.start ?? end, weekday - 1);
    }
    case "once":
      return end;
  }
}

/**
 * 应报送期: every period a task owes a report for, in order, from its 交办 day to its deadline. Empty
 * when the dates are malformed or the deadline comes before the assignment.
 */
export function reportingPeriods(
  frequency: ReportingFrequency,
  assignedAt: IsoDate,
  deadline: IsoDate,
  options: Partial<PeriodOptions> = {},
): ReportingPeriod[] {
  if (!isIsoDate(assignedAt) || !isIsoDate(deadline) || deadline < assignedAt) {
    return [];
  }
  if (frequency === "once") {
    return [{ key: "once", start: assignedAt, end: deadline, dueDate: deadline }];
  }
  const o = { ...DEFAULT_PERIOD_OPTIONS, ...options };
  const periods: ReportingPeriod[] = [];
  let day = assignedAt;
  while (day <= deadline) {
    const key = periodKeyOf(day, frequency);
    const bounds = periodBounds(key);
    if (bounds === null) {
      break;
    }
    const dueDate = minDate(naturalDue(key, frequency, bounds.end, o), deadline);
    if (dueDate >= assignedAt) {
      periods.push({ key, start: bounds.start, end: bounds.end, dueDate });
    }
    day = addDays(bounds.end, 1);
  }
  return periods;
}

/** 报送情况: on time, late, missing (due date passed, nothing sent) or not yet due. */
export type ReportTimeliness = "onTime" | "late" | "missing" | "notDue";

/** Chinese names of the report timeliness values. */
export const TIMELINESS_LABELS: Record<ReportTimeliness, string> = {
  onTime: "按时",
  late: "迟报",
  missing: "未报",
  notDue: "未到期",
};

/**
 * Whether a report was on time: sent on or before the due day (China time) is on time, after it late;
 * not sent is missing once `today` is past the due day, otherwise not yet due (due today is not missing).
 */
export function reportTimeliness(
  dueDate: IsoDate,
  submittedAt: Date | null,
  today: IsoDate,
): ReportTimeliness {
  if (submittedAt !== null) {
    return chinaDate(submittedAt) <= dueDate ? "onTime" : "late";
  }
  return today > dueDate ? "missing" : "notDue";
}

const QUARTER_NAMES = ["一", "二", "三", "四"];

/** A period key in Chinese: `2026-03` → 2026年3月, `2026-W11` → 2026年第11周, `2026-Q1` → 2026年第一季度. */
export function periodLabel(key: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    return `${m[1] ?? ""}年${String(Number(m[2]))}月`;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    return `${m[1] ?? ""}年第${QUARTER_NAMES[Number(m[2]) - 1] ?? ""}季度`;
  }
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    return `${m[1] ?? ""}年第${String(Number(m[2]))}周`;
  }
  return key === "once" ? "办结时" : key;
}
