/**
 * What a statistics import changed, kept so that the import can be undone as a whole: before an import
 * rewrites a row it copies the row as it was (or notes that there was none); undoing puts those rows
 * back, but only while every row the import wrote still carries its id (no later import changed it).
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import type { StatsImportRow } from "../schema.ts";
import { WHOLE_TREE, inScope, type Scope } from "../scope.ts";

/** The tables an import writes and can undo. */
export type UndoableStatsTable = "school_stats" | "population_stats";

/** A later import that rewrote rows of an import being undone. */
export interface LaterStatsImport {
  id: string;
  fileName: string;
  importedAt: Date;
  rows: number;
}

export const statsUndoRepo = {
  /**
   * Records, for `import_id`, the rows of `table` for `year` and `unitIds` as they are now (before the
   * import rewrites them); a unit without a row is recorded as having none.
   */
  async recordBefore(
    db: Db,
    importId: string,
    table: UndoableStatsTable,
    year: number,
    unitIds: readonly string[],
  ): Promise<void> {
    for (let i = 0; i < unitIds.length; i += 2500) {
      const json = JSON.stringify(unitIds.slice(i, i + 2500).map((u) => ({ u })));
      await sql`
        INSERT INTO stats_import_changes (import_id, table_name, org_unit_id, year, had_row,
          before_values, before_import_id, before_imported_by, before_imported_at)
        SELECT ${importId}::uuid, ${table}, x.u, ${year}::integer, s.org_unit_id IS NOT NULL,
          s."values", s.import_id, s.imported_by, s.imported_at
        FROM jsonb_to_recordset(${json}::jsonb) AS x(u uuid)
        LEFT JOIN ${sql.table(table)} s ON s.org_unit_id = x.u AND s.year = ${year}::integer
      `.execute(db);
    }
  },

  /** Deletes the rows of `table` for `year` and `unitIds` (an import rewrites them next). */
  async deleteRows(
    db: Db,
    table: UndoableStatsTable,
    year: number,
    unitIds: readonly string[],
  ): Promise<void> {
    for (let i = 0; i < unitIds.length; i += 2500) {
      await db
        .deleteFrom(table)
        .where("year", "=", year)
        .where("org_unit_id", "in", unitIds.slice(i, i + 2500))
        .execute();
    }
  },

  /** The import `id` if its unit lies within `scope` (a unit-less import: whole-tree scopes only). */
  async findImportInScope(db: Db, scope: Scope, id: string): Promise<StatsImportRow | undefined> {
    return db
      .selectFrom("stats_imports")
      .leftJoin("org_units", "org_units.id", "stats_imports.org_unit_id")
      .selectAll("stats_imports")
      .where("stats_imports.id", "=", id)
      .where((eb) => (scope.path === WHOLE_TREE.path ? eb.val(true) : inScope("org_units.path", scope)))
      .executeTakeFirst();
  },

  /** The imports that rewrote rows `importId` wrote (the rows no longer carry its id). */
  async laterImports(db: Db, importId: string): Promise<LaterStatsImport[]> {
    const r = await sql<{ id: string; file_name: string; imported_at: Date; n: number }>`
      SELECT i.id, i.file_name, i.imported_at, count(*)::int AS n
      FROM stats_import_changes c
      JOIN (
        SELECT 'school_stats' AS t, org_unit_id, year, import_id FROM school_stats
        UNION ALL
        SELECT 'population_stats', org_unit_id, year, import_id FROM population_stats
      ) s ON s.t = c.table_name AND s.org_unit_id = c.org_unit_id AND s.year = c.year
      JOIN stats_imports i ON i.id = s.import_id
      WHERE c.import_id = ${importId}::uuid AND s.import_id IS DISTINCT FROM c.import_id
      GROUP BY i.id, i.file_name, i.imported_at
      ORDER BY i.imported_at`.execute(db);
    return r.rows.map((x) => ({ id: x.id, fileName: x.file_name, importedAt: x.imported_at, rows: x.n }));
  },

  /** Rows `importId` wrote that are gone (deleted since, not rewritten by an import). */
  async missingRows(db: Db, importId: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM stats_import_changes c
      WHERE c.import_id = ${importId}::uuid
        AND NOT EXISTS (
          SELECT 1 FROM school_stats s WHERE c.table_name = 'school_stats'
            AND s.org_unit_id = c.org_unit_id AND s.year = c.year
          UNION ALL
          SELECT 1 FROM population_stats p WHERE c.table_name = 'population_stats'
            AND p.org_unit_id = c.org_unit_id AND p.year = c.year)`.execute(db);
    return r.rows[0]?.n ?? 0;
  },

  /**
   * Undoes `importId`: deletes the rows it wrote and puts back the rows as they were before it; marks
   * the import undone. Returns how many rows were restored and how many removed (added by the import).
   */
  async undo(db: Db, importId: string, by: string | null): Promise<{ restored: number; removed: number }> {
    let restored = 0;
    let removed = 0;
    for (const table of ["school_stats", "population_stats"] as const) {
      await sql`
        DELETE FROM ${sql.table(table)} s USING stats_import_changes c
        WHERE c.import_id = ${importId}::uuid AND c.table_name = ${table}
          AND s.org_unit_id = c.org_unit_id AND s.year = c.year AND s.import_id = c.import_id
      `.execute(db);
      const put = await sql`
        INSERT INTO ${sql.table(table)} (org_unit_id, year, "values", import_id, imported_by, imported_at)
        SELECT c.org_unit_id, c.year, c.before_values, c.before_import_id, c.before_imported_by,
          c.before_imported_at
        FROM stats_import_changes c
        WHERE c.import_id = ${importId}::uuid AND c.table_name = ${table} AND c.had_row
      `.execute(db);
      restored += Number(put.numAffectedRows ?? 0);
      const n = await db
        .selectFrom("stats_import_changes")
        .select((eb) => eb.fn.countAll<string | number>().as("n"))
        .where("import_id", "=", importId)
        .where("table_name", "=", table)
        .where("had_row", "=", false)
        .executeTakeFirstOrThrow();
      removed += Number(n.n);
    }
    await db
      .updateTable("stats_imports")
      .set({ undone_at: new Date(), undone_by: by })
      .where("id", "=", importId)
      .execute();
    return { restored, removed };
  },
};
