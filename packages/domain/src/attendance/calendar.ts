/**
 * The school calendar the rules count school days on: Monday to Friday, less public holidays, plus 调休
 * working weekends. Until the bureau's own per-year calendar (the shared working-day calendar) is kept in
 * the database, the rules use the national holiday arrangement below.
 */
import type { WorkingCalendar } from "@luoshi/common";

/**
 * 2024 秋季学期's school calendar (国务院办公厅's 2024 holiday notice): 中秋 9月15–17日 off with 9月14日
 * worked, 国庆 10月1–7日 off with 9月29日 and 10月12日 worked; 2025 元旦 1月1日 off.
 */
const CALENDAR_2024_25: WorkingCalendar = {
  holidays: [
    "2024-09-16",
    "2024-09-17",
    "2024-10-01",
    "2024-10-02",
    "2024-10-03",
    "2024-10-04",
    "2024-10-07",
    "2025-01-01",
  ],
  workingWeekends: ["2024-09-14", "2024-09-29", "2024-10-12"],
};

/** The calendar the risk rules and the demo term use. */
export const SCHOOL_CALENDAR: WorkingCalendar = CALENDAR_2024_25;
