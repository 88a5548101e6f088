/**
 * School statistics written as a workbook in the import template's layout: one row per school (or 乡镇
 * for 人口) and year, with every template column some record carries. The benchmarks write a
 * province's worth through it, and the tests that set up a county write that county's first year.
 */
import ExcelJS from "exceljs";
import {
  STATS_TEMPLATE,
  matchHeaders,
  rowToCells,
  type Cell,
  type PopulationRecord,
  type SchoolYearRecord,
  type TemplateSheet,
} from "@luoshi/domain/stats";

/** What goes into the workbook: the records of one year and the names of the units they belong to. */
export interface StatsWorkbookData {
  year: number;
  /** Unit names by code, for the 学校名称 / 乡镇名称 columns. */
  names: ReadonlyMap<string, string>;
  records: readonly SchoolYearRecord[];
  population: readonly PopulationRecord[];
}

/** The template sheets by Chinese name. */
const BY_NAME = new Map(STATS_TEMPLATE.map((t) => [t.name, t]));

/** The columns of `t` worth writing: keys, and elements some record carries. */
function usedHeaders(t: TemplateSheet, elements: ReadonlySet<string>): string[] {
  return t.columns
    .filter((c) =>
      c.element === undefined ? c.isRequired || c.field !== undefined : elements.has(c.element),
    )
    .filter((c) => (t.sheet === "population" ? c.field !== "schoolCode" : c.field !== "areaCode"))
    .map((c) => c.header);
}

/**
 * Writes the records of `data.year` with the named sheets (all six when `sheetNames` is empty) to the
 * file `filename` through exceljs's streaming writer; returns the number of data rows.
 */
export async function writeStatsWorkbook(
  data: StatsWorkbookData,
  filename: string,
  sheetNames: readonly string[] = [],
): Promise<number> {
  const sheets = (sheetNames.length === 0 ? STATS_TEMPLATE.map((t) => t.name) : sheetNames).map((n) => {
    const t = BY_NAME.get(n);
    if (t === undefined) {
      throw new Error(`no template sheet ${n}`);
    }
    return t;
  });
  const { year, names } = data;
  const records = data.records.filter((r) => r.year === year);
  const population = data.population.filter((r) => r.year === year);
  const elements = new Set<string>();
  for (const r of [...records, ...population]) {
    for (const k of Object.keys(r.values)) {
      elements.add(k);
    }
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false });
  let rows = 0;
  for (const t of sheets) {
    const headers = usedHeaders(t, elements);
    const binding = matchHeaders(t.sheet, headers).binding;
    const ws = wb.addWorksheet(t.name);
    ws.addRow(headers).commit();
    const write = (cells: Cell[]): void => {
      ws.addRow(cells.map((c) => (c === undefined ? null : c))).commit();
      rows++;
    };
    if (t.sheet === "population") {
      for (const p of population) {
        write(
          rowToCells(binding, {
            areaCode: p.areaCode,
            areaName: names.get(p.areaCode) ?? "",
            year,
            attributes: {},
            values: p.values as Record<string, number>,
          }),
        );
      }
    } else {
      for (const r of records) {
        write(
          rowToCells(binding, {
            schoolCode: r.schoolCode,
            schoolName: names.get(r.schoolCode) ?? "",
            year,
            attributes: {},
            values: r.values as Record<string, number>,
          }),
        );
      }
    }
    ws.commit();
  }
  await wb.commit();
  return rows;
}
