/**
 * 工作日: counting working days on China calendar days (`YYYY-MM-DD`). A working day is Monday to
 * Friday unless the calendar names it a public holiday (法定节假日), plus any weekend the calendar names
 * a 调休 working day. By default the official calendar of the years luoshi has (`china-holidays.ts`);
 * a year it lacks counts weekends only.
 */
import { CHINA_WORKING_CALENDAR } from "./china-holidays.ts";

/** 节假日安排: public holidays and 调休 working weekends, as China calendar days. */
export interface WorkingCalendar {
  holidays: readonly string[];
  workingWeekends: readonly string[];
}

/** A calendar with no holidays: Monday to Friday are working days. */
export const WEEKDAYS_ONLY: WorkingCalendar = { holidays: [], workingWeekends: [] };

const DAY_MS = 86_400_000;

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const indexed = new WeakMap<WorkingCalendar, { holidays: Set<string>; workingWeekends: Set<string> }>();

function indexOf(calendar: WorkingCalendar): { holidays: Set<string>; workingWeekends: Set<string> } {
  let sets = indexed.get(calendar);
  if (sets === undefined) {
    sets = { holidays: new Set(calendar.holidays), workingWeekends: new Set(calendar.workingWeekends) };
    indexed.set(calendar, sets);
  }
  return sets;
}

/** True when `day` is a working day under `calendar` (the official calendar unless given). */
export function isWorkingDay(day: string, calendar: WorkingCalendar = CHINA_WORKING_CALENDAR): boolean {
  const sets = indexOf(calendar);
  if (sets.holidays.has(day)) {
    return false;
  }
  if (sets.workingWeekends.has(day)) {
    return true;
  }
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Answers of `addWorkingDays` per calendar, by `day|n`: a 台账 asks the same few hundred days again and again. */
const answers = new WeakMap<WorkingCalendar, Map<string, string>>();
/** Entries kept per calendar before the memo starts afresh (a few years of days × every time limit). */
const MAX_ANSWERS = 20_000;

/**
 * The day `n` working days after `day` (n ≥ 0): the start day itself never counts, so a task given on
 * a Friday with two working days to sign is due on the Tuesday after. With n = 0 the answer is `day`.
 * Remembered per calendar: the 台账 computes the 签收时限 of every task of a county on each change.
 */
export function addWorkingDays(
  day: string,
  n: number,
  calendar: WorkingCalendar = CHINA_WORKING_CALENDAR,
): string {
  let memo = answers.get(calendar);
  if (memo === undefined) {
    memo = new Map();
    answers.set(calendar, memo);
  }
  const key = `${day}|${String(n)}`;
  const known = memo.get(key);
  if (known !== undefined) {
    return known;
  }
  let current = day;
  let left = n;
  while (left > 0) {
    current = shift(current, 1);
    if (isWorkingDay(current, calendar)) {
      left -= 1;
    }
  }
  if (memo.size >= MAX_ANSWERS) {
    memo.clear();
  }
  memo.set(key, current);
  return current;
}
