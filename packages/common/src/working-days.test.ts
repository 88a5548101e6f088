import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, WEEKDAYS_ONLY } from "./working-days.ts";
import { CHINA_HOLIDAY_YEARS, holidayGap } from "./china-holidays.ts";

describe("working days", () => {
  it("skips weekends and does not count the start day", () => {
    // 2026-12-04 is a Friday
    expect(addWorkingDays("2026-12-04", 2)).toBe("2026-12-08");
    expect(addWorkingDays("2026-12-07", 2)).toBe("2026-12-09");
    expect(addWorkingDays("2026-12-05", 1)).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-07", 0)).toBe("2026-12-07");
  });

  it("follows the calendar's holidays and 调休 working weekends", () => {
    const calendar = { holidays: ["2026-10-01", "2026-10-02"], workingWeekends: ["2026-10-10"] };
    expect(isWorkingDay("2026-10-01", calendar)).toBe(false);
    expect(isWorkingDay("2026-10-10", calendar)).toBe(true);
    // 2026-09-30 is a Wednesday; Oct 1–2 are holidays, Oct 3–4 a weekend
    expect(addWorkingDays("2026-09-30", 1, calendar)).toBe("2026-10-05");
    expect(addWorkingDays("2026-10-08", 2, calendar)).toBe("2026-10-10");
  });
});

describe("the official calendar", () => {
  it("counts 2026's 国庆 and 春节 off and their 调休 weekends on, by default", () => {
    // 2026-09-30 (Wednesday) + 1 working day: 10-01…10-07 are off, 10-08 is Thursday
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
    // 10-10 is a Saturday worked instead (调休上班)
    expect(addWorkingDays("2026-10-09", 1)).toBe("2026-10-10");
    expect(isWorkingDay("2026-02-14")).toBe(true);
    expect(isWorkingDay("2026-02-16")).toBe(false);
    expect(addWorkingDays("2026-02-13", 2)).toBe("2026-02-24");
    // 2025: 春节 1-28…2-04, 1-26 (Sunday) worked
    expect(isWorkingDay("2025-01-26")).toBe(true);
    expect(addWorkingDays("2025-01-27", 1)).toBe("2025-02-05");
    // the weekdays-only calendar ignores all of that
    expect(addWorkingDays("2026-09-30", 1, WEEKDAYS_ONLY)).toBe("2026-10-01");
  });

  it("has every listed year's notice and says which years it lacks", () => {
    expect(CHINA_HOLIDAY_YEARS.map((y) => y.year)).toEqual([2025, 2026]);
    for (const y of CHINA_HOLIDAY_YEARS) {
      // every 调休 day is a weekend, every holiday block lies in its year
      for (const d of y.workingWeekends) {
        expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
      }
      expect(y.holidays.every(([a, b]) => a.startsWith(String(y.year)) && a <= b)).toBe(true);
    }
    expect(holidayGap("2026-12-20", "2026-12-31")).toBeNull();
    expect(holidayGap("2026-12-28", "2027-01-05")).toBe(
      "2027年的法定节假日安排尚未收录，按周一至周五计算工作日",
    );
  });
});
