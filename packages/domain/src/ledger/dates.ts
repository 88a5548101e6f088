/**
 * Calendar arithmetic for the ledger (台账) on ISO date strings, without a clock.
 *
 * Convention for the whole ledger module: calendar days (deadlines, milestones, due dates, `today`)
 * are ISO `YYYY-MM-DD` strings — what a PostgreSQL `date` column gives as text; instants (report
 * submitted, task closed, instruction given) are `Date` — what a `timestamptz` column gives. An instant
 * is placed on a calendar day in China Standard Time (UTC+08:00, no daylight saving), so a report sent
 * at 23:30 Beijing time on the 25th counts for the 25th.
 */

/** 日期: a calendar day as ISO `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar day written as `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) {
    return false;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 for an ISO date (NaN when malformed). */
export function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) {
    return Number.NaN;
  }
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Number of days in a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` from parts, zero-padded. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Year and month (1–12) of an ISO date or an ISO month `YYYY-MM`. */
export function yearMonth(date: string): { year: number; month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** First and last day of a month given as `YYYY-MM`. */
export function monthBounds(month: string): { start: IsoDate; end: IsoDate } {
  const { year, month: m } = yearMonth(month);
  return { start: isoDate(year, m, 1), end: isoDate(year, m, daysInMonth(year, m)) };
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week-year and week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const thursday = dayNumber(date) - isoWeekday(date) + 4;
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  const jan1 = dayNumber(isoDate(year, 1, 1));
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** The Monday of ISO week `week` of week-year `year`. */
export function isoWeekMonday(year: number, week: number): IsoDate {
  const jan4 = isoDate(year, 1, 4);
  const week1Monday = dayNumber(jan4) - isoWeekday(jan4) + 1;
  return fromDayNumber(week1Monday + (week - 1) * 7);
}

/** The earlier of two ISO dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two ISO dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
