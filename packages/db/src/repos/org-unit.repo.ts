import { sql, type Updateable } from "kysely";
import type { Db } from "../db.ts";
import type { OrgKind, SchoolType } from "@luoshi/domain/org";
import type { NewOrgUnitRow, OrgUnitRow, OrgUnitsTable } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";

/** The columns of a unit a write may change. */
export type OrgUnitUpdate = Updateable<OrgUnitsTable>;

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
  /**
   * Only units not closed on this day (ISO date): today's work lists hide closed units. Absent: every
   * unit, closed ones too (history and year views).
   */
  activeOn?: string;
  limit: number;
  offset: number;
}

/** Reads and writes org_units. Knows nothing of HTTP or permissions beyond the scope it is given. */
export const orgUnitRepo = {
  async findById(db: Db, id: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom("org_units").selectAll().where("id", "=", id).executeTakeFirst();
  },

  /** The units with these ids, in no particular order (unknown ids are left out): one query. */
  async findByIds(db: Db, ids: readonly string[]): Promise<OrgUnitRow[]> {
    if (ids.length === 0) {
      return [];
    }
    return db.selectFrom("org_units").selectAll().where("id", "in", ids).execute();
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
    const activeOn = q.activeOn;
    if (activeOn !== undefined) {
      query = query.where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", activeOn)]));
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

  /**
   * Number of direct children per unit id, for the tree browser's expand arrows; with `activeOn`, only
   * the children not closed on that day.
   */
  async childCounts(db: Db, ids: readonly string[], activeOn?: string): Promise<Map<string, number>> {
    if (ids.length === 0) {
      return new Map();
    }
    let query = db.selectFrom("org_units").where("parent_id", "in", ids);
    if (activeOn !== undefined) {
      query = query.where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", activeOn)]));
    }
    const rows = await query
      .select(["parent_id", (eb) => eb.fn.countAll<string | number>().as("n")])
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

  /** Changes the unit's own fields (not its place in the tree: see {@link orgUnitRepo.moveSubtree}). */
  async update(db: Db, id: string, patch: OrgUnitUpdate): Promise<OrgUnitRow> {
    return db
      .updateTable("org_units")
      .set({ ...patch, updated_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Closes a unit on `closedOn` (撤销), or merges it into `mergedIntoId` (撤并). */
  async close(db: Db, id: string, closedOn: string, mergedIntoId: string | null): Promise<OrgUnitRow> {
    return orgUnitRepo.update(db, id, { closed_on: closedOn, merged_into_id: mergedIntoId });
  },

  /** Opens a closed unit again (恢复): no closing day, merged into nothing. */
  async reopen(db: Db, id: string): Promise<OrgUnitRow> {
    return orgUnitRepo.update(db, id, { closed_on: null, merged_into_id: null });
  },

  /**
   * Puts `unit` and its whole subtree below `parent`: the unit's parent_id, and every path under the
   * unit's old path re-prefixed with the new one, depths shifted by the same amount.
   */
  async moveSubtree(db: Db, unit: OrgUnitRow, parent: OrgUnitRow): Promise<OrgUnitRow> {
    const oldPath = unit.path;
    const newPath = `${parent.path}${unit.id}/`;
    const shift = parent.depth + 1 - unit.depth;
    await db
      .updateTable("org_units")
      .set({
        path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
        depth: sql<number>`depth + ${shift}`,
        updated_at: new Date(),
      })
      .where("path", "like", `${oldPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      .execute();
    return orgUnitRepo.update(db, unit.id, { parent_id: parent.id });
  },

  /** Direct children of a unit still open on `day` (not closed on or before it). */
  async openChildren(db: Db, id: string, day: string): Promise<OrgUnitRow[]> {
    return db
      .selectFrom("org_units")
      .selectAll()
      .where("parent_id", "=", id)
      .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", day)]))
      .orderBy("code")
      .execute();
  },

  async count(db: Db): Promise<number> {
    const r = await db
      .selectFrom("org_units")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
