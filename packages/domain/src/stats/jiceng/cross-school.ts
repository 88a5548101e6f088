/**
 * A county's cross-school export of the 基层表: one workbook, one sheet per 表, every school's rows in it
 * — the 基本情况 form as a table (one row per school, the form's labels as column headings) and each grid
 * with a 学校标识码 column in front of 指标名称/行代码. It is split into one workbook per school, laid out
 * as the school's own workbook would be, and read like one: every row keeps its position, so a problem
 * still names the sheet row of the export.
 */
import { normalizeHeader, type Cell } from "../template-parse.ts";
import { parseJicengSheetName, type JicengGeneration } from "./layout.ts";
import type { GridWorkbook, SheetGrid } from "./read.ts";

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());

/** Headings of the school column of a cross-school grid. */
const SCHOOL_HEADINGS = new Set(
  ["学校标识码", "学校（机构）标识码", "标识码", "学校代码"].map((h) => normalizeHeader(h)),
);
const isSchoolCode = (c: Cell): boolean => /^\d{10}$/.test(text(c));

/** The form as a table: its heading row and the column of the 标识码, or null for a one-school form. */
function formTable(sheet: SheetGrid, generation: JicengGeneration): { header: number; key: number } | null {
  const label = generation.form.fields.find(([f]) => f === "schoolCode")?.[1] ?? "";
  const wanted = new Set([normalizeHeader(label), ...SCHOOL_HEADINGS]);
  for (let r = 0; r < sheet.rows.length; r++) {
    const key = (sheet.rows[r] ?? []).findIndex((c) => wanted.has(normalizeHeader(text(c))));
    // a one-school form has the code to the right of its label; a table has codes below its heading
    if (key >= 0 && isSchoolCode(sheet.rows[r + 1]?.[key])) {
      return { header: r, key };
    }
  }
  return null;
}

/** The 栏号 row of a grid and the column of its 学校标识码 (headed so at or above it), or null. */
function gridSchoolColumn(sheet: SheetGrid): number | null {
  const columnRow = sheet.rows.findIndex((cells) => cells.some((c) => text(c) === "甲"));
  if (columnRow < 0) {
    return null;
  }
  for (let r = columnRow; r >= 0; r--) {
    const at = (sheet.rows[r] ?? []).findIndex((c) => SCHOOL_HEADINGS.has(normalizeHeader(text(c))));
    // a school's own sheet may print 学校标识码 above its grid; an export has codes in the column below
    if (at >= 0 && sheet.rows.slice(columnRow + 1).some((cells) => isSchoolCode(cells[at]))) {
      return at;
    }
  }
  return null;
}

const NO_ROW: readonly Cell[] = [];

/** A grid of the export: its 栏号 row, and the sheet rows of each school below it. */
interface ExportGrid {
  sheet: SheetGrid;
  columnRow: number;
  key: number;
  rowsBySchool: Map<string, number[]>;
}

function exportGrid(sheet: SheetGrid, key: number): ExportGrid {
  const columnRow = sheet.rows.findIndex((cells) => cells.some((c) => text(c) === "甲"));
  const rowsBySchool = new Map<string, number[]>();
  for (let r = columnRow + 1; r < sheet.rows.length; r++) {
    const code = text(sheet.rows[r]?.[key]);
    if (code !== "") {
      rowsBySchool.set(code, [...(rowsBySchool.get(code) ?? []), r]);
    }
  }
  return { sheet, columnRow, key, rowsBySchool };
}

/** One school's grid: the heading rows and its own rows kept (code cell emptied), others empty in place. */
function rowsOf(grid: ExportGrid, own: readonly number[]): (readonly Cell[])[] {
  const rows: (readonly Cell[])[] = grid.sheet.rows.map((cells, r) => (r <= grid.columnRow ? cells : NO_ROW));
  for (const r of own) {
    const cells = [...(grid.sheet.rows[r] ?? [])];
    cells[grid.key] = null;
    rows[r] = cells;
  }
  return rows;
}

/**
 * Splits a cross-school export into one workbook per school (in the order of the form table), or null
 * when `workbook` is one school's workbook. A school found in a grid but not in the form gets a workbook
 * without form, which the reader refuses by name.
 */
