import { describe, expect, it } from "vitest";
import { compareCatchments, parseCatchmentSheets, type CatchmentSheet } from "./catchment.ts";

const SCHOOLS = new Map([
  ["城关第一小学", { id: "s1", name: "城关第一小学" }],
  ["城关第二小学", { id: "s2", name: "城关第二小学" }],
  ["城关中学", { id: "m1", name: "城关中学" }],
]);
const findSchool = (t: string) => SCHOOLS.get(t) ?? null;
const HEAD = [
  "学校",
  "学段",
  "乡镇（街道）",
  "社区/小区/村",
  "类型",
  "路（街）",
  "门牌起",
  "门牌止",
  "多校划片组",
  "对口初中",
  "招生计划",
];
const sheet = (rows: (string | number | null)[][]): CatchmentSheet[] => [
  { name: "片区", headers: HEAD, rows: rows.map((cells, i) => ({ row: i + 2, cells })) },
];

describe("parseCatchmentSheets", () => {
  it("groups the rows of one school into its catchment, with 对口 and seats", () => {
    const r = parseCatchmentSheets(
      sheet([
        ["城关第一小学", "小学", "城关镇", "东关社区", "", "", "", "", "", "城关中学", 90],
        ["城关第一小学", "小学", "城关镇", "幸福小区", "", "解放路", 1, 99, "", "", ""],
        ["城关第二小学", "小学", "城关镇", "幸福小区", "", "解放路", 100, 200, "", "城关中学", 45],
        ["城关中学", "初中", "城关镇", "东关社区", "", "", "", "", "", "", 200],
      ]),
      { fileName: "片区.xlsx", findSchool },
    );
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(3);
    const first = r.records.find((x) => x.schoolId === "s1");
    expect(first).toMatchObject({ stage: "primary", feederId: "m1", seats: 90 });
    expect(first?.units.map((u) => u.kind)).toEqual(["community", "estate"]);
  });

  it("refuses the whole file, naming row and column, when a unit lies in two schools' catchments", () => {
    const r = parseCatchmentSheets(
      sheet([
        ["城关第一小学", "小学", "城关镇", "幸福小区", "", "解放路", 1, 99, "", "", ""],
        ["城关第二小学", "小学", "城关镇", "幸福小区", "", "解放路", 50, 120, "", "", ""],
        ["城关第三小学", "小学", "城关镇", "西关村", "", "", "", "", "", "", ""],
      ]),
      { fileName: "片区.xlsx", findSchool },
    );
    expect(r.records).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      "文件“片区.xlsx”工作表“片区”第 3 行“社区/小区/村”列（幸福小区）：与第 2 行（城关第一小学）的片区重叠：同一地址只能划入一所学校或同一多校划片组",
      "文件“片区.xlsx”工作表“片区”第 4 行“学校”列（城关第三小学）：本县（区）没有这所学校",
    ]);
  });

  it("lets the schools of one 多校划片 group share a unit", () => {
    const r = parseCatchmentSheets(
      sheet([
        ["城关第一小学", "小学", "城关镇", "东关社区", "", "", "", "", "城关片", "", ""],
        ["城关第二小学", "小学", "城关镇", "东关社区", "", "", "", "", "城关片", "", ""],
      ]),
      { fileName: "a.csv", findSchool },
    );
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.multiGroup)).toEqual(["城关片", "城关片"]);
  });

  it("names a missing column and a half-given 门牌 range", () => {
    expect(
      parseCatchmentSheets([{ name: "S", headers: ["学校", "学段"], rows: [] }], {
        fileName: "a.csv",
        findSchool,
      }).problems[0]?.message,
    ).toBe("文件“a.csv”：缺少必需的列：乡镇、社区/小区/村");
    const r = parseCatchmentSheets(
      sheet([["城关第一小学", "小学", "城关镇", "幸福小区", "", "解放路", 1, "", "", "", ""]]),
      {
        fileName: "a.csv",
        findSchool,
      },
    );
    expect(r.problems[0]?.where).toMatchObject({ row: 2, column: "门牌止" });
  });
});

describe("compareCatchments", () => {
  it("shows added, removed and kept units school by school, and schools new or dropped", () => {
    const u = (name: string) => ({
      township: "城关镇",
      name,
      kind: "community" as const,
      street: null,
      from: null,
      to: null,
    });
    const base = { stage: "primary" as const, multiGroup: null, feederId: null, seats: 45 };
    const changes = compareCatchments(
      [
        { ...base, schoolId: "s1", units: [u("东关社区"), u("西关社区")] },
        { ...base, schoolId: "s2", units: [u("南关社区")] },
      ],
      [
        { ...base, schoolId: "s1", units: [u("东关社区"), u("北关社区")] },
        { ...base, schoolId: "s3", units: [u("南关社区")] },
      ],
    );
    expect(
      changes.map((c) => [c.schoolId, c.status, c.added.length, c.removed.length, c.kept.length]),
    ).toEqual([
      ["s1", "changed", 1, 1, 1],
      ["s3", "new", 1, 0, 0],
      ["s2", "dropped", 0, 1, 0],
    ]);
  });
});
