import { describe, expect, it } from "vitest";
import { StatsYear, StatsYearValue } from "./common.ts";

describe("统计年度: one rule for queries and bodies", () => {
  // [input, StatsYear (query) result or error, StatsYearValue (body) result or error]
  const table: [unknown, number | string, number | string][] = [
    ["2024", 2024, "统计年度应为整数"],
    [2024, 2024, 2024],
    ["2000", 2000, "统计年度应为整数"],
    [2100, 2100, 2100],
    ["1999", "统计年度不早于 2000", "统计年度应为整数"],
    [2101, "统计年度不晚于 2100", "统计年度不晚于 2100"],
    [2024.5, "统计年度应为整数", "统计年度应为整数"],
    ["abc", "统计年度应为整数", "统计年度应为整数"],
  ];
  const outcome = (r: { success: boolean; data?: number; error?: { issues: { message: string }[] } }) =>
    r.success ? r.data : r.error?.issues[0]?.message;

  it.each(table)("%j reads %j in a query and %j in a body", (input, query, body) => {
    expect(outcome(StatsYear.safeParse(input))).toBe(query);
    expect(outcome(StatsYearValue.safeParse(input))).toBe(body);
  });
});
