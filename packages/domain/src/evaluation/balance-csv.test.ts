import { describe, expect, it } from "vitest";
import { BALANCE_CSV_HEADERS, parseBalanceCsv } from "./balance-csv.ts";
import { balanceResultToJson, balanceResultToJsonValue } from "./balance-json.ts";
import { evaluateResources } from "./resource-evaluation.ts";

const HEADER = BALANCE_CSV_HEADERS.join(",");
const row = (cells: (string | number)[]): string => cells.join(",");
const PRIMARY = row([
  "4101000001",
  "城关一小",
  "小学",
  1000,
  0,
  0,
  50,
  0,
  12,
  0,
  10,
  0,
  5000,
  8000,
  2_200_000,
  25,
]);
const JUNIOR = row([
  "4101000002",
  "城关一中",
  "初级中学",
  0,
  900,
  0,
  0,
  50,
  0,
  10,
  0,
  9,
  5400,
  9500,
  2_300_000,
  22,
]);
const NINE = row([
  "4101000003",
  "九年制学校",
  "九年一贯制学校",
  166,
  210,
  0,
  8,
  12,
  2,
  3,
  2,
  2,
  2000,
  3500,
  900_000,
  9,
]);

describe("parseBalanceCsv (CLI contract)", () => {
  it("reads the exact header with BOM, CRLF and quoted fields", () => {
    const text = `\uFEFF${HEADER}\r\n${PRIMARY}\r\n"4101000002","城关一中,东校区","初级中学",0,900,0,0,50,0,10,0,9,"5,400",9500,2300000,22\r\n`;
    const { schools, issues } = parseBalanceCsv(text);
    expect(issues).toEqual([]);
    expect(schools).toHaveLength(2);
    expect(schools[1]).toMatchObject({
      code: "4101000002",
      name: "城关一中,东校区",
      schoolType: "junior",
      teachingFloorArea: 5400,
    });
    expect(schools[0]).toMatchObject({
      schoolType: "primary",
      students: { primary: 1000, junior: 0, senior: 0 },
      qualifiedTeachers: { primary: 50, junior: 0 },
      multimediaClassrooms: 25,
    });
  });

  it("reads quoted fields with doubled quotes and line breaks", () => {
    const text = `${HEADER}\n"4101000001","城关""一""小\n(本部)",小学,1000,0,0,50,0,12,0,10,0,5000,8000,2200000,25\n${JUNIOR}\n`;
    const { schools, issues } = parseBalanceCsv(text);
    expect(issues).toEqual([]);
    expect(schools[0]?.name).toBe('城关"一"小\n(本部)');
    expect(schools).toHaveLength(2);
  });

  it.each([
    { code: "csv-empty", text: "", row: undefined, column: undefined },
    {
      code: "csv-missing-column",
      text: HEADER.replace(",网络多媒体教室数", ""),
      row: 1,
      column: "网络多媒体教室数",
    },
    { code: "csv-unknown-column", text: `${HEADER},备注\n${PRIMARY},x`, row: 1, column: "备注" },
    { code: "csv-duplicate-column", text: `${HEADER},学校名称\n${PRIMARY},x`, row: 1, column: "学校名称" },
    { code: "csv-field-count", text: `${HEADER}\n4101000001,城关一小,小学,1000`, row: 2, column: undefined },
    {
      code: "csv-invalid-number",
      text: `${HEADER}\n${PRIMARY.replace(",5000,", ",五千,")}`,
      row: 2,
      column: "教学及辅助用房面积",
    },
    {
      code: "csv-negative-number",
      text: `${HEADER}\n${PRIMARY.replace(",8000,", ",-8000,")}`,
      row: 2,
      column: "体育运动场馆面积",
    },
    {
      code: "csv-not-integer",
      text: `${HEADER}\n${PRIMARY.replace(",50,", ",50.5,")}`,
      row: 2,
      column: "高于规定学历教师数_小学",
    },
    {
      code: "csv-unknown-school-type",
      text: `${HEADER}\n${PRIMARY.replace("小学", "大学")}`,
      row: 2,
      column: "办学类型",
    },
    {
      code: "csv-missing-school-code",
      text: `${HEADER}\n${PRIMARY.replace("4101000001", "")}`,
      row: 2,
      column: "学校标识码",
    },
    {
      code: "csv-duplicate-school-code",
      text: `${HEADER}\n${PRIMARY}\n${PRIMARY}`,
      row: 3,
      column: "学校标识码",
    },
    {
      code: "csv-school-code-format",
      text: `${HEADER}\n${PRIMARY.replace("4101000001", "A1")}`,
      row: 2,
      column: "学校标识码",
    },
    { code: "csv-unterminated-quote", text: `${HEADER}\n"4101000001,城关一小`, row: 2, column: undefined },
  ])("$code names row $row and column $column", ({ code, text, row: r, column }) => {
    const { issues } = parseBalanceCsv(text);
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.where?.row).toBe(r);
    expect(issue?.where?.column).toBe(column);
    expect(issue?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("leaves out rows with errors, keeps rows with warnings; empty numeric cells are 0", () => {
    const bad = PRIMARY.replace("4101000001", "4101000009").replace(",5000,", ",x,");
    const { schools } = parseBalanceCsv(
      `${HEADER}\n${PRIMARY.replace(",12,", ",,")}\n${bad}\n${JUNIOR.replace("4101000002", "B2")}`,
    );
    expect(schools.map((s) => s.code)).toEqual(["4101000001", "B2"]);
    expect(schools[0]?.backboneTeachers.primary).toBe(0);
  });
});

describe("balanceResultToJson (CLI contract)", () => {
  it("prints the exact shape: 7-element arrays per level, school parts, resourcePass", () => {
    const { schools } = parseBalanceCsv(`${HEADER}\n${PRIMARY}\n${JUNIOR}\n${NINE}\n`);
    const result = evaluateResources(schools);
    const json = JSON.parse(balanceResultToJson(result)) as ReturnType<typeof balanceResultToJsonValue>;
    expect(Object.keys(json)).toEqual(["primary", "junior", "schools", "resourcePass"]);
    for (const level of [json.primary, json.junior]) {
      expect(Object.keys(level)).toEqual(["mean", "sd", "cv", "cvPass"]);
      expect(level.mean).toHaveLength(7);
      expect(level.cv).toHaveLength(7);
      expect(level.cvPass.every((b) => typeof b === "boolean")).toBe(true);
    }
    expect(json.schools.map((s) => [s.code, s.part])).toEqual([
      ["4101000001", "primary"],
      ["4101000003", "primary"],
      ["4101000002", "junior"],
      ["4101000003", "junior"],
    ]);
    expect(Object.keys(json.schools[0] ?? {})).toEqual(["code", "part", "values", "met", "pass"]);
    expect(json.schools[0]?.values).toEqual([5, 1.2, 1, 5, 8, 2200, 2.5]);
    expect(json.schools[0]?.met).toEqual([true, true, true, true, true, true, true]);
    expect(json.primary.mean[0]).toBeCloseTo((100 * 58) / 1166, 12);
    expect(json.resourcePass).toBe(result.isResourcePass);
  });

  it("prints null for undefined figures", () => {
    const { schools } = parseBalanceCsv(`${HEADER}\n${PRIMARY}\n`);
    const json = balanceResultToJsonValue(evaluateResources(schools));
    expect(json.junior.cv).toEqual([null, null, null, null, null, null, null]);
    expect(json.junior.cvPass).toEqual([true, true, true, true, true, true, true]);
    expect(json.primary.cv).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
