/**
 * Reading one school's 基层表 workbook (教育事业统计 年报, one sheet per 表) into luoshi data elements:
 * identity and attributes from the 基本情况 form (教基1001 / 基础基111), every value looked up by
 * (表号, 行代码, 栏号) through the year's {@link JicengGeneration}. Sheets arrive as plain grids; reading
 * the .xlsx is the server's. Problems name the file, the school, 表号, 行代码, 栏号 and the value found.
 */
import { roundHalfUp } from "@luoshi/common";
import type { Issue } from "../../issues.ts";
import type { SchoolAttributes } from "../../org/org-unit.ts";
import { findSchoolTypeCode, findUrbanRural } from "@luoshi/common";
import { deriveOwnership } from "../../org/registry-codes.ts";
import { normalizeHeader, readNumber, type Cell } from "../template-parse.ts";
import {
  parseCellRef,
  parseJicengSheetName,
  type JicengForm,
  type JicengFormField,
  type JicengGeneration,
} from "./layout.ts";

/** One sheet as plain cells: `rows[0]` is the sheet's row 1, `rows[r][0]` its column A. */
export interface SheetGrid {
  name: string;
  rows: readonly (readonly Cell[])[];
}

/** One workbook as grids, with the name of the file it came from. */
export interface GridWorkbook {
  fileName: string;
  sheets: readonly SheetGrid[];
}

/** One school as its 基层表 workbook gives it. */
export interface JicengSchool {
  schoolCode: string;
  schoolName: string;
  attributes: Partial<SchoolAttributes>;
  /** 举办者 as the form gives it. */
  sponsor: string | null;
  values: Record<string, number>;
  /** Element → the address it was read from (`教基3112/01/2`), for messages. */
  sourceOf: Record<string, string>;
  fileName: string;
}

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());

/** A 行代码 as printed: "01", 1 or "1" all read as "01". */
function rowCode(c: Cell): string {
  const t = text(c);
  return /^\d+$/.test(t) ? t.padStart(2, "0") : t;
}

/** A 栏号 as printed: 1 or "1" (also full-width digits). */
function columnCode(c: Cell): string {
  return text(c).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A grid 表 located: the sheet row of each 行代码 and the sheet column of each 栏号. */
interface LocatedTable {
  sheet: SheetGrid;
  rowOf: Map<string, number>;
  columnOf: Map<string, number>;
}

/** Finds the 栏号 row (甲, 乙, 1, 2 …) and the 行代码 column under 乙. Null when there is none. */
function locateTable(sheet: SheetGrid): LocatedTable | null {
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const jia = cells.findIndex((c) => text(c) === "甲");
    const yi = cells.findIndex((c) => text(c) === "乙");
    if (jia < 0 || yi < 0) {
      continue;
    }
    const columnOf = new Map<string, number>();
    cells.forEach((c, i) => {
      const code = columnCode(c);
      if (i > yi && /^\d+$/.test(code) && !columnOf.has(code)) {
        columnOf.set(code, i);
      }
    });
    const rowOf = new Map<string, number>();
    for (let d = r + 1; d < sheet.rows.length; d++) {
      const code = rowCode(sheet.rows[d]?.[yi]);
      if (code !== "" && !rowOf.has(code)) {
        rowOf.set(code, d);
      }
    }
    return { sheet, rowOf, columnOf };
  }
  return null;
}

/** The form's fields: each label's value is the next filled cell to its right (or after a colon). */
function readForm(sheet: SheetGrid, form: JicengForm): Map<JicengFormField, string> {
  const out = new Map<JicengFormField, string>();
  const labels = form.fields.map(([field, label]) => [field, normalizeHeader(label)] as const);
  for (const cells of sheet.rows) {
    cells.forEach((c, i) => {
      const t = normalizeHeader(text(c));
      for (const [field, label] of labels) {
        if (out.has(field)) {
          continue;
        }
        if (t === label || t === `${label}：` || t === `${label}:`) {
          const value = cells.slice(i + 1).find((v) => text(v) !== "");
          if (value !== undefined) {
            out.set(field, text(value));
          }
        } else if (t.startsWith(`${label}：`) || t.startsWith(`${label}:`)) {
          out.set(field, t.slice(label.length + 1));
        }
      }
    });
  }
  return out;
}

