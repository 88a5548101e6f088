import { sql, type Insertable, type Kysely, type Transaction } from "kysely";
import type { Database, StatsImportRow, StatsImportsTable } from "../schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The tables that hold per-unit, per-year statistic values. */
export type StatsTable = "school_stats" | "population_stats" | "enrolment_history";

/** One unit's values for one year, keyed by org unit code (as the indicator engine reads them). */
export interface UnitYearValues {
  orgUnitId: string;
  code: string;
  year: number;
  values: Record<string, number>;
}

/** One year's rows of a table in one text, for bulk readers; see {@link statsRepo.listPackedInScope}. */
export interface PackedYearValues {
  year: number;
  /**
   * The year's rows as one JSON array, each unit's id followed by its values as PostgreSQL prints
   * jsonb — `["…-4a1f-…",{"pupils.primary": 420, …},"…",{…}]` — in no order: one JSON.parse per year
   * instead of one per row.
   */
  json: string;
  /** How many rows (units) the text holds. */
  count: number;
}

/** A row to write: the unit's id, the year and its values. */
export interface StatValuesInsert {
  orgUnitId: string;
  year: number;
  values: Readonly<Partial<Record<string, number>>>;
}

const CHUNK = 300;

/** jsonb arrives parsed from pg and PGlite alike; a string (older drivers) is parsed here. */
function asValues(v: unknown): Record<string, number> {
  const parsed: unknown = typeof v === "string" ? JSON.parse(v) : v;
  return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, number>) : {};
}

/** Reads and writes school statistics, population and 招生 history (统计数据). */
export const statsRepo = {
  async insertImport(db: Db, row: Insertable<StatsImportsTable>): Promise<StatsImportRow> {
    return db.insertInto("stats_imports").values(row).returningAll().executeTakeFirstOrThrow();
  },

  /**
   * Values of `table` for units whose path lies under `scopePath`, for years `from`..`to` (inclusive),
   * in one query.
   */
  async listInScope(
    db: Db,
    table: StatsTable,
    scopePath: string,
    from: number,
    to: number,
  ): Promise<UnitYearValues[]> {
    const rows = await db
      .selectFrom(table)
      .innerJoin("org_units", "org_units.id", `${table}.org_unit_id`)
      .select([`${table}.org_unit_id as orgUnitId`, "org_units.code as code", `${table}.year as year`])
      .select(`${table}.values as values`)
      .where("org_units.path", "like", `${scopePath}%`)
      .where(`${table}.year`, ">=", from)
      .where(`${table}.year`, "<=", to)
      .execute();
    return rows.map((r) => ({
      orgUnitId: r.orgUnitId,
      code: r.code,
      year: r.year,
      values: asValues(r.values),
    }));
  },

  /**
   * The rows of {@link statsRepo.listInScope} for whole provinces (hundreds of thousands of rows), one
   * JSON text per year: on PGlite, reading and decoding a row costs more than the row's values, and
   * objects made per row dominate the memory; callers parse a year at a time into columns instead.
   */
  async listPackedInScope(
    db: Db,
    table: StatsTable,
    scopePath: string,
    from: number,
    to: number,
  ): Promise<PackedYearValues[]> {
    const r = await sql<{ y: number; n: number; v: string }>`
      SELECT s.year AS y, count(*)::int AS n,
        '[' || string_agg('"' || s.org_unit_id::text || '",' || s.values_text, ',') || ']' AS v
      FROM ${sql.table(table)} s
      WHERE s.year BETWEEN ${from} AND ${to}
        AND s.org_unit_id IN (SELECT id FROM org_units WHERE path LIKE ${`${scopePath}%`})
      GROUP BY s.year
      ORDER BY s.year`.execute(db);
    return r.rows.map((row) => ({ year: row.y, json: row.v, count: row.n }));
  },

  /**
   * Several {@link statsRepo.listPackedInScope} reads in one transaction that lets them sort in memory
   * (work_mem up to 512 MB for the transaction only): grouping a province's rows by year otherwise
   * spills a few hundred megabytes to temporary files, which costs a large part of the read on PGlite.
   */
  async listPackedTablesInScope(
    db: Kysely<Database>,
    scopePath: string,
    reads: readonly { table: StatsTable; from: number; to: number }[],
  ): Promise<PackedYearValues[][]> {
    return db.transaction().execute(async (trx) => {
      await sql`SET LOCAL work_mem = '512MB'`.execute(trx);
      const out: PackedYearValues[][] = [];
      for (const r of reads) {
        out.push(await statsRepo.listPackedInScope(trx, r.table, scopePath, r.from, r.to));
      }
      return out;
    });
  },

  /**
   * Refreshes the planner's statistics of `tables` after a bulk write: without them PostgreSQL (and
   * PGlite, which runs no autovacuum) plans the next province-wide read for a few dozen rows. Only the
   * unit and year columns, which the reads filter on (the row count is refreshed either way): sampling
   * the jsonb values costs several times more and informs no query. Run it outside the writing
   * transaction.
   */
  async analyze(db: Kysely<Database>, tables: readonly StatsTable[]): Promise<void> {
    if (tables.length === 0) {
      return;
    }
    const list = sql.join(tables.map((t) => sql`${sql.table(t)} (org_unit_id, year)`));
    await sql`ANALYZE ${list}`.execute(db);
  },

  /** Deletes the rows of `table` for `year` whose unit lies under `scopePath`; returns how many. */
  async deleteYearInScope(db: Db, table: StatsTable, scopePath: string, year: number): Promise<number> {
    const r = await db
      .deleteFrom(table)
      .where("year", "=", year)
      .where("org_unit_id", "in", (eb) =>
        eb.selectFrom("org_units").select("id").where("path", "like", `${scopePath}%`),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Bulk insert in chunks of a few hundred rows (one statement per chunk). */
  async insertMany(
    db: Db,
    table: StatsTable,
    rows: readonly StatValuesInsert[],
    meta: { importId?: string | null; importedBy?: string | null } = {},
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      if (table === "enrolment_history") {
        await db
          .insertInto(table)
          .values(
            chunk.map((r) => ({ org_unit_id: r.orgUnitId, year: r.year, values: JSON.stringify(r.values) })),
          )
          .execute();
      } else {
        await db
          .insertInto(table)
          .values(
            chunk.map((r) => ({
              org_unit_id: r.orgUnitId,
              year: r.year,
              values: JSON.stringify(r.values),
              import_id: meta.importId ?? null,
              imported_by: meta.importedBy ?? null,
            })),
          )
          .execute();
      }
    }
  },

  /** How many rows `table` holds for `year` (all units). */
  async countYear(db: Db, table: StatsTable, year: number): Promise<number> {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("year", "=", year)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
