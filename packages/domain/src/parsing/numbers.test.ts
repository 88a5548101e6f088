import { describe, expect, it } from "vitest";
import { fiveYearPlanYears, parseChineseNumeral, parseDate, tidy } from "./numbers.ts";

describe("parseChineseNumeral", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十四", 14],
    ["二十三", 23],
    ["两", 2],
    ["一百零五", 105],
    ["三千", 3000],
    ["abc", null],
  ])("%s → %s", (input, expected) => {
    expect(parseChineseNumeral(input)).toBe(expected);
  });
});

describe("fiveYearPlanYears", () => {
  it.each([
    ["十三五", [2016, 2020]],
    ["十四五", [2021, 2025]],
    ["十五五", [2026, 2030]],
    ["五五", null],
  ])("%s → %j", (input, expected) => {
    expect(fiveYearPlanYears(input)).toEqual(expected);
  });
});

describe("parseDate", () => {
  it.each([
    ["2017年7月31日", "2017-07-31"],
    ["2019-12-04", "2019-12-04"],
    ["20211011", "2021-10-11"],
    ["二〇二一年十月十一日", "2021-10-11"],
    ["2021年2月30日", null],
    ["2021年", null],
  ])("%s → %s", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe("tidy", () => {
  it("removes binary noise from 万 scaling", () => {
    expect(tidy(24177.05 * 10000)).toBe(241770500);
  });
});
