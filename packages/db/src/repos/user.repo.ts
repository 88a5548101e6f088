import type { Kysely, Transaction } from "kysely";
import type { Database, NewUserRow, UserRow, UserUpdate } from "../schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

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

  /** Users whose org unit lies inside the scope path. */
  async listInScope(db: Db, scopePath: string): Promise<(UserRow & { org_unit_name: string })[]> {
    return db
      .selectFrom("users")
      .innerJoin("org_units", "org_units.id", "users.org_unit_id")
      .selectAll("users")
      .select("org_units.name as org_unit_name")
      .where("org_units.path", "like", `${scopePath}%`)
      .orderBy("users.login")
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
};
