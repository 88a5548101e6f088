/**
 * Reading uploaded template rows (模板解析): header row → column bindings, data row → record, problems by
 * sheet, row and column. Cells arrive as the server's spreadsheet reader gives them (number, text, empty).
 */
import type { Issue } from "../issues.ts";
import type { Ownership, SchoolAttributes, SchoolType, UrbanRural } from "../org/org-unit.ts";
import { findSchoolTypeCode, findUrbanRural } from "@luoshi/common";
import { STATS_SHEET_LABELS, type StatsSheet } from "./data-elements.ts";
import type { PopulationRecord, SchoolYearRecord } from "./records.ts";
import { ATTRIBUTE_CELL_VALUES, templateSheet, type TemplateColumn } from "./template.ts";
import { validateRecordValues, type ValidationContext } from "./validation.ts";

/** A cell as read from a sheet. */
export type Cell = string | number | boolean | null | undefined;

/** Header row matched against a template sheet: one binding (or null: ignored column) per column. */
export interface HeaderBinding {
  sheet: StatsSheet;
  sheetName: string;
  columns: readonly (TemplateColumn | null)[];
  headers: readonly string[];
}

/** Header normalisation: no spaces, ASCII brackets. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/\s+/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    .replace(/\u3000/g, "");
}

/**
 * Matches a header row (row 1) against a sheet. Issues: `unknown-data-element` (a header no element or
 * field has; its column is ignored), `duplicate-column`, `missing-key-column`.
 */
export function matchHeaders(
  sheet: StatsSheet,
  headers: readonly Cell[],
): { binding: HeaderBinding; issues: Issue[] } {
  const t = templateSheet(sheet);
  const lookup = new Map<string, TemplateColumn>();
  for (const c of t.columns) {
    for (const h of [c.header, ...c.aliases]) {
      lookup.set(normalizeHeader(h), c);
    }
  }
  const issues: Issue[] = [];
  const used = new Set<TemplateColumn>();
  const texts = headers.map((h) => (h === null || h === undefined ? "" : String(h)));
  const columns = texts.map((text) => {
    if (text.trim() === "") {
      return null;
    }
    const c = lookup.get(normalizeHeader(text));
    if (c === undefined) {
      issues.push({
        code: "unknown-data-element",
        severity: "error",
        message: `表“${t.name}”的列“${text}”不是已知的数据项，已忽略`,
        where: { sheet: t.name, row: 1, column: text },
      });
      return null;
    }
    if (used.has(c)) {
      issues.push({
        code: "duplicate-column",
        severity: "error",
        message: `表“${t.name}”的列“${text}”重复，仅读取第一列`,
        where: { sheet: t.name, row: 1, column: text },
      });
      return null;
    }
    used.add(c);
    return c;
  });
  for (const c of t.columns) {
    if (c.isRequired && !used.has(c)) {
      issues.push({
        code: "missing-key-column",
        severity: "error",
        message: `表“${t.name}”缺少必填列“${c.header}”`,
        where: { sheet: t.name, row: 1, column: c.header },
      });
    }
  }
  return { binding: { sheet, sheetName: t.name, columns, headers: texts }, issues };
}

/** A parsed data row: keys, attributes (学校基本情况 only) and element values. */
export interface ParsedRow {
  sheet: StatsSheet;
  /** 1-based row number in the sheet. */
  row: number;
  schoolCode?: string;
  schoolName?: string;
  areaCode?: string;
  areaName?: string;
  year?: number;
  attributes: Partial<SchoolAttributes>;
  values: Record<string, number>;
  /** Element code → header it came from. */
  columnOf: Record<string, string>;
  /**
   * Elements whose column the sheet has but whose cell on this row is empty: the import blanks them
   * (unless another sheet gives a value). Elements without a column in the file are left as stored.
   */
  cleared?: string[];
}

const EMPTY = new Set(["", "-", "—", "–", "/", "／", "无"]);

/** Reads a numeric cell: numbers, "1,234", full-width digits; null for empty markers, NaN for junk. */
export function readNumber(cell: Cell): number | null {
  if (cell === null || cell === undefined || typeof cell === "boolean") {
    return null;
  }
  if (typeof cell === "number") {
    return cell;
  }
  const s = cell
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，,]/g, "")
    .replace(/．/g, ".")
    .replace(/－/g, "-");
  if (EMPTY.has(s)) {
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}

/** An attribute cell: its key or label, and for 办学类型 / 城乡分类 also the national code ("211 小学", "121"). */
function readAttribute(field: keyof typeof ATTRIBUTE_CELL_VALUES, text: string): string | null {
  if (field === "schoolType") {
    const coded = findSchoolTypeCode(text)?.schoolType;
    if (coded !== undefined && coded !== null) {
      return coded;
    }
  } else if (field === "urbanRural" && /^\d{3}/.test(text.trim())) {
    return findUrbanRural(text) ?? null;
  }
  const table: Readonly<Record<string, string>> = ATTRIBUTE_CELL_VALUES[field];
  for (const [k, label] of Object.entries(table)) {
    if (text === label || text === k) {
      return k;
    }
  }
  return null;
}

/**
 * Parses one data row. Issues (all with `{sheet, row, column}`): `missing-key`, `bad-year`,
 * `not-a-number`, `unknown-attribute-value`, then every issue of {@link validateRecordValues} for the
 * values on this row (negative values, grade and band sums …).
 */
