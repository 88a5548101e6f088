import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay } from "./working-days.ts";

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
