import { sql, type Insertable, type Kysely } from "kysely";
import {
  ORG_KINDS,
  OWNERSHIPS,
  SCHOOL_TYPES,
  URBAN_RURAL,
  type OrgKind,
  type Ownership,
  type SchoolType,
  type UrbanRural,
} from "@luoshi/domain/org";
import type { Db } from "../db.ts";
import type { Database, StatsImportRow, StatsImportsTable } from "../schema.ts";
import { WHOLE_TREE, inScope, type Scope } from "../scope.ts";

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

/**
 * Rows per INSERT: large enough for few round trips, small enough to keep each JSON parameter modest.
 * Each chunk is one `INSERT … SELECT FROM jsonb_to_recordset` with a single parameter, so a
 * 25,000-school year is a handful of statements (multi-row VALUES would need five parameters a row and
 * hit the 65,535-parameter limit).
 */
const CHUNK = 2500;

/** An org unit of a scope as the statistics import and the indicator engine need it. */
export interface StatsScopeUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  path: string;
  parentId: string | null;
  schoolType: SchoolType | null;
  ownership: Ownership | null;
  urbanRural: UrbanRural | null;
  isInclusive: boolean | null;
  /** Day the unit opened / closed (ISO dates; null: open-ended), for the year views. */
  openedOn: string | null;
  closedOn: string | null;
}

/** `value` as a member of `list`, or null: the org_units columns' CHECK constraints admit only these. */
function member<T extends string>(list: readonly T[], value: string | null): T | null {
  return list.find((m) => m === value) ?? null;
}