export function parseTemplateRow(
  binding: HeaderBinding,
  cells: readonly Cell[],
  rowNumber: number,
  context: Omit<ValidationContext, "locate"> = {},
): { row: ParsedRow | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const where = (column: string): Issue["where"] => ({ sheet: binding.sheetName, row: rowNumber, column });
  const out: ParsedRow = { sheet: binding.sheet, row: rowNumber, attributes: {}, values: {}, columnOf: {} };
  binding.columns.forEach((c, i) => {
    if (c === null) {
      return;
    }
    const cell = cells[i];
    const text = cell === null || cell === undefined ? "" : String(cell).trim();
    if (c.element !== undefined) {
      const v = readNumber(cell ?? null);
      if (v === null) {
        (out.cleared ??= []).push(c.element);
        out.columnOf[c.element] = c.header;
        return;
      }
      if (Number.isNaN(v)) {
        issues.push({
          code: "not-a-number",
          severity: "error",
          message: `“${c.header}”应为数字，实为“${text}”`,
          where: where(c.header),
        });
        return;
      }
      out.values[c.element] = v;
      out.columnOf[c.element] = c.header;
      return;
    }
    switch (c.field) {
      case "schoolCode":
      case "schoolName":
      case "areaCode":
      case "areaName":
        if (text !== "") {
          out[c.field] = text;
        }
        return;
      case "year": {
        const y = readNumber(cell ?? null);
        if (y === null || Number.isNaN(y) || !Number.isInteger(y) || y < 1949 || y > 2100) {
          issues.push({
            code: "bad-year",
            severity: "error",
            message: `统计年度“${text}”无效`,
            where: where(c.header),
          });
        } else {
          out.year = y;
        }
        return;
      }
      case "schoolType":
      case "ownership":
      case "urbanRural":
      case "isInclusive": {
        if (text === "") {
          return;
        }
        const k = readAttribute(c.field, text);
        if (k === null) {
          issues.push({
            code: "unknown-attribute-value",
            severity: "error",
            message: `“${c.header}”不能为“${text}”`,
            where: where(c.header),
          });
        } else if (c.field === "isInclusive") {
          out.attributes.isInclusive = k === "true";
        } else if (c.field === "schoolType") {
          out.attributes.schoolType = k as SchoolType;
        } else if (c.field === "ownership") {
          out.attributes.ownership = k as Ownership;
        } else {
          out.attributes.urbanRural = k as UrbanRural;
        }
        return;
      }
      default:
        return;
    }
  });
  const keyField = binding.sheet === "population" ? "areaCode" : "schoolCode";
  if (out[keyField] === undefined) {
    const header = binding.sheet === "population" ? "乡镇代码" : "学校标识码";
    issues.push({
      code: "missing-key",
      severity: "error",
      message: `第 ${rowNumber} 行缺少${header}`,
      where: where(header),
    });
  }
  issues.push(
    ...validateRecordValues(out.values, {
      ...context,
      ...(out.attributes.schoolType !== undefined ? { schoolType: out.attributes.schoolType } : {}),
      locate: (code) => where(out.columnOf[code] ?? code) ?? {},
    }),
  );
  const fatal = issues.some((i) => i.code === "missing-key" || i.code === "bad-year");
  return { row: fatal || out.year === undefined ? null : out, issues };
}

/**
 * Merges parsed rows of all sheets into school-year and population records (one per key and year);
 * a value given twice keeps the first with a `conflicting-value` issue.
 */
export function mergeParsedRows(rows: readonly ParsedRow[]): {
  records: SchoolYearRecord[];
  population: PopulationRecord[];
  issues: Issue[];
} {
  const schools = new Map<string, { code: string; year: number; values: Record<string, number> }>();
  const areas = new Map<string, { code: string; year: number; values: Record<string, number> }>();
  const issues: Issue[] = [];
  for (const r of rows) {
    const code = r.sheet === "population" ? r.areaCode : r.schoolCode;
    if (code === undefined || r.year === undefined) {
      continue;
    }
    const map = r.sheet === "population" ? areas : schools;
    const k = `${code}|${r.year}`;
    const target = map.get(k) ?? { code, year: r.year, values: {} };
    map.set(k, target);
    for (const [e, v] of Object.entries(r.values)) {
      const old = target.values[e];
      if (old !== undefined && old !== v) {
        issues.push({
          code: "conflicting-value",
          severity: "error",
          message: `${code} ${r.year}年“${r.columnOf[e] ?? e}”填报了不同的值（${old} / ${v}）`,
          where: { sheet: STATS_SHEET_LABELS[r.sheet], row: r.row, column: r.columnOf[e] ?? e },
        });
        continue;
      }
      target.values[e] = v;
    }
  }
  return {
    records: [...schools.values()].map((s) => ({ schoolCode: s.code, year: s.year, values: s.values })),
    population: [...areas.values()].map((a) => ({ areaCode: a.code, year: a.year, values: a.values })),
    issues,
  };
}

/** Writes a record back as a row of `binding`'s columns (template export, round trips). */
export function rowToCells(
  binding: HeaderBinding,
  row: Omit<ParsedRow, "sheet" | "row" | "columnOf">,
): Cell[] {
  return binding.columns.map((c) => {
    if (c === null) {
      return null;
    }
    if (c.element !== undefined) {
      return row.values[c.element] ?? null;
    }
    switch (c.field) {
      case "schoolType":
        return row.attributes.schoolType === undefined
          ? null
          : ATTRIBUTE_CELL_VALUES.schoolType[row.attributes.schoolType];
      case "ownership":
        return row.attributes.ownership === undefined
          ? null
          : ATTRIBUTE_CELL_VALUES.ownership[row.attributes.ownership];
      case "urbanRural":
        return row.attributes.urbanRural === undefined
          ? null
          : ATTRIBUTE_CELL_VALUES.urbanRural[row.attributes.urbanRural];
      case "isInclusive":
        return row.attributes.isInclusive === undefined ? null : row.attributes.isInclusive ? "是" : "否";
      case undefined:
        return null;
      default:
        return row[c.field] ?? null;
    }
  });
}
