import { describe, expect, it } from "vitest";
import {
  filterLedgerRows,
  matchesTaskFilters,
  selectLedgerRows,
  sortLedgerRows,
  type LedgerFilters,
  type LedgerSort,
} from "./ledger-list.ts";
import type { Light } from "./lights.ts";
import type { TaskState } from "./types.ts";

const row = (title: string, state: TaskState, deadline: string, light: Light) => ({
  t: { title, state, deadline },
  light: { light },
});

const ROWS = [
  row("改扩建食堂", "inProgress", "2026-06-30", "green"),
  row("Budget 资金下达", "assigned", "2026-03-31", "red"),
  row("安全检查", "closed", "2026-01-15", "grey"),
  row("薄弱学校改造", "inProgress", "2026-03-31", "yellow"),
  row("教师培训", "underReview", "2026-09-01", "blue"),
];
const titles = (rows: readonly { t: { title: string } }[]) => rows.map((r) => r.t.title);

describe("selectLedgerRows", () => {
  it.each<[string, LedgerFilters, string[]]>([
    ["no filter", {}, ["安全检查", "Budget 资金下达", "薄弱学校改造", "改扩建食堂", "教师培训"]],
    ["a state", { state: "inProgress" }, ["薄弱学校改造", "改扩建食堂"]],
    ["a light", { light: "red" }, ["Budget 资金下达"]],
    [
      "a deadline (inclusive)",
      { deadlineBefore: "2026-03-31" },
      ["安全检查", "Budget 资金下达", "薄弱学校改造"],
    ],
    ["text, case-insensitive", { text: "budget" }, ["Budget 资金下达"]],
    ["text and state together", { text: "改", state: "inProgress" }, ["薄弱学校改造", "改扩建食堂"]],
    ["filters that meet nothing", { state: "pending" }, []],
  ])("keeps the rows of %s, by deadline", (_name, filters, expected) => {
    expect(titles(selectLedgerRows(ROWS, filters, "deadline"))).toEqual(expected);
  });

  it.each<[LedgerSort, string[]]>([
    ["deadline", ["安全检查", "Budget 资金下达", "薄弱学校改造", "改扩建食堂", "教师培训"]],
    ["-deadline", ["教师培训", "改扩建食堂", "Budget 资金下达", "薄弱学校改造", "安全检查"]],
    ["light", ["Budget 资金下达", "薄弱学校改造", "教师培训", "改扩建食堂", "安全检查"]],
    ["title", [...ROWS.map((r) => r.t.title)].sort((a, b) => a.localeCompare(b, "zh-CN"))],
  ])("orders by %s", (sort, expected) => {
    expect(titles(selectLedgerRows(ROWS, {}, sort))).toEqual(expected);
  });

  it("breaks a tie of lights by the deadline", () => {
    const rows = [row("乙", "inProgress", "2026-05-01", "red"), row("甲", "inProgress", "2026-04-01", "red")];
    expect(titles(selectLedgerRows(rows, {}, "light"))).toEqual(["甲", "乙"]);
  });

  it("gives the same list when sorted rows are filtered (the server sorts a scope once per order)", () => {
    // many ties: equal deadlines and lights, titles repeated, in an order of their own
    const states: TaskState[] = ["inProgress", "assigned", "closed"];
    const lights: Light[] = ["red", "yellow", "green", "grey"];
    const rows = Array.from({ length: 60 }, (_, i) =>
      row(
        `任务${String((i * 7) % 11)}`,
        states[i % 3] ?? "inProgress",
        `2026-0${String(1 + (i % 4))}-01`,
        lights[(i * 5) % 4] ?? "red",
      ),
    );
    const filterSets: LedgerFilters[] = [{}, { state: "inProgress" }, { light: "red" }, { text: "任务1" }];
    for (const sort of ["deadline", "-deadline", "light", "title"] as const) {
      const sorted = sortLedgerRows(rows, sort);
      for (const filters of filterSets) {
        expect(filterLedgerRows(sorted, filters)).toEqual(selectLedgerRows(rows, filters, sort));
      }
    }
  });

  it("leaves the input in its order", () => {
    const copy = [...ROWS];
    selectLedgerRows(ROWS, {}, "light");
    expect(ROWS).toEqual(copy);
  });
});

describe("matchesTaskFilters", () => {
  it.each<[LedgerFilters, boolean]>([
    [{}, true],
    [{ text: "" }, true],
    [{ text: "SCHOOL" }, true],
    [{ text: "食堂" }, false],
    [{ state: "inProgress" }, true],
    [{ state: "closed" }, false],
    [{ deadlineBefore: "2026-03-31" }, true],
    [{ deadlineBefore: "2026-03-30" }, false],
  ])("with %j answers %s", (filters, expected) => {
    expect(
      matchesTaskFilters({ title: "School 建设", state: "inProgress", deadline: "2026-03-31" }, filters),
    ).toBe(expected);
  });
});