/**
 * Reads one school workbook for `year`'s generation. Issue codes: `jiceng-wrong-generation`,
 * `jiceng-missing-form`, `jiceng-missing-school-code`, `jiceng-unknown-school-type`,
 * `jiceng-unknown-urban-rural`, `jiceng-no-column-row`, `jiceng-missing-row`, `jiceng-missing-column`,
 * `jiceng-not-a-number`. A 表 the school does not fill (no sheet) reports none of its elements.
 */
export function readJicengWorkbook(
  workbook: GridWorkbook,
  generation: JicengGeneration,
  year: number,
): { school: JicengSchool | null; issues: Issue[] } {
  const file = workbook.fileName;
  const issues: Issue[] = [];
  const sheets = new Map<string, SheetGrid>();
  const otherPrefix = new Set<string>();
  for (const s of workbook.sheets) {
    const parsed = parseJicengSheetName(s.name);
    if (parsed === null) {
      continue;
    }
    if (!parsed.table.startsWith(generation.prefix)) {
      otherPrefix.add(parsed.table.replace(/\d+$/, ""));
      continue;
    }
    if (!sheets.has(parsed.table)) {
      sheets.set(parsed.table, s);
    }
  }
  if (sheets.size === 0 && otherPrefix.size > 0) {
    issues.push({
      code: "jiceng-wrong-generation",
      severity: "error",
      message: `${file}：是${[...otherPrefix].join("、")}表，而 ${year} 统计年度的基层表应为${generation.prefix}表（${generation.label}）`,
      where: { file, sheet: "", row: 0, column: "" },
    });
    return { school: null, issues };
  }
  const formSheet = sheets.get(generation.form.table);
  if (formSheet === undefined) {
    issues.push({
      code: "jiceng-missing-form",
      severity: "error",
      message: `${file}：缺少${generation.form.table}（${generation.form.title}），无法确定学校`,
      where: { file, sheet: generation.form.table, row: 0, column: "" },
    });
    return { school: null, issues };
  }
  const form = readForm(formSheet, generation.form);
  const schoolCode = form.get("schoolCode") ?? "";
  const formWhere = (field: JicengFormField) => ({
    file,
    sheet: formSheet.name,
    row: 0,
    column: generation.form.fields.find(([f]) => f === field)?.[1] ?? field,
  });
  if (!/^\d{10}$/.test(schoolCode)) {
    issues.push({
      code: "jiceng-missing-school-code",
      severity: "error",
      message: `${file}：${generation.form.table}的学校标识码${schoolCode === "" ? "为空" : `“${schoolCode}”不是 10 位数字`}`,
      where: formWhere("schoolCode"),
    });
    return { school: null, issues };
  }
  const schoolName = form.get("schoolName") ?? "";
  const who = `${file}（${schoolName === "" ? schoolCode : `${schoolName} ${schoolCode}`}）`;
  const attributes: Partial<SchoolAttributes> = {};
  const typeText = form.get("schoolType");
  if (typeText !== undefined) {
    const t = findSchoolTypeCode(typeText);
    if (t === undefined || t.schoolType === null) {
      issues.push({
        code: "jiceng-unknown-school-type",
        severity: "error",
        message: `${who}${generation.form.table} 办学类型“${typeText}”不是可独立建校的办学类型代码`,
        where: formWhere("schoolType"),
      });
    } else {
      attributes.schoolType = t.schoolType;
    }
  }
  const urbanText = form.get("urbanRural");
  if (urbanText !== undefined) {
    const u = findUrbanRural(urbanText);
    if (u === undefined) {
      issues.push({
        code: "jiceng-unknown-urban-rural",
        severity: "error",
        message: `${who}${generation.form.table} 城乡分类“${urbanText}”不是城乡分类代码`,
        where: formWhere("urbanRural"),
      });
    } else {
      attributes.urbanRural = u;
    }
  }
  const sponsor = form.get("sponsor") ?? null;
  const ownership = deriveOwnership(sponsor, form.get("ownership") ?? null);
  if (ownership !== undefined) {
    attributes.ownership = ownership;
  }
  const inclusive = form.get("isInclusive");
  if (inclusive === "是" || inclusive === "否") {
    attributes.isInclusive = inclusive === "是";
  }

  const { values, sourceOf } = readValues(sheets, generation, who, file, issues);
  return {
    school: { schoolCode, schoolName, attributes, sponsor, values, sourceOf, fileName: file },
    issues,
  };
}

