/**
 * 北京时间: instants (a `timestamptz`, a `Date`) are placed on China calendar days and clock times in
 * China Standard Time — UTC+08:00 all year, no daylight saving — whatever zone the server or browser
 * runs in, because the bureaus read dates and deadlines in Beijing time. A report sent at 23:30 Beijing
 * time on the 25th (15:30 UTC) counts for the 25th.
 */

/** China Standard Time's offset from UTC in milliseconds (UTC+08:00). */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;

const DAY_MS = 86_400_000;

/** The instant shifted so that its UTC fields read as Beijing wall-clock time. */
function chinaWallClock(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString();
}

/** 北京时间日期: the calendar day (`YYYY-MM-DD`) of an instant in China. */
export function chinaDate(instant: Date): string {
  return chinaWallClock(instant).slice(0, 10);
}

/** `2026-11-23 21:08`: the instant's Beijing date and time to the minute, as printed in reports. */
export function chinaDateTimeText(instant: Date): string {
  const local = chinaWallClock(instant);
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** The instant a China calendar day (`YYYY-MM-DD`) begins: 00:00 Beijing time, 16:00 UTC the day before. */
export function startOfChinaDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The instant (ms) a China calendar day ends: `chinaDate(t) <= day` exactly when `t < endOfChinaDay(day)`. */
export function endOfChinaDay(day: string): number {
  return startOfChinaDay(day).getTime() + DAY_MS;
}
