import { describe, expect, it } from "vitest";
import { generateDemoCounty } from "../../demo/index.ts";
import type { SchoolAttributes } from "../../org/org-unit.ts";
import { findSponsorCode } from "@luoshi/common";
import { deriveOwnership } from "../../org/registry-codes.ts";
import { generateDemoStatistics } from "../demo-statistics.ts";
import { validateRecordValues } from "../validation.ts";
import { parseImportSheets, type ImportUnit } from "../import-plan.ts";
import { mergeParsedRows } from "../template-parse.ts";
import {
  JICENG_GENERATIONS,
  crossSchoolWorkbook,
  isJicengWorkbook,
  isSupplementElement,
  jicengGenerationFor,
  jicengWorkbook,
  mappedElements,
  readJicengUpload,
  supplementWorkbook,
  withFineClassBands,
  type GridWorkbook,
} from "./index.ts";

const county = generateDemoCounty();
const schools = county.units.filter(
  (u): u is typeof u & { school: SchoolAttributes } => u.school !== undefined,
);
const stats = generateDemoStatistics(county, [2020, 2024]);
const units = new Map<string, ImportUnit>(
  county.units.map((u) => [u.code, { id: u.code, kind: u.kind, schoolType: u.school?.schoolType ?? null }]),
);

function upload(year: number) {
  const records = stats.records
    .filter((r) => r.year === year)
    .map((r) => ({ ...r, values: withFineClassBands(r.values as Record<string, number>) }));
  const workbooks: GridWorkbook[] = records.map((r) => {
    const s = schools.find((u) => u.code === r.schoolCode);
    if (s === undefined) {
      throw new Error(r.schoolCode);
    }
    return jicengWorkbook({ code: s.code, name: s.name, attributes: s.school }, year, r.values);
  });
  const population = stats.population.filter((p) => p.year === year);
  workbooks.push(supplementWorkbook(year, records, population));
  return { records, population, workbooks };
}

