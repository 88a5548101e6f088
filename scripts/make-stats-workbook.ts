/**
 * A large statistics workbook in the import template's layout, for measuring `importStatistics`: one
 * year of the synthetic province's schools (and 乡镇 population) written with every template column that
 * has data. Run: node scripts/make-stats-workbook.ts OUT.xlsx [schoolsPerTownship=25] [sheets=学生,…]
 * (25 per township = 25,000 schools; sheets default to all six).
 */
import { writeStatsWorkbook as writeWorkbook } from "@luoshi/server";
import type { SyntheticProvince } from "./synthetic-province.ts";

/** Writes `year` of `province` as an .xlsx with the named sheets to `out`; returns the number of data rows. */
export async function writeStatsWorkbook(
  province: SyntheticProvince,
  year: number,
  out: string,
  sheetNames: readonly string[] = [],
): Promise<number> {
  const names = new Map(province.units.map((u) => [u.code, u.name]));
  return writeWorkbook(
    { year, names, records: province.records, population: province.population },
    out,
    sheetNames,
  );
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
