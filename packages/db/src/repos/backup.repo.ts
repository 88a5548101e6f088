import { sql, type Kysely } from "kysely";
import type { Db } from "../db.ts";
import type { Database } from "../schema.ts";

/**
 * Backup and restore as a logical dump, table-generic: every application table of the `public` schema
 * (not `schema_migrations`, which the target has from its own migrations), read with each column as its
 * text form and written back through the column type's input function — the same round trip COPY makes,
 * so every type (timestamptz to the microsecond, numeric, arrays, jsonb) comes back exactly. Restore only
 * INSERTs: the audit table's triggers run as for any insert and recompute its hash chain, which then must
 * equal the chain in the backup.
 */

/** One column a dump carries: its name and its SQL type as `format_type` writes it. */
export interface DumpColumn {
  name: string;
  type: string;
}

/** A table in the order a restore fills them, with what a restore needs to know about it. */
export interface DumpTable {
  name: string;
  /** The stored columns (generated columns are left out: the database computes them again). */
  columns: DumpColumn[];
  /** Primary-key columns: the order rows are read in (all columns when the table has no key). */
  key: string[];
  /** Foreign keys of the table onto itself, column → referenced column (parents are written first). */
  selfRefs: { column: string; references: string }[];
}

/** One row as text: one entry per {@link DumpTable.columns}, null for SQL NULL. */
export type DumpRow = (string | null)[];

/** A sequence and its position, so that new rows after a restore get new numbers. */
export interface DumpSequence {
  name: string;
  lastValue: string | null;
}

// The migrations the target has from its own; the counters its triggers keep (migration 0016).
const EXCLUDED = new Set(["schema_migrations", "data_versions"]);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface ColumnInfo {
  table: string;
  name: string;
  type: string;
  generated: string;
}

interface ForeignKeyInfo {
  table: string;
  referenced: string;
  columns: string[];
  referencedColumns: string[];
}

/**
 * The application tables, parents before children (foreign keys). Throws when the foreign keys between
 * tables form a cycle, which no insert order could satisfy. A partitioned table (daily attendance) is
 * dumped and restored through its parent, so that a restore does not depend on which monthly partitions
 * the fresh database has (rows of a month without one land in the default partition).
 */
async function listTables(db: Db): Promise<DumpTable[]> {
  const columns = (
    await sql<ColumnInfo>`
      SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
             a.attgenerated::text AS generated
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0
        AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`.execute(db)
  ).rows;
  const keys = (
    await sql<{ table: string; columns: string[] }>`
      SELECT c.relname AS "table",
             array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(num, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord)::text[]
               AS columns
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND k.contype = 'p'`.execute(db)
  ).rows;
  const foreign = (
    await sql<ForeignKeyInfo>`
      SELECT c.relname AS "table", r.relname AS referenced,
             array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(num, ord)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord)::text[]
               AS columns,
             array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(num, ord)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord)::text[]
               AS "referencedColumns"
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_class r ON r.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND k.contype = 'f'`.execute(db)
  ).rows;

  const byTable = new Map<string, DumpTable>();
  for (const c of columns) {
    if (EXCLUDED.has(c.table)) {
      continue;
    }
    let t = byTable.get(c.table);
    if (t === undefined) {
      t = { name: c.table, columns: [], key: [], selfRefs: [] };
      byTable.set(c.table, t);
    }
    if (c.generated === "") {
      t.columns.push({ name: c.name, type: c.type });
    }
  }
  for (const t of byTable.values()) {
    t.key = keys.find((k) => k.table === t.name)?.columns ?? t.columns.map((c) => c.name);
  }
  const parents = new Map<string, Set<string>>([...byTable.keys()].map((n) => [n, new Set<string>()]));
  for (const f of foreign) {
    const t = byTable.get(f.table);
    if (t === undefined || !byTable.has(f.referenced)) {
      continue;
    }
    if (f.referenced === f.table) {
      if (f.columns.length !== 1 || f.referencedColumns.length !== 1) {
        throw new Error(`table ${f.table}: a multi-column foreign key onto itself is not supported`);
      }
      t.selfRefs.push({ column: f.columns[0] ?? "", references: f.referencedColumns[0] ?? "" });
    } else {
      parents.get(f.table)?.add(f.referenced);
    }
  }
  const ordered: DumpTable[] = [];
  const done = new Set<string>();
  while (ordered.length < byTable.size) {
    const ready = [...byTable.values()]
      .filter((t) => !done.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => done.has(p)))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (ready.length === 0) {
      const left = [...byTable.keys()].filter((n) => !done.has(n));
      throw new Error(`the foreign keys between tables ${left.join(", ")} form a cycle`);
    }
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
    }
  }
  return ordered;
}

