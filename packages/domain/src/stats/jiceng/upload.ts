/**
 * A 基层表 upload as a whole: the per-school workbooks of one 统计年度 plus supplements (补充数据 for
 * what the 基层表 lacks, 人口 by 乡镇), merged into the template's sheets — the same rows the template
 * path reads, so the import's checks, preview and audit trail are those of every other import.
 */
import type { Issue } from "../../issues.ts";
import { DATA_ELEMENTS, STATS_SHEETS, isBaseElement, type StatsSheet } from "../data-elements.ts";
import type { ImportSheet } from "../import-plan.ts";
import { sheetByName, templateHeaders } from "../template.ts";
import { matchHeaders, normalizeHeader, readNumber, rowToCells, type Cell } from "../template-parse.ts";
import { validateRecordValues } from "../validation.ts";
import { splitCrossSchoolWorkbook } from "./cross-school.ts";
import { isJicengWorkbook, jicengGenerationFor, parseCellRef } from "./layout.ts";
import { readJicengWorkbook, type GridWorkbook, type JicengSchool } from "./read.ts";

/** The template sheets an upload became, and what was found on the way. */
export interface JicengUpload {
  sheets: ImportSheet[];
  issues: Issue[];
  /** School workbooks read (each school of a cross-school export counting as one). */
  workbooks: number;
}

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());

/** Supplement headers: element labels and codes (base elements only), normalised. */
const ELEMENT_BY_HEADER: ReadonlyMap<string, string> = new Map(
  DATA_ELEMENTS.filter(isBaseElement).flatMap((e) => [
    [normalizeHeader(e.label), e.code],
    [normalizeHeader(e.code), e.code],
  ]),
);
const LABEL_OF: ReadonlyMap<string, string> = new Map(DATA_ELEMENTS.map((e) => [e.code, e.label]));
const SCHOOL_KEY = new Set(["学校标识码", "学校代码", "学校（机构）标识码"].map(normalizeHeader));
const AREA_KEY = new Set(["乡镇代码", "行政区划代码", "区划代码"].map(normalizeHeader));
const NAME_COLUMNS = new Set(
  ["学校名称", "学校（机构）名称", "乡镇名称", "乡镇（街道）", "乡镇"].map(normalizeHeader),
);
const YEAR_COLUMNS = new Set(["统计年度", "年度", "年份"].map(normalizeHeader));

interface SupplementRows {
  schools: Map<string, { values: Record<string, number>; where: Record<string, string> }>;
  areas: Map<string, Record<string, number>>;
}

/**
 * Reads a supplement workbook: a sheet named 人口 holds 乡镇 rows (乡镇代码 + ages), any other sheet school
 * rows (学校标识码 + element columns by label or code). A header that names no element is a warning and
 * its column is skipped; a 统计年度 column, if any, must hold the import's year.
 */
function readSupplement(wb: GridWorkbook, year: number, into: SupplementRows, issues: Issue[]): void {
  const file = wb.fileName;
  for (const sheet of wb.sheets) {
    const [header = [], ...rows] = sheet.rows;
    const isArea = sheetByName(sheet.name) === "population";
    const heads = header.map((h) => normalizeHeader(text(h)));
    const keyAt = heads.findIndex((h) => (isArea ? AREA_KEY : SCHOOL_KEY).has(h));
    if (keyAt < 0) {
      if (rows.some((r) => r.some((c) => text(c) !== ""))) {
        issues.push({
          code: "supplement-missing-key",
          severity: "error",
          message: `${file}“${sheet.name}”：第 1 行缺少${isArea ? "乡镇代码" : "学校标识码"}列`,
          where: { file, sheet: sheet.name, row: 1, column: isArea ? "乡镇代码" : "学校标识码" },
        });
      }
      continue;
    }
    const yearAt = heads.findIndex((h) => YEAR_COLUMNS.has(h));
    const elementAt = heads.map((h, i) => {
      if (i === keyAt || i === yearAt || h === "" || NAME_COLUMNS.has(h)) {
        return null;
      }
      const e = ELEMENT_BY_HEADER.get(h);
      if (e === undefined || e.startsWith("population.") !== isArea) {
        issues.push({
          code: "supplement-unknown-column",
          severity: "warning",
          message: `${file}“${sheet.name}”的列“${text(header[i])}”不是已知的补充数据项，已忽略`,
          where: { file, sheet: sheet.name, row: 1, column: text(header[i]) },
        });
        return null;
      }
      return e;
    });
    rows.forEach((cells, r) => {
      const row = r + 2;
      const key = text(cells[keyAt]);
      if (key === "") {
        return;
      }
      const where = (column: string) => ({ file, sheet: sheet.name, row, column });
      if (yearAt >= 0 && text(cells[yearAt]) !== "" && readNumber(cells[yearAt] ?? null) !== year) {
        issues.push({
          code: "wrong-year",
          severity: "error",
          message: `${file}“${sheet.name}”第 ${row} 行：统计年度应为 ${year}，实为“${text(cells[yearAt])}”`,
          where: where(text(header[yearAt])),
        });
        return;
      }
      const target: Record<string, number> = {};
      elementAt.forEach((e, i) => {
        if (e === null) {
          return;
        }
        const v = readNumber(cells[i] ?? null);
        if (v === null) {
          return;
        }
        if (Number.isNaN(v)) {
          issues.push({
            code: "not-a-number",
            severity: "error",
            message: `${file}“${sheet.name}”第 ${row} 行“${text(header[i])}”应为数字，实为“${text(cells[i])}”`,
            where: where(text(header[i])),
          });
          return;
        }
        target[e] = v;
      });
      if (isArea) {
        into.areas.set(key, { ...into.areas.get(key), ...target });
      } else {
        const s = into.schools.get(key) ?? { values: {}, where: {} };
        for (const [e, v] of Object.entries(target)) {
          s.values[e] = v;
          s.where[e] = `${file}“${sheet.name}”第 ${row} 行`;
        }
        into.schools.set(key, s);
      }
    });
  }
}

