import { describe, expect, it } from "vitest";
import { generateDemoCounty } from "../demo/demo-county.ts";
import { generateDemoStatistics } from "../stats/demo-statistics.ts";
import { demoRegistry } from "./demo.ts";
import { parseGrade } from "./grades.ts";
import { checkIdNumber, idNumberCheckChar as idCheckChar } from "../pii/id-number.ts";
import { deriveMovements, type HeldStudent } from "./movements.ts";
import { parseRegistrySheets, type RegistrySchool, type RegistrySheet } from "./parse.ts";
import type { StudentRecord } from "./record.ts";
import { gradeCountsFromStatistics, syntheticRegionCode } from "./synthetic.ts";

const withCheck = (first17: string): string => `${first17}${idCheckChar(first17)}`;
const ID1 = withCheck("62089920150301001");
const ID2 = withCheck("62089920150302002");

describe("年级", () => {
  it("reads labels and national codes", () => {
    expect(parseGrade("七年级")).toEqual({ level: "junior", grade: 1 });
    expect(parseGrade("初三")).toEqual({ level: "junior", grade: 3 });
    expect(parseGrade("高二")).toEqual({ level: "senior", grade: 2 });
    expect(parseGrade("16")).toEqual({ level: "primary", grade: 6 });
    expect(parseGrade("中职二年级")).toEqual({ level: "vocational", grade: 2 });
    expect(parseGrade("17")).toBeNull();
    expect(parseGrade("十年级")).toBeNull();
  });
});

const SCHOOLS = new Map<string, RegistrySchool>([
  ["6208020001", { code: "6208020001", name: "测试小学", schoolType: "primary" }],
  ["6208020002", { code: "6208020002", name: "测试中学", schoolType: "junior" }],
]);
const HEADERS = [
  "学籍号",
  "身份证件号",
  "姓名",
  "性别",
  "出生日期",
  "学校标识码",
  "年级",
  "班级",
  "户籍地",
  "是否留守儿童",
];
const sheet = (rows: (string | number)[][]): RegistrySheet[] => [
  { name: "学籍", headers: HEADERS, rows: rows.map((cells, i) => ({ row: i + 2, cells })) },
];

describe("parseRegistrySheets", () => {
  it("reads a valid file", () => {
    const r = parseRegistrySheets(
      sheet([[`G${ID1}`, ID1, "王测试安", "男", "2015-03-01", "6208020001", "三年级", "1班", "某村", "是"]]),
      { fileName: "学籍.xlsx", schools: SCHOOLS },
    );
    expect(r.problems).toEqual([]);
    expect(r.records[0]).toMatchObject({
      idNumber: ID1,
      grade: { level: "primary", grade: 3 },
      leftBehind: true,
      status: "enrolled",
    });
  });
  it("names file, row, column and a masked value for each problem, and imports nothing", () => {
    const bad = ID1.slice(0, 17) + (ID1.endsWith("1") ? "2" : "1");
    const r = parseRegistrySheets(
      sheet([
        [`G${ID2}`, ID2, "李测试宁", "女", "2015-03-02", "6208020001", "三年级", "1班", "", ""],
        [`G${bad}`, bad, "张测试欣", "男", "2015-03-01", "6208020001", "三年级", "1班", "", ""],
        [`L${ID2.slice(0, 10)}`, ID2, "赵测试怡", "女", "2015-03-02", "6208020001", "三年级", "1班", "", ""],
        [`L0000000001`, "", "钱测试子", "女", "2015-03-02", "9999999999", "三年级", "1班", "", ""],
        [`L0000000002`, "", "孙测试涵", "女", "2015-03-02", "6208020002", "三年级", "1班", "", ""],
      ]),
      { fileName: "学籍.xlsx", schools: SCHOOLS },
    );
    expect(r.records).toEqual([]);
    const messages = r.problems.map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^文件“学籍\.xlsx”表“学籍”第 3 行“身份证件号”列.*校验码/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/第 4 行“身份证件号”列.*与第 2 行重复/));
    expect(messages).toContainEqual(expect.stringMatching(/第 5 行“学校标识码”列（9999999999）.*管辖范围/));
    expect(messages).toContainEqual(expect.stringMatching(/第 6 行“年级”列（三年级）.*测试中学.*不设三年级/));
    expect(r.problems[0]?.where).toMatchObject({ file: "学籍.xlsx", row: 3, column: "身份证件号" });
    // never the full ID number in a problem
    expect(JSON.stringify(r.problems)).not.toContain(ID2);
    expect(JSON.stringify(r.problems)).not.toContain(bad);
  });
  it("names a missing required column", () => {
    const r = parseRegistrySheets([{ name: "", headers: ["姓名"], rows: [{ row: 2, cells: ["x"] }] }], {
      fileName: "a.csv",
      schools: SCHOOLS,
    });
    expect(r.problems[0]?.message).toContain("缺少必需的列：全国学籍号");
  });
});

