/**
 * Writing an import's rows fast: one INSERT … SELECT FROM jsonb_to_recordset per chunk of a few thousand
 * rows, so a 25,000-school year is a handful of statements with one parameter each (multi-row VALUES
 * would need five parameters a row and hit the 65,535-parameter limit).
 */
import { sql, type Kysely, type Transaction } from "kysely";
import { statsRepo, type Database, type StatsTable, type StatValuesInsert } from "@luoshi/db";

/** Rows per statement: large enough for few round trips, small enough to keep each JSON parameter modest. */
const CHUNK = 2500;

/**
 * Inserts school or population rows for one import inside the caller's transaction; `wrote` hears how
 * many rows each chunk added.
 */
export async function insertStatRows(
  trx: Transaction<Database>,
  table: "school_stats" | "population_stats",
  rows: readonly StatValuesInsert[],
  meta: { importId: string; importedBy: string | null },
  wrote: (n: number) => void = () => undefined,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const json = JSON.stringify(chunk.map((r) => ({ u: r.orgUnitId, y: r.year, v: r.values })));
    await sql`
      INSERT INTO ${sql.table(table)} (org_unit_id, year, "values", import_id, imported_by)
      SELECT x.u, x.y, x.v, ${meta.importId}::uuid, ${meta.importedBy}::uuid
      FROM jsonb_to_recordset(${json}::jsonb) AS x(u uuid, y integer, v jsonb)
    `.execute(trx);
    wrote(chunk.length);
  }
}

/**
 * Refreshes the planner's statistics of the tables an import wrote, after its transaction committed: the
 * next province-wide read is planned for the rows now there, not for the few dozen before. The import
 * stands either way, so a failure is only logged.
 */
export async function analyzeAfterImport(
  db: Kysely<Database>,
  tables: readonly StatsTable[],
  warn: (message: string) => void = (m) => {
    console.warn(m);
  },
): Promise<void> {
  try {
    await statsRepo.analyze(db, tables);
  } catch (e) {
    warn(
      `统计数据已导入，但更新 ${tables.join("、")} 的查询统计信息（ANALYZE）失败：${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
