import type { Db } from "../db.ts";
import type { OrgKind, SchoolType } from "@luoshi/domain/org";
import type { NewOrgUnitRow, OrgUnitRow } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";

/** Units per multi-row insert when a whole tree goes in. */
const INSERT_CHUNK = 500;

/** Filters for listing org units inside a scope. */
export interface OrgUnitQuery {
  /** Only units at or below the scope's root. */
  scope: Scope;
  parentId?: string;
  kind?: OrgKind;
  schoolType?: SchoolType;
  search?: string;
  limit: number;
  offset: number;
}

/** Reads and writes org_units. Knows nothing of HTTP or permissions beyond the scope it is given. */
export const orgUnitRepo = {
  async findById(db: Db, id: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom("org_units").selectAll().where("id", "=", id).executeTakeFirst();
  },

  async findByCode(db: Db, code: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom("org_units").selectAll().where("code", "=", code).executeTakeFirst();
  },

  /** The unit whose materialised path is exactly `path` (a scope's root). */
  async findByPath(db: Db, path: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom("org_units").selectAll().where("path", "=", path).executeTakeFirst();
  },

  /** Every unit's id by its code (the demo loader resolves generated rows by code). */
  async idsByCode(db: Db): Promise<Map<string, string>> {
    const rows = await db.selectFrom("org_units").select(["id", "code"]).execute();
    return new Map(rows.map((u) => [u.code, u.id]));
  },

  async list(db: Db, q: OrgUnitQuery): Promise<{ rows: OrgUnitRow[]; total: number }> {
    let query = db.selectFrom("org_units").where(inScope("org_units.path", q.scope));
    if (q.parentId !== undefined) {
      query = query.where("parent_id", "=", q.parentId);
    }
    if (q.kind !== undefined) {
      query = query.where("kind", "=", q.kind);
    }
    if (q.schoolType !== undefined) {
      query = query.where("school_type", "=", q.schoolType);
    }
    if (q.search !== undefined && q.search !== "") {
      const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb("name", "like", like), eb("code", "like", like)]));
    }
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy("depth").orderBy("code").limit(q.limit).offset(q.offset).execute(),
      query.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** Number of direct children per unit id, for the tree browser's expand arrows. */
  async childCounts(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await db
      .selectFrom("org_units")
      .select(["parent_id", (eb) => eb.fn.countAll<string | number>().as("n")])
      .where("parent_id", "in", ids)
      .groupBy("parent_id")
      .execute();
    return new Map(rows.map((r) => [r.parent_id ?? "", Number(r.n)]));
  },

  /** Inserts a unit below its parent, computing path and depth. */
  async insert(db: Db, row: Omit<NewOrgUnitRow, "path" | "depth" | "id">, parent: OrgUnitRow | null) {
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? "/"}${id}/`;
    return db
      .insertInto("org_units")
      .values({ ...row, id, path, depth: (parent?.depth ?? -1) + 1 })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /**
   * Inserts a whole tree whose ids, paths and depths the caller computed, parents before children, in
   * a few multi-row inserts. `parent_school_id` is set in a second pass because it may point at a
   * unit later in the list. Run it in a transaction: it is one import.
   */
  async insertTree(db: Db, rows: readonly (NewOrgUnitRow & { id: string })[]): Promise<void> {
    const withoutParentSchool = rows.map((r) => ({ ...r, parent_school_id: null }));
    for (let i = 0; i < withoutParentSchool.length; i += INSERT_CHUNK) {
      await db
        .insertInto("org_units")
        .values(withoutParentSchool.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    for (const r of rows) {
      if (r.parent_school_id !== null && r.parent_school_id !== undefined) {
        await db
          .updateTable("org_units")
          .set({ parent_school_id: r.parent_school_id })
          .where("id", "=", r.id)
          .execute();
      }
    }
  },

  async count(db: Db): Promise<number> {
    const r = await db
      .selectFrom("org_units")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