/** Every mapped element of the generation read from the located 表 (issues added to `issues`). */
function readValues(
  sheets: ReadonlyMap<string, SheetGrid>,
  generation: JicengGeneration,
  who: string,
  file: string,
  issues: Issue[],
): { values: Record<string, number>; sourceOf: Record<string, string> } {
  const located = new Map<string, LocatedTable | null>();
  const tableOf = (table: string): LocatedTable | null | undefined => {
    if (!located.has(table)) {
      const sheet = sheets.get(table);
      if (sheet === undefined) {
        return undefined;
      }
      const t = locateTable(sheet);
      if (t === null) {
        issues.push({
          code: "jiceng-no-column-row",
          severity: "error",
          message: `${who}表 ${table}：找不到栏号行（甲、乙、1、2 …），无法按行代码、栏号读取`,
          where: { file, sheet: sheet.name, row: 0, column: table },
        });
      }
      located.set(table, t);
    }
    return located.get(table);
  };
  const reported = new Set<string>();
  /** The value at an address: a number, null (empty or no such 表), or undefined after an issue. */
  const valueAt = (ref: string): number | null | undefined => {
    const { table, row, column } = parseCellRef(ref);
    const t = tableOf(table);
    if (t === undefined) {
      return null;
    }
    if (t === null) {
      return undefined;
    }
    const layout = generation.tables.find((x) => x.table === table);
    const r = t.rowOf.get(row);
    const c = t.columnOf.get(column);
    const problem = (code: string, message: string, sheetRow: number): void => {
      const key = `${code}|${table}|${code === "jiceng-missing-column" ? "" : row}|${code === "jiceng-missing-row" ? "" : column}`;
      if (!reported.has(key)) {
        reported.add(key);
        issues.push({
          code,
          severity: "error",
          message,
          where: { file, sheet: t.sheet.name, row: sheetRow, column: `${table}/${row}/${column}` },
        });
      }
    };
    if (r === undefined) {
      const label = layout?.rows.find(([code]) => code === row)?.[1] ?? "";
      problem("jiceng-missing-row", `${who}表 ${table}：缺少行代码 ${row}（${label}）`, 0);
      return undefined;
    }
    if (c === undefined) {
      const label = layout?.columns.find(([code]) => code === column)?.[1] ?? "";
      problem("jiceng-missing-column", `${who}表 ${table}：缺少栏号 ${column}（${label}）`, 0);
      return undefined;
    }
    const cell = t.sheet.rows[r]?.[c];
    const v = readNumber(cell ?? null);
    if (v !== null && Number.isNaN(v)) {
      problem(
        "jiceng-not-a-number",
        `${who}表 ${table} 行代码 ${row} 栏号 ${column}：“${text(cell)}”不是数字`,
        r + 1,
      );
      return undefined;
    }
    return v;
  };
  const sum = (refs: readonly string[]): number | null | undefined => {
    let total: number | null = null;
    let failed = false;
    for (const ref of refs) {
      const v = valueAt(ref);
      if (v === undefined) {
        failed = true;
      } else if (v !== null) {
        total = (total ?? 0) + v;
      }
    }
    return failed ? undefined : total;
  };
  const values: Record<string, number> = {};
  const sourceOf: Record<string, string> = {};
  for (const m of generation.mappings) {
    const plus = sum(m.cells);
    const minus = m.minus === undefined ? null : sum(m.minus);
    if (plus === undefined || minus === undefined || plus === null) {
      continue;
    }
    values[m.element] = roundHalfUp((plus - (minus ?? 0)) * (m.scale ?? 1), 2);
    sourceOf[m.element] = m.cells.join("+");
  }
  return { values, sourceOf };
}