export function splitCrossSchoolWorkbook(
  workbook: GridWorkbook,
  generation: JicengGeneration,
): GridWorkbook[] | null {
  const named = workbook.sheets.map((s) => ({ sheet: s, parsed: parseJicengSheetName(s.name) }));
  const form = named.find((n) => n.parsed?.table === generation.form.table)?.sheet;
  const table = form === undefined ? null : formTable(form, generation);
  const grids = named
    .filter(
      (n) =>
        n.parsed !== null &&
        n.parsed.table.startsWith(generation.prefix) &&
        n.parsed.table !== generation.form.table,
    )
    .flatMap((n) => {
      const key = gridSchoolColumn(n.sheet);
      return key === null ? [] : [exportGrid(n.sheet, key)];
    });
  if (table === null && grids.length === 0) {
    return null;
  }
  const codes: string[] = [];
  const add = (c: Cell): void => {
    const code = text(c);
    if (isSchoolCode(c) && !codes.includes(code)) {
      codes.push(code);
    }
  };
  if (form !== undefined && table !== null) {
    form.rows.slice(table.header + 1).forEach((cells) => {
      add(cells[table.key]);
    });
  }
  for (const g of grids) {
    [...g.rowsBySchool.keys()].forEach(add);
  }
  const headings = form === undefined || table === null ? [] : (form.rows[table.header] ?? []);
  return codes.map((code) => {
    const sheets: SheetGrid[] = [];
    const formRow =
      form === undefined || table === null
        ? undefined
        : form.rows.find((cells, r) => r > table.header && text(cells[table.key]) === code);
    if (form !== undefined && formRow !== undefined) {
      // the form's row turned back into label / value pairs, as one school's form prints them
      sheets.push({
        name: form.name,
        rows: headings.map((h, i): Cell[] => [text(h), formRow[i] ?? null]).filter(([h]) => h !== ""),
      });
    }
    for (const g of grids) {
      const own = g.rowsBySchool.get(code);
      if (own !== undefined) {
        sheets.push({ name: g.sheet.name, rows: rowsOf(g, own) });
      }
    }
    return { fileName: workbook.fileName, sheets };
  });
}

/**
 * One cross-school export from schools' own workbooks (tests and demos): the form as a table, each 表 as
 * one grid whose rows carry the 学校标识码 in front. Sheets are named by 表号 alone.
 */
export function crossSchoolWorkbook(
  workbooks: readonly GridWorkbook[],
  generation: JicengGeneration,
  fileName: string,
): GridWorkbook {
  const labels = generation.form.fields.map(([, label]) => label);
  const codeLabel = generation.form.fields.find(([f]) => f === "schoolCode")?.[1] ?? "";
  const formRows: Cell[][] = [[`${generation.form.title}（${generation.form.table}）`], labels];
  const grids = new Map<string, { head: Cell[][]; rows: Cell[][] }>();
  for (const wb of workbooks) {
    const tables = wb.sheets.map((s) => ({ sheet: s, table: parseJicengSheetName(s.name)?.table }));
    const form = tables.find((t) => t.table === generation.form.table)?.sheet;
    const value = new Map((form?.rows ?? []).map((cells) => [text(cells[0]), cells[1] ?? null]));
    formRows.push(labels.map((l) => value.get(l) ?? null));
    const code = text(value.get(codeLabel));
    for (const { sheet, table } of tables) {
      if (table === undefined || table === generation.form.table) {
        continue;
      }
      const columnRow = sheet.rows.findIndex((cells) => cells.some((c) => text(c) === "甲"));
      const grid: { head: Cell[][]; rows: Cell[][] } = grids.get(table) ?? {
        head: [
          ...sheet.rows.slice(0, 1).map((r) => [...r]),
          ["学校标识码", ...(sheet.rows[columnRow - 1] ?? [])],
          [null, ...(sheet.rows[columnRow] ?? [])],
        ],
        rows: [],
      };
      for (const cells of sheet.rows.slice(columnRow + 1)) {
        grid.rows.push([code, ...cells]);
      }
      grids.set(table, grid);
    }
  }
  return {
    fileName,
    sheets: [
      { name: generation.form.table, rows: formRows },
      ...[...grids].map(([table, g]) => ({ name: table, rows: [...g.head, ...g.rows] })),
    ],
  };
}