/** Attribute columns of the 学校基本情况 sheet, filled from the 基本情况 form. */
function schoolRowCells(
  sheet: StatsSheet,
  school: JicengSchool,
  values: Record<string, number>,
  year: number,
): Cell[] {
  const { binding } = matchHeaders(sheet, templateHeaders(sheet));
  return rowToCells(binding, {
    schoolCode: school.schoolCode,
    ...(school.schoolName === "" ? {} : { schoolName: school.schoolName }),
    year,
    attributes: sheet === "basic" ? school.attributes : {},
    values,
  });
}

/**
 * Turns the workbooks of one upload into the template's sheets for `year`: every workbook whose sheets
 * are 基层表 sheets is one school (read with the year's generation), every other workbook a supplement.
 * Issues: those of {@link readJicengWorkbook}, `jiceng-no-generation`, `jiceng-duplicate-school`,
 * `supplement-conflict` (the 基层表 and a supplement give an element different values), the supplement's
 * own (`supplement-unknown-column` is a warning).
 */
export function readJicengUpload(workbooks: readonly GridWorkbook[], year: number): JicengUpload {
  const issues: Issue[] = [];
  const generation = jicengGenerationFor(year);
  if (generation === undefined) {
    issues.push({
      code: "jiceng-no-generation",
      severity: "error",
      message: `没有 ${year} 统计年度的基层表格式（支持 2012 年起）`,
      where: { sheet: "", row: 0, column: "" },
    });
    return { sheets: [], issues, workbooks: 0 };
  }
  const schools: JicengSchool[] = [];
  const supplement: SupplementRows = { schools: new Map(), areas: new Map() };
  const fileOf = new Map<string, string>();
  let read = 0;
  // a county's cross-school export is read as the schools' own workbooks it holds
  const split = workbooks.flatMap((wb) =>
    isJicengWorkbook(wb.sheets.map((s) => s.name))
      ? (splitCrossSchoolWorkbook(wb, generation) ?? [wb])
      : [wb],
  );
  for (const wb of split) {
    if (!isJicengWorkbook(wb.sheets.map((s) => s.name))) {
      readSupplement(wb, year, supplement, issues);
      continue;
    }
    read++;
    const r = readJicengWorkbook(wb, generation, year);
    issues.push(...r.issues);
    if (r.school === null) {
      continue;
    }
    const earlier = fileOf.get(r.school.schoolCode);
    if (earlier !== undefined) {
      issues.push({
        code: "jiceng-duplicate-school",
        severity: "error",
        message: `${wb.fileName}：学校标识码 ${r.school.schoolCode} 已见于 ${earlier}，同一学校只能有一个基层表`,
        where: { file: wb.fileName, sheet: generation.form.table, row: 0, column: "学校标识码" },
      });
      continue;
    }
    fileOf.set(r.school.schoolCode, wb.fileName);
    schools.push(r.school);
  }
  // Schools known only from a supplement still get their rows.
  for (const code of supplement.schools.keys()) {
    if (!fileOf.has(code)) {
      schools.push({
        schoolCode: code,
        schoolName: "",
        attributes: {},
        sponsor: null,
        values: {},
        sourceOf: {},
        fileName: "",
      });
    }
  }
  const merged = schools.map((s) => {
    const values = { ...s.values };
    const extra = supplement.schools.get(s.schoolCode);
    for (const [e, v] of Object.entries(extra?.values ?? {})) {
      const had = values[e];
      if (had !== undefined && had !== v) {
        issues.push({
          code: "supplement-conflict",
          severity: "error",
          message: `${s.schoolCode}：${extra?.where[e] ?? "补充数据"}的“${LABEL_OF.get(e) ?? e}”为 ${v}，与基层表 ${s.fileName} ${describeCells(s.sourceOf[e] ?? "")} 的 ${had} 不同`,
          where: { file: s.fileName, sheet: "", row: 0, column: s.sourceOf[e] ?? e },
        });
        continue;
      }
      values[e] = v;
    }
    return { school: s, values };
  });
  for (const { school, values } of merged) {
    issues.push(...valueErrors(school, values, supplement.schools.get(school.schoolCode)?.where ?? {}));
  }

  const byElementSheet = new Map(DATA_ELEMENTS.map((e) => [e.code, e.sheet]));
  const sheets: ImportSheet[] = [];
  for (const sheet of STATS_SHEETS) {
    const headers = templateHeaders(sheet);
    if (sheet === "population") {
      if (supplement.areas.size > 0) {
        const { binding } = matchHeaders(sheet, headers);
        sheets.push({
          name: templateSheetName(sheet),
          headers,
          rows: [...supplement.areas].map(([areaCode, values], i) => ({
            row: i + 2,
            cells: rowToCells(binding, { areaCode, year, attributes: {}, values }),
          })),
        });
      }
      continue;
    }
    if (merged.length === 0) {
      continue;
    }
    sheets.push({
      name: templateSheetName(sheet),
      headers,
      rows: merged.map(({ school, values }, i) => {
        const own = Object.fromEntries(
          Object.entries(values).filter(([e]) => byElementSheet.get(e) === sheet),
        );
        return { row: i + 2, cells: schoolRowCells(sheet, school, own, year) };
      }),
    });
  }
  return { sheets, issues, workbooks: read };
}

