import type { Kysely, Transaction } from "kysely";
import type { Database, NewOrgUnitRow, OrgUnitRow } from "../schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Filters for listing org units inside a scope. */
export interface OrgUnitQuery {
  /** The scope's materialised path: only units at or below it. */
  scopePath: string;
  parentId?: string;
  kind?: string;
  schoolType?: string;
  search?: string;
  limit: number;
  offset: number;
}

/** Reads and writes org_units. Knows nothing of HTTP or permissions beyond the scope path it is given. */
export const orgUnitRepo = {
  async findById(db: Db, id: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom("org_units").selectAll().where("id", "=", id).executeTakeFirst();
  },

  async findByCode(db: Db, code: string): Promise<OrgUnitRow | undefined> {
    return db.selectFrom("org_units").selectAll().where("code", "=", code).executeTakeFirst();
  },

  async list(db: Db, q: OrgUnitQuery): Promise<{ rows: OrgUnitRow[]; total: number }> {
    let query = db.selectFrom("org_units").where("path", "like", `${q.scopePath}%`);
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

  async count(db: Db): Promise<number> {
    const r = await db
      .selectFrom("org_units")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
