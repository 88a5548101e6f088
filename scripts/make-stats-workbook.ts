/**
 * A large statistics workbook in the import template's layout, for measuring `importStatistics`: one
 * year of the synthetic province's schools (and 乡镇 population) written with every template column that
 * has data. Run: node scripts/make-stats-workbook.ts OUT.xlsx [schoolsPerTownship=25] [sheets=学生,…]
 * (25 per township = 25,000 schools; sheets default to all six).
 */
import ExcelJS from "exceljs";
import {
  STATS_TEMPLATE,
  matchHeaders,
  rowToCells,
  type Cell,
  type TemplateSheet,
} from "@luoshi/domain/stats";
import type { SyntheticProvince } from "./synthetic-province.ts";

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
 * Writes `year` of `province` as an .xlsx with the named sheets (all six when `sheetNames` is empty) to
 * `out` through exceljs's streaming writer; returns the number of data rows.
 */
export async function writeStatsWorkbook(
  province: SyntheticProvince,
  year: number,
  out: string,
  sheetNames: readonly string[] = [],
): Promise<number> {
  const sheets = (sheetNames.length === 0 ? STATS_TEMPLATE.map((t) => t.name) : sheetNames).map((n) => {
    const t = BY_NAME.get(n);
    if (t === undefined) {
      throw new Error(`no template sheet ${n}`);
    }
    return t;
  });
  const records = province.records.filter((r) => r.year === year);
  const population = province.population.filter((r) => r.year === year);
  const schoolNames = new Map(province.units.map((u) => [u.code, u.name]));
  const elements = new Set<string>();
  for (const r of [...records, ...population]) {
    for (const k of Object.keys(r.values)) {
      elements.add(k);
    }
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false });
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
            areaName: schoolNames.get(p.areaCode) ?? "",
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
            schoolName: schoolNames.get(r.schoolCode) ?? "",
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

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const { synthesizeProvince } = await import("./synthetic-province.ts");
  const out = process.argv[2] ?? "/tmp/stats-25k.xlsx";
  const province = synthesizeProvince({ schoolsPerTownship: Number(process.argv[3] ?? 25) });
  const year = province.years.at(-1) ?? 2024;
  const sheets = (process.argv[4] ?? "").split(",").filter((s) => s !== "");
  const rows = await writeStatsWorkbook(province, year, out, sheets);
  console.log(`${out}: ${year} 年, ${rows} rows`);
}