describe("基层表 import", () => {
  it("keeps one layout per statistical year, 基础基 before 2021 and 教基 after", () => {
    expect(jicengGenerationFor(2020)?.prefix).toBe("基础基");
    expect(jicengGenerationFor(2021)?.id).toBe("jiaoji-2021");
    expect(jicengGenerationFor(2024)?.id).toBe("jiaoji-2022");
    expect(jicengGenerationFor(2011)).toBeUndefined();
    // every mapped element is a data element of luoshi, and no generation maps a supplement element
    for (const g of JICENG_GENERATIONS) {
      for (const e of mappedElements(g)) {
        expect(isSupplementElement(e), `${g.id} ${e}`).toBe(false);
      }
    }
  });

  for (const year of [2020, 2024]) {
    it(`reads the demo county's ${year} workbooks back into exactly the template's records`, () => {
      const { records, population, workbooks } = upload(year);
      const types = new Set(schools.map((s) => s.school.schoolType));
      expect(types.size).toBeGreaterThanOrEqual(8);
      expect(workbooks.slice(0, -1).every((w) => isJicengWorkbook(w.sheets.map((s) => s.name)))).toBe(true);
      // the supplement carries only what the 基层表 lacks
      const supplementHeaders = workbooks.at(-1)?.sheets[0]?.rows[0] ?? [];
      expect(supplementHeaders.length).toBeLessThan(40);

      const read = readJicengUpload(workbooks, year);
      expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(read.workbooks).toBe(records.length);
      const parsed = parseImportSheets(read.sheets, year, units);
      expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
      const merged = mergeParsedRows(parsed.rows);
      const byCode = new Map(merged.records.map((r) => [r.schoolCode, r.values]));
      for (const r of records) {
        expect(byCode.get(r.schoolCode), r.schoolCode).toEqual(r.values);
      }
      expect(merged.population.map((p) => p.values)).toEqual(population.map((p) => p.values));
    });
  }

  for (const year of [2020, 2024]) {
    it(`reads a county's cross-school export of ${year} as the schools' own workbooks`, () => {
      const { workbooks } = upload(year);
      const generation = jicengGenerationFor(year);
      if (generation === undefined) {
        throw new Error("no layout");
      }
      const schoolBooks = workbooks.slice(0, -1);
      const supplement = workbooks.slice(-1);
      const county = crossSchoolWorkbook(schoolBooks, generation, `全县基层表${year}.xlsx`);
      // one workbook, one sheet per 表, every school's rows in it
      expect(county.sheets.length).toBeLessThan(30);
      expect(isJicengWorkbook(county.sheets.map((s) => s.name))).toBe(true);
      const perSchool = readJicengUpload(workbooks, year);
      const fromCounty = readJicengUpload([county, ...supplement], year);
      expect(fromCounty.issues).toEqual(perSchool.issues);
      expect(fromCounty.workbooks).toBe(schoolBooks.length);
      expect(fromCounty.sheets).toEqual(perSchool.sheets);
    });
  }

  it("names the export's own sheet row, 表号, 行代码 and 栏号 of a bad value in a cross-school export", () => {
    const { workbooks } = upload(2024);
    const generation = jicengGenerationFor(2024);
    if (generation === undefined) {
      throw new Error("no layout");
    }
    const county = crossSchoolWorkbook(workbooks.slice(0, -1), generation, "全县基层表.xlsx");
    const sheet = county.sheets.find((s) => s.name === "教基5176");
    const at = sheet?.rows.findIndex((r, i) => i > 3 && r[2] === "03") ?? -1;
    const row = sheet?.rows[at];
    if (sheet === undefined || row === undefined) {
      throw new Error("no 教基5176 row 03");
    }
    const code = String(row[0]);
    const broken: GridWorkbook = {
      ...county,
      sheets: county.sheets.map((s) =>
        s === sheet
          ? { ...s, rows: s.rows.map((r, i) => (i === at ? [...row.slice(0, 4), "三千册"] : r)) }
          : s,
      ),
    };
    const read = readJicengUpload([broken], 2024);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(`^全县基层表.xlsx（.* ${code}）表 教基5176 行代码 03 栏号 1：“三千册”不是数字`),
        ) as string,
        where: expect.objectContaining({ file: "全县基层表.xlsx", sheet: "教基5176", row: at + 1 }) as object,
      }),
    ]);
  });

  it("refuses a malformed workbook naming file, school, 表号, 行代码, 栏号 and the value", () => {
    const { workbooks } = upload(2024);
    const first = workbooks[1];
    if (first === undefined) {
      throw new Error("no workbook");
    }
    const broken: GridWorkbook = {
      ...first,
      sheets: first.sheets.map((s) =>
        s.name.startsWith("教基5176")
          ? { ...s, rows: s.rows.map((r) => (r[1] === "03" ? [...r.slice(0, 3), "三千册"] : r)) }
          : s.name.startsWith("教基4149")
            ? { ...s, rows: s.rows.map((r) => (r[1] === "甲" || r[0] === "甲" ? r.slice(0, 5) : r)) }
            : s,
      ),
    };
    const read = readJicengUpload([broken], 2024);
    const messages = read.issues.map((i) => i.message);
    expect(messages).toContainEqual(expect.stringMatching(/教基5176 行代码 03 栏号 1：“三千册”不是数字/));
    expect(messages).toContainEqual(expect.stringMatching(/表 教基4149：缺少栏号 6（校（园）长）/));
    expect(read.issues[0]?.where?.file).toBe(first.fileName);
    expect(messages[0]).toContain(first.fileName);
  });

  it("runs the value checks itself, naming 表号/行代码/栏号 instead of a template sheet", () => {
    const { workbooks } = upload(2024);
    const first = workbooks[1];
    if (first === undefined) {
      throw new Error("no workbook");
    }
    const negative: GridWorkbook = {
      ...first,
      sheets: first.sheets.map((s) =>
        s.name.startsWith("教基5176")
          ? { ...s, rows: s.rows.map((r) => (r[1] === "03" ? [...r.slice(0, 3), -3] : r)) }
          : s,
      ),
    };
    const read = readJicengUpload([negative], 2024);
    expect(read.issues.filter((i) => i.severity === "error").map((i) => i.message)).toEqual([
      expect.stringMatching(new RegExp(`^${first.fileName}（.*）表 教基5176 行代码 03 栏号 1：.*-3`)),
    ]);
  });

  it("refuses a 基础基 workbook for a 教基 year and warns on an unknown supplement column", () => {
    const old = upload(2020).workbooks[0];
    if (old === undefined) {
      throw new Error("no workbook");
    }
    const read = readJicengUpload(
      [
        old,
        {
          fileName: "补充.xlsx",
          sheets: [
            {
              name: "补充数据",
              rows: [
                ["学校标识码", "食堂面积"],
                ["1", 3],
              ],
            },
          ],
        },
      ],
      2024,
    );
    expect(read.issues.map((i) => [i.code, i.severity])).toEqual([
      ["jiceng-wrong-generation", "error"],
      ["supplement-unknown-column", "warning"],
    ]);
  });

  it("merges a supplement with the 基层表 of the same year, refusing a value that disagrees", () => {
    const { workbooks } = upload(2024);
    const school = workbooks.find((w) => w.sheets.some((s) => s.name === "教基3112_小学"));
    const code = school?.sheets[0]?.rows.find((r) => r[0] === "学校（机构）标识码")?.[1];
    if (school === undefined || typeof code !== "string") {
      throw new Error("no school");
    }
    const supplement = (rows: (string | number)[][]): GridWorkbook => ({
      fileName: "补充.xlsx",
      sheets: [{ name: "补充数据", rows }],
    });
    // the 基层表 has 校舍建筑面积; the supplement adds what it lacks, the year is the import's
    const agree = readJicengUpload(
      [
        school,
        supplement([
          ["学校标识码", "音乐专用教室数", "小学最大班额"],
          [code, 2, 45],
        ]),
      ],
      2024,
    );
    expect(agree.issues.filter((i) => i.severity === "error")).toEqual([]);
    const cell = (sheets: typeof agree.sheets, header: string): unknown => {
      const sheet = sheets.find((s) => s.headers.includes(header));
      return sheet?.rows[0]?.cells[sheet.headers.indexOf(header)];
    };
    expect([cell(agree.sheets, "音乐专用教室数"), cell(agree.sheets, "小学最大班额")]).toEqual([2, 45]);
    // a value the 基层表 also gives must agree; a 统计年度 column must hold the import's year
    const building = readJicengUpload([school], 2024).sheets.find((s) => s.name === "办学条件");
    const at = building?.headers.indexOf("校舍建筑面积") ?? -1;
    const area = Number(building?.rows[0]?.cells[at]);
    const conflict = readJicengUpload(
      [
        school,
        supplement([
          ["学校标识码", "统计年度", "校舍建筑面积"],
          [code, 2024, area + 1],
        ]),
        supplement([
          ["学校标识码", "统计年度", "音乐专用教室数"],
          [code, 2023, 1],
        ]),
      ],
      2024,
    );
    expect(conflict.issues.map((i) => i.code)).toEqual(["wrong-year", "supplement-conflict"]);
    expect(conflict.issues[1]?.message).toMatch(
      new RegExp(
        `补充.xlsx“补充数据”第 2 行的“校舍建筑面积”为 ${String(area + 1)}.*表 教基5170 行代码 01 栏号 1 的 ${String(area)}`,
      ),
    );
  });

  it("reads 举办者 codes and keeps the 5-wide 班额 halves consistent with their 10-wide band", () => {
    expect(findSponsorCode("841 县级教育部门")?.ownership).toBe("public");
    expect(findSponsorCode("999")?.name).toBe("民办");
    expect(deriveOwnership("999 民办", null)).toBe("private");
    const issues = validateRecordValues({
      "classes.junior": 3,
      "classes.junior.size46to55": 3,
      "classes.junior.size46to50": 1,
      "classes.junior.size51to55": 1,
    });
    expect(issues.map((i) => i.code)).toEqual(["class-bands-sum-mismatch"]);
    expect(issues[0]?.message).toContain("5 人班额段");
  });
});