/**
 * A hash-chained table (columns `prev_hash` and `hash`, as the audit trail) in the order of its chain:
 * its insert trigger links each new row to the row with the highest id, so rows written in chain order
 * get the same links again even where concurrent writers committed ids out of order.
 */
function chainOrder(table: DumpTable, rows: DumpRow[]): DumpRow[] {
  const prev = table.columns.findIndex((c) => c.name === "prev_hash");
  const hash = table.columns.findIndex((c) => c.name === "hash");
  if (prev < 0 || hash < 0) {
    return rows;
  }
  const next = new Map<string, DumpRow>();
  for (const row of rows) {
    const p = row[prev] ?? "";
    if (!next.has(p)) {
      next.set(p, row);
    }
  }
  const out: DumpRow[] = [];
  const used = new Set<DumpRow>();
  for (let row = next.get(""); row !== undefined && !used.has(row); row = next.get(row[hash] ?? "")) {
    out.push(row);
    used.add(row);
  }
  // Rows off the chain (none, unless it was already broken) follow in key order; the restore's check
  // then reports the break.
  return [...out, ...rows.filter((r) => !used.has(r))];
}

/** Orders rows so that a row a self-reference names comes before the row naming it. */
function parentsFirst(table: DumpTable, rows: DumpRow[]): DumpRow[] {
  if (table.selfRefs.length === 0) {
    return chainOrder(table, rows);
  }
  const index = (name: string) => table.columns.findIndex((c) => c.name === name);
  const refs = table.selfRefs.map((r) => ({ column: index(r.column), references: index(r.references) }));
  const written = refs.map(() => new Set<string>());
  const present = refs.map((r) => new Set(rows.map((row) => row[r.references] ?? null)));
  const out: DumpRow[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: DumpRow[] = [];
    for (const row of pending) {
      const ok = refs.every((r, i) => {
        const v = row[r.column] ?? null;
        return v === null || !present[i]?.has(v) || written[i]?.has(v);
      });
      if (ok) {
        out.push(row);
        refs.forEach((r, i) => written[i]?.add(row[r.references] ?? ""));
      } else {
        next.push(row);
      }
    }
    if (next.length === pending.length) {
      throw new Error(`table ${table.name}: rows refer to each other in a cycle`);
    }
    pending = next;
  }
  return out;
}

const INSERT_BATCH = 500;

