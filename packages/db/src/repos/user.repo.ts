import { sql } from "kysely";
import type { Db } from "../db.ts";
import type { NewUserRow, UserRow, UserUpdate } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";
import type { Role } from "@luoshi/domain/auth";

/** A user in lists, with the name of its org unit. */
export type UserListRow = UserRow & { org_unit_name: string };

/** Reads and writes users. Logins are unique regardless of case. */
export const userRepo = {
  async findById(db: Db, id: string): Promise<UserRow | undefined> {
    return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  },

  async findByLogin(db: Db, login: string): Promise<UserRow | undefined> {
    return db
      .selectFrom("users")
      .selectAll()
      .where((eb) => eb(eb.fn("lower", ["login"]), "=", login.toLowerCase()))
      .executeTakeFirst();
  },

  /**
   * Users whose org unit lies inside the scope, by login, one page of them (all without `page`),
   * with the total in the scope.
   */
  async listInScope(
    db: Db,
    scope: Scope,
    page?: { limit: number; offset: number },
  ): Promise<{ rows: UserListRow[]; total: number }> {
    const query = db
      .selectFrom("users")
      .innerJoin("org_units", "org_units.id", "users.org_unit_id")
      .where(inScope("org_units.path", scope));
    let rowsQuery = query.selectAll("users").select("org_units.name as org_unit_name").orderBy("users.login");
    if (page !== undefined) {
      rowsQuery = rowsQuery.limit(page.limit).offset(page.offset);
    }
    const [rows, count] = await Promise.all([
      rowsQuery.execute(),
      query.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** Every login in use, as stored (to pick new ones that collide with none, whatever the case). */
  async allLogins(db: Db): Promise<string[]> {
    const rows = await db.selectFrom("users").select("login").execute();
    return rows.map((r) => r.login);
  },

  /** Which roles the accounts of units inside the scope hold, disabled accounts included. */
  async rolesByUnitInScope(db: Db, scope: Scope): Promise<{ org_unit_id: string; role: Role }[]> {
    return db
      .selectFrom("users")
      .innerJoin("org_units", "org_units.id", "users.org_unit_id")
      .where(inScope("org_units.path", scope))
      .select(["users.org_unit_id", "users.role"])
      .distinct()
      .execute();
  },

  /** Inserts several users at once, in the order given. */
  async insertMany(db: Db, rows: readonly NewUserRow[]): Promise<UserRow[]> {
    if (rows.length === 0) {
      return [];
    }
    return db
      .insertInto("users")
      .values([...rows])
      .returningAll()
      .execute();
  },

  async insert(db: Db, row: NewUserRow): Promise<UserRow> {
    return db.insertInto("users").values(row).returningAll().executeTakeFirstOrThrow();
  },

  async update(db: Db, id: string, patch: UserUpdate): Promise<UserRow> {
    return db
      .updateTable("users")
      .set({ ...patch, updated_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /**
   * Enabled accounts with no sign of life (login, creation, password set) since `cutoff`, with their
   * unit's name, by login.
   */
  async listDormant(db: Db, cutoff: Date): Promise<UserListRow[]> {
    return db
      .selectFrom("users")
      .innerJoin("org_units", "org_units.id", "users.org_unit_id")
      .selectAll("users")
      .select("org_units.name as org_unit_name")
      .where("users.is_disabled", "=", false)
      .where(
        sql<Date>`greatest(users.created_at, users.password_changed_at, coalesce(users.last_login_at, users.created_at))`,
        "<",
        cutoff,
      )
      .orderBy("users.login")
      .execute();
  },

  /** Disables every enabled account of the unit (a closed or merged unit); returns their ids. */
  async disableAllOfUnit(db: Db, unitId: string): Promise<string[]> {
    const rows = await db
      .updateTable("users")
      .set({ is_disabled: true, updated_at: new Date() })
      .where("org_unit_id", "=", unitId)
      .where("is_disabled", "=", false)
      .returning("id")
      .execute();
    return rows.map((r) => r.id);
  },
};