const pupil = (no: string, over: Partial<StudentRecord> = {}): StudentRecord => ({
  studentNo: no,
  idNumber: null,
  name: "王测试安",
  sex: "M",
  birthDate: "2015-03-01",
  schoolCode: "6208020001",
  grade: { level: "primary", grade: 3 },
  className: "1班",
  hukou: "",
  migrant: false,
  leftBehind: false,
  disabled: false,
  guardianName: null,
  guardianPhone: null,
  status: "enrolled",
  ...over,
});

describe("deriveMovements", () => {
  const ctx = {
    date: "2025-03-01",
    newSchoolYear: false,
    coveredSchools: new Set(["6208020001", "6208020002"]),
  };
  it("derives 转入, 转学, status changes and pending 转出", () => {
    const held: HeldStudent[] = [
      { id: "a", record: pupil("L1") },
      { id: "b", record: pupil("L2") },
      { id: "c", record: pupil("L3") },
      { id: "d", record: pupil("L4", { status: "suspended" }) },
      { id: "e", record: pupil("L5") },
    ];
    const next = [
      pupil("L1", { schoolCode: "6208020002", grade: { level: "junior", grade: 1 } }),
      pupil("L2", { status: "dropout" }),
      pupil("L4"),
      pupil("L5", { status: "deceased" }),
      pupil("L9"),
    ];
    const m = deriveMovements(held, next, ctx).map((x) => [x.kind, x.studentNo, x.schoolCode, x.pending]);
    expect(m).toEqual([
      ["transferOut", "L1", "6208020001", false],
      ["transferIn", "L1", "6208020002", false],
      ["dropout", "L2", "6208020001", false],
      ["resumption", "L4", "6208020001", false],
      ["death", "L5", "6208020001", false],
      ["transferIn", "L9", "6208020001", false],
      ["transferOut", "L3", "6208020001", true],
    ]);
  });
  it("graduates absent pupils of a final grade in a new school year, leaves uncovered schools alone", () => {
    const held: HeldStudent[] = [
      { id: "a", record: pupil("L1", { grade: { level: "primary", grade: 6 } }) },
      { id: "b", record: pupil("L2", { schoolCode: "6208020003" }) },
    ];
    const m = deriveMovements(held, [pupil("L7")], { ...ctx, newSchoolYear: true });
    expect(m.map((x) => [x.kind, x.studentNo])).toEqual([
      ["transferIn", "L7"],
      ["graduation", "L1"],
    ]);
  });
  it("derives nothing on a first import", () => {
    expect(deriveMovements([], [pupil("L1")], ctx)).toEqual([]);
  });
});

describe("demo registry", () => {
  const county = generateDemoCounty();
  const stats = generateDemoStatistics(county, [2024]);
  const pupils = demoRegistry(county, stats.records);
  it("has one synthetic pupil per counted pupil, school by school and grade by grade", () => {
    const counts = gradeCountsFromStatistics(stats.records);
    expect(pupils.length).toBe(counts.reduce((s, c) => s + c.pupils, 0));
    expect(pupils.length).toBeGreaterThan(80_000);
    const key = (code: string, g: { level: string; grade: number }): string =>
      `${code}|${g.level}|${g.grade}`;
    const got = new Map<string, number>();
    for (const p of pupils) {
      got.set(key(p.schoolCode, p.grade), (got.get(key(p.schoolCode, p.grade)) ?? 0) + 1);
    }
    for (const c of counts) {
      expect(got.get(key(c.schoolCode, c.grade))).toBe(c.pupils);
    }
  });
  it("is deterministic, visibly synthetic, with valid and unique IDs", () => {
    expect(demoRegistry(county, stats.records).slice(0, 50)).toEqual(pupils.slice(0, 50));
    const ids = new Set<string>();
    const region = syntheticRegionCode("620802");
    expect(pupils.filter((p) => !p.name.includes("测试") || p.idNumber?.startsWith(region) !== true)).toEqual(
      [],
    );
    for (const p of pupils) {
      ids.add(p.idNumber ?? "");
    }
    expect(ids.size).toBe(pupils.length);
    for (const p of pupils.slice(0, 2000)) {
      const c = checkIdNumber(p.idNumber ?? "");
      expect(c.ok && c.birthDate === p.birthDate && c.sex === (p.sex === "M" ? "male" : "female")).toBe(true);
    }
  });
});