function templateSheetName(sheet: StatsSheet): string {
  return matchHeaders(sheet, []).binding.sheetName;
}

/** `教基3112/01/2+教基3112/01/3` → 表 教基3112 行代码 01 栏号 2、3. */
function describeCells(source: string): string {
  const refs = source.split("+").map(parseCellRef);
  const first = refs[0];
  if (first === undefined) {
    return source;
  }
  const sameRow = refs.every((r) => r.table === first.table && r.row === first.row);
  return sameRow
    ? `表 ${first.table} 行代码 ${first.row} 栏号 ${refs.map((r) => r.column).join("、")}`
    : refs.map((r) => `表 ${r.table} 行代码 ${r.row} 栏号 ${r.column}`).join(" + ");
}

/**
 * The value checks of the template import (negative values, grades or bands that do not add up,
 * 专任教师 above 教职工 …) run here first, so that an error names the workbook, the school and the
 * 表号/行代码/栏号 (or the supplement's row) rather than a template sheet the bureau never saw. Only
 * errors: warnings are the import's to give, once.
 */
function valueErrors(
  school: JicengSchool,
  values: Record<string, number>,
  supplementWhere: Record<string, string>,
): Issue[] {
  const who =
    school.fileName === ""
      ? school.schoolCode
      : `${school.fileName}（${school.schoolName === "" ? school.schoolCode : `${school.schoolName} ${school.schoolCode}`}）`;
  const placeOf = (element: string): string => {
    const source = school.sourceOf[element];
    return source !== undefined ? describeCells(source) : (supplementWhere[element] ?? element);
  };
  return validateRecordValues(values, {
    ...(school.attributes.schoolType === undefined ? {} : { schoolType: school.attributes.schoolType }),
    locate: (element) => ({ file: school.fileName, sheet: "", row: 0, column: placeOf(element) }),
  })
    .filter((i) => i.severity === "error")
    .map((i) => ({ ...i, message: `${who}${i.where?.column ?? ""}：${i.message}` }));
}