export const backupRepo = {
  listTables,

  /** Runs `work` on one consistent snapshot of the database (a read-only repeatable-read transaction). */
  snapshot<T>(db: Kysely<Database>, work: (trx: Db) => Promise<T>): Promise<T> {
    return db.transaction().setIsolationLevel("repeatable read").setAccessMode("read only").execute(work);
  },

  /** The migrations the database has applied, in order: a restore needs the same list. */
  async migrationVersions(db: Db): Promise<string[]> {
    return (await db.selectFrom("schema_migrations").select("version").orderBy("version").execute()).map(
      (r) => r.version,
    );
  },

  /** Every row of `table` with each column as text, in primary-key order. */
  async readRows(db: Db, table: DumpTable, columns: readonly string[] = table.columns.map((c) => c.name)) {
    const list = sql.raw(columns.map((c, i) => `${quote(c)}::text AS c${i}`).join(", "));
    const order = sql.raw(table.key.map(quote).join(", "));
    const result = await sql<Record<string, string | null>>`
      SELECT ${list} FROM ${sql.raw(quote(table.name))} ORDER BY ${order}`.execute(db);
    return result.rows.map((r): DumpRow => columns.map((_c, i) => r[`c${i}`] ?? null));
  },

  /** The names of every column of `table`, generated ones included (for comparing two databases). */
  async allColumns(db: Db, table: string): Promise<string[]> {
    const result = await sql<{ name: string }>`
      SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = ${`public.${quote(table)}`}::regclass AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`.execute(db);
    return result.rows.map((r) => r.name);
  },

  /**
   * The rows the migrations themselves write, by table: the built-in checklists of 0036 (no area) and
   * their items. A fresh instance holds them, so they do not make it "not empty".
   */
  async migrationSeedCounts(db: Db): Promise<Map<string, number>> {
    const r = await sql<{ lists: number; items: number }>`
      SELECT (SELECT count(*)::int FROM inspection_checklists WHERE area_unit_id IS NULL) AS lists,
             (SELECT count(*)::int FROM inspection_checklist_items i
                JOIN inspection_checklists c ON c.id = i.checklist_id
               WHERE c.area_unit_id IS NULL) AS items`.execute(db);
    const row = r.rows[0];
    return new Map([
      ["inspection_checklists", row?.lists ?? 0],
      ["inspection_checklist_items", row?.items ?? 0],
    ]);
  },

  /** Removes what the migrations wrote (items go with their checklist), for a restore to replace. */
  async clearMigrationSeeds(db: Db): Promise<void> {
    await db.deleteFrom("inspection_checklists").where("area_unit_id", "is", null).execute();
  },

  /** How many rows each named table holds. */
  async countRows(db: Db, tables: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const t of tables) {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.raw(quote(t))}`.execute(db);
      counts.set(t, r.rows[0]?.n ?? 0);
    }
    return counts;
  },

  /**
   * Inserts `rows` (text, in `table.columns` order) into `table`, parents before children where the table
   * refers to itself, in the given order otherwise (so that row triggers see them in that order).
   */
  async insertRows(db: Db, table: DumpTable, rows: DumpRow[]): Promise<void> {
    const ordered = parentsFirst(table, rows);
    const names = table.columns.map((c, i) => ({ ...c, alias: `c${i}` }));
    const target = sql.raw(names.map((c) => quote(c.name)).join(", "));
    const casts = sql.raw(names.map((c) => `x.${c.alias}::${c.type}`).join(", "));
    const shape = sql.raw(names.map((c) => `${c.alias} text`).join(", "));
    for (let i = 0; i < ordered.length; i += INSERT_BATCH) {
      const batch = ordered.slice(i, i + INSERT_BATCH).map((row) => {
        const o: Record<string, string | null> = {};
        names.forEach((c, j) => {
          o[c.alias] = row[j] ?? null;
        });
        return o;
      });
      await sql`
        INSERT INTO ${sql.raw(quote(table.name))} (${target})
        SELECT ${casts}
        FROM ROWS FROM (json_to_recordset(${JSON.stringify(batch)}::json) AS (${shape})) WITH ORDINALITY AS x
        ORDER BY x.ordinality`.execute(db);
    }
  },

  /** The application's sequences and where each stands. */
  async readSequences(db: Db): Promise<DumpSequence[]> {
    const result = await sql<DumpSequence>`
      SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
      WHERE schemaname = 'public' ORDER BY sequencename`.execute(db);
    return result.rows;
  },

  /** Sets each sequence to where the backup left it (a never-used sequence stays as it is). */
  async writeSequences(db: Db, sequences: readonly DumpSequence[]): Promise<void> {
    for (const s of sequences) {
      if (s.lastValue !== null) {
        // through the owner's function: the application's role may not set sequences (migration 0019)
        await sql`SELECT luoshi_advance_sequence(${`public.${quote(s.name)}`}::regclass, ${s.lastValue}::bigint)`.execute(
          db,
        );
      }
    }
  },
};