/** One stored import as the 导入记录 page lists it. */
export interface StatsImportListRow {
  id: string;
  year: number;
  fileName: string;
  rows: number;
  importedAt: Date;
  orgUnitName: string | null;
  displayName: string | null;
  login: string | null;
  undoable: boolean;
  undoneAt: Date | null;
}

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

  /** Every org unit within `scope`, in one query (the scope's own root unit included). */
  async listUnitsInScope(db: Db, scope: Scope): Promise<StatsScopeUnit[]> {
    return statsRepo.listUnitsBelow(db, scope, null);
  },

  /**
   * The units within `scope` that lie at or below one of `unitIds` (their subtrees), in one query; all
   * units of the scope when `unitIds` is null. The year views read units moved out of a subtree so.
   */
  async listUnitsBelow(db: Db, scope: Scope, unitIds: readonly string[] | null): Promise<StatsScopeUnit[]> {
    if (unitIds?.length === 0) {
      return [];
    }
    let query = db
      .selectFrom("org_units")
      .select([
        "id",
        "code",
        "name",
        "kind",
        "path",
        "parent_id",
        "school_type",
        "ownership",
        "urban_rural",
        "is_inclusive",
        "opened_on",
        "closed_on",
      ])
      .where(inScope("org_units.path", scope));
    if (unitIds !== null) {
      query = query.where(
        sql<boolean>`EXISTS (SELECT 1 FROM org_units AS top
          WHERE top.id IN (${sql.join(unitIds)}) AND starts_with(org_units.path, top.path))`,
      );
    }
    const rows = await query.execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: member(ORG_KINDS, r.kind) ?? "department",
      path: r.path,
      parentId: r.parent_id,
      schoolType: member(SCHOOL_TYPES, r.school_type),
      ownership: member(OWNERSHIPS, r.ownership),
      urbanRural: member(URBAN_RURAL, r.urban_rural),
      isInclusive: r.is_inclusive,
      openedOn: r.opened_on,
      closedOn: r.closed_on,
    }));
  },

  /**
   * Which of `codes` name an org unit anywhere (not limited to a scope): an import tells a code outside
   * the actor's scope (403) from one that names no unit at all.
   */
  async existingUnitCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) {
      return new Set();
    }
    const found = await db.selectFrom("org_units").select("code").where("code", "in", codes).execute();
    return new Set(found.map((f) => f.code));
  },

  /**
   * One page of the imports whose unit lies within `scope`, newest first, with the total count. Imports
   * made with the whole tree as scope have no unit: only a whole-tree scope sees them.
   */
  async listImports(
    db: Db,
    scope: Scope,
    query: { year?: number | undefined; page: number; pageSize: number },
  ): Promise<{ rows: StatsImportListRow[]; total: number }> {
    let base = db
      .selectFrom("stats_imports")
      .leftJoin("org_units", "org_units.id", "stats_imports.org_unit_id")
      .leftJoin("users", "users.id", "stats_imports.imported_by")
      .where((eb) => (scope.path === WHOLE_TREE.path ? eb.val(true) : inScope("org_units.path", scope)));
    if (query.year !== undefined) {
      base = base.where("stats_imports.year", "=", query.year);
    }
    const { n } = await base
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    const rows = await base
      .select([
        "stats_imports.id as id",
        "stats_imports.year as year",
        "stats_imports.file_name as fileName",
        "stats_imports.rows as rows",
        "stats_imports.imported_at as importedAt",
        "org_units.name as orgUnitName",
        "users.display_name as displayName",
        "users.login as login",
        "stats_imports.undoable as undoable",
        "stats_imports.undone_at as undoneAt",
      ])
      .orderBy("stats_imports.imported_at", "desc")
      .orderBy("stats_imports.id")
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return { rows, total: Number(n) };
  },

  /**
   * Values of `table` for units within `scope`, for years `from`..`to` (inclusive), in one query, by
   * unit code and year; with
   * `alsoUnitIds`, the rows of those units too (units moved out of the scope, for past years).
   */
  async listInScope(
    db: Db,
    table: StatsTable,
    scope: Scope,
    from: number,
    to: number,
    alsoUnitIds: readonly string[] = [],
  ): Promise<UnitYearValues[]> {
    const rows = await db
      .selectFrom(table)
      .innerJoin("org_units", "org_units.id", `${table}.org_unit_id`)
      .select([`${table}.org_unit_id as orgUnitId`, "org_units.code as code", `${table}.year as year`])
      .select(`${table}.values as values`)
      .where((eb) =>
        alsoUnitIds.length === 0
          ? inScope("org_units.path", scope)
          : eb.or([inScope("org_units.path", scope), eb(`${table}.org_unit_id`, "in", alsoUnitIds)]),
      )
      .where(`${table}.year`, ">=", from)
      .where(`${table}.year`, "<=", to)
      // a fixed order: sums of fractional shares then come out the same to the last bit on every read
      .orderBy("org_units.code")
      .orderBy(`${table}.year`)
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
    scope: Scope,
    from: number,
    to: number,
    alsoUnitIds: readonly string[] = [],
  ): Promise<PackedYearValues[]> {
    const also = alsoUnitIds.length === 0 ? sql`` : sql` OR id IN (${sql.join(alsoUnitIds)})`;
    const r = await sql<{ y: number; n: number; v: string }>`
      SELECT s.year AS y, count(*)::int AS n,
        '[' || string_agg('"' || s.org_unit_id::text || '",' || s.values_text, ',') || ']' AS v
      FROM ${sql.table(table)} s
      WHERE s.year BETWEEN ${from} AND ${to}
        AND s.org_unit_id IN (SELECT id FROM org_units WHERE ${inScope("org_units.path", scope)}${also})
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
    scope: Scope,
    reads: readonly { table: StatsTable; from: number; to: number }[],
    alsoUnitIds: readonly string[] = [],
  ): Promise<PackedYearValues[][]> {
    return db.transaction().execute(async (trx) => {
      await sql`SET LOCAL work_mem = '512MB'`.execute(trx);
      const out: PackedYearValues[][] = [];
      for (const r of reads) {
        out.push(await statsRepo.listPackedInScope(trx, r.table, scope, r.from, r.to, alsoUnitIds));
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
    // ANALYZE needs the tables' owner; the application's role goes through the owner's function
    // (migration 0013), which analyses the same columns.
    await sql`SELECT luoshi_analyze_stats(${[...tables]}::text[])`.execute(db);
  },

  /** Deletes the rows of `table` for `year` whose unit lies within `scope`; returns how many. */
  async deleteYearInScope(db: Db, table: StatsTable, scope: Scope, year: number): Promise<number> {
    const r = await db
      .deleteFrom(table)
      .where("year", "=", year)
      .where("org_unit_id", "in", (eb) =>
        eb.selectFrom("org_units").select("id").where(inScope("org_units.path", scope)),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /**
   * Bulk insert: the one write path of statistic values (imports, the demo loader, tests). One
   * `INSERT … SELECT FROM jsonb_to_recordset` per {@link CHUNK} rows; `wrote` hears how many rows each
   * chunk added. `meta` tags school and population rows with their import (招生 history has no import).
   */
  async insertMany(
    db: Db,
    table: StatsTable,
    rows: readonly StatValuesInsert[],
    meta: { importId?: string | null; importedBy?: string | null } = {},
    wrote: (n: number) => void = () => undefined,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const json = JSON.stringify(chunk.map((r) => ({ u: r.orgUnitId, y: r.year, v: r.values })));
      const source = sql`jsonb_to_recordset(${json}::jsonb) AS x(u uuid, y integer, v jsonb)`;
      if (table === "enrolment_history") {
        await sql`
          INSERT INTO ${sql.table(table)} (org_unit_id, year, "values")
          SELECT x.u, x.y, x.v FROM ${source}
        `.execute(db);
      } else {
        await sql`
          INSERT INTO ${sql.table(table)} (org_unit_id, year, "values", import_id, imported_by)
          SELECT x.u, x.y, x.v, ${meta.importId ?? null}::uuid, ${meta.importedBy ?? null}::uuid
          FROM ${source}
        `.execute(db);
      }
      wrote(chunk.length);
    }
  },

  /** How many rows `table` holds, all units and years. */
  async count(db: Db, table: StatsTable | "stats_imports"): Promise<number> {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
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
