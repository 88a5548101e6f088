/**
 * 法定节假日 and 调休上班日 of mainland China, as the 国务院办公厅 publishes them each November for the
 * next year (国务院办公厅关于 YYYY 年部分节假日安排的通知). Each year is data: the days off (放假, including
 * the weekend days inside a holiday block) and the weekend days worked instead (调休上班). A year that is
 * not listed here has no official schedule in luoshi yet: its working days are Monday to Friday, and
 * {@link holidayGap} says so in words to show beside a computed time limit. Sources: docs/supervision.md.
 */
/** One year's schedule as the notice gives it. */
export interface HolidayYear {
  year: number;
  /** The notice: title, 文号 when known, and date. */
  source: string;
  /** Holiday blocks as inclusive ranges of China calendar days. */
  holidays: readonly (readonly [string, string])[];
  /** 调休上班: weekend days that are working days. */
  workingWeekends: readonly string[];
}

/** The years luoshi has the official schedule of. */
export const CHINA_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2025,
    source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）",
    holidays: [
      ["2025-01-01", "2025-01-01"],
      ["2025-01-28", "2025-02-04"],
      ["2025-04-04", "2025-04-06"],
      ["2025-05-01", "2025-05-05"],
      ["2025-05-31", "2025-06-02"],
      ["2025-10-01", "2025-10-08"],
    ],
    workingWeekends: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  {
    year: 2026,
    source: "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
    holidays: [
      ["2026-01-01", "2026-01-03"],
      ["2026-02-15", "2026-02-23"],
      ["2026-04-04", "2026-04-06"],
      ["2026-05-01", "2026-05-05"],
      ["2026-06-19", "2026-06-21"],
      ["2026-09-25", "2026-09-27"],
      ["2026-10-01", "2026-10-07"],
    ],
    workingWeekends: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
];

const DAY_MS = 86_400_000;

function daysOf([from, to]: readonly [string, string]): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The official calendar of every listed year: what every 工作日 clock of luoshi counts with. */
export const CHINA_WORKING_CALENDAR: { holidays: readonly string[]; workingWeekends: readonly string[] } = {
  holidays: CHINA_HOLIDAY_YEARS.flatMap((y) => y.holidays.flatMap(daysOf)),
  workingWeekends: CHINA_HOLIDAY_YEARS.flatMap((y) => y.workingWeekends),
};

/**
 * For a span of days (from `from` to `to`), the note to show when a year of it has no official schedule
 * in luoshi: 2027年的节假日安排尚未收录，按周一至周五计算工作日. Null when every year is covered.
 */
export function holidayGap(from: string, to: string): string | null {
  const known = new Set(CHINA_HOLIDAY_YEARS.map((y) => y.year));
  const missing: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    if (!known.has(year)) {
      missing.push(year);
    }
  }
  return missing.length === 0
    ? null
    : `${missing.map((y) => `${String(y)}年`).join("、")}的法定节假日安排尚未收录，按周一至周五计算工作日`;
}
