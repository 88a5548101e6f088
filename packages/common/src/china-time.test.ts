import { describe, expect, it } from "vitest";
import { chinaDate, chinaDateTimeText, endOfChinaDay, startOfChinaDay } from "./china-time.ts";

describe("China time", () => {
  // [instant (UTC), Beijing day, Beijing time]
  const table: [string, string, string][] = [
    ["2026-03-24T15:59:59.999Z", "2026-03-24", "2026-03-24 23:59"],
    ["2026-03-24T16:00:00.000Z", "2026-03-25", "2026-03-25 00:00"],
    ["2026-03-25T00:00:00.000Z", "2026-03-25", "2026-03-25 08:00"],
    ["2026-03-25T23:59:59.000Z", "2026-03-26", "2026-03-26 07:59"],
    ["2026-12-31T16:00:00.000Z", "2027-01-01", "2027-01-01 00:00"],
    ["2028-02-28T16:30:00.000Z", "2028-02-29", "2028-02-29 00:30"],
  ];
  it.each(table)("%s is %s (%s) in Beijing", (utc, day, text) => {
    expect(chinaDate(new Date(utc))).toBe(day);
    expect(chinaDateTimeText(new Date(utc))).toBe(text);
  });

  it("bounds a China day at 16:00 UTC", () => {
    expect(startOfChinaDay("2026-03-25").toISOString()).toBe("2026-03-24T16:00:00.000Z");
    expect(new Date(endOfChinaDay("2026-03-25")).toISOString()).toBe("2026-03-25T16:00:00.000Z");
  });

  it("puts exactly the instants before endOfChinaDay on or before that day", () => {
    const end = endOfChinaDay("2026-03-25");
    expect(chinaDate(new Date(end - 1))).toBe("2026-03-25");
    expect(chinaDate(new Date(end))).toBe("2026-03-26");
  });
});
