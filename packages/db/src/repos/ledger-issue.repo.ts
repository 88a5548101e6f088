import { sql, type Insertable } from "kysely";
import { inScope, type Scope } from "../scope.ts";
import type {
  IssuedBulletinRow,
  IssuedBulletinsTable,
  TaskEscalationRow,
  TaskEscalationsTable,
} from "../schema.ts";
import type { Db } from "../db.ts";

/** An issued bulletin without its bytes and snapshot: a line of the 已印发 list. */
export type IssuedBulletinListRow = Omit<IssuedBulletinRow, "docx" | "snapshot">;

const LIST_COLUMNS = [
  "issued_bulletins.id",
  "issued_bulletins.org_unit_id",
  "issued_bulletins.month",
  "issued_bulletins.year",
  "issued_bulletins.serial",
  "issued_bulletins.doc_number",
  "issued_bulletins.title",
  "issued_bulletins.recipients",
  "issued_bulletins.sha256",
  "issued_bulletins.issued_by",
  "issued_bulletins.issued_at",
] as const;

/** 印发的月通报 and 督办设置: what the 督查室 issues and keeps, owner by owner within a scope. */
export const issuedBulletinRepo = {
  /** The next 期号 of the owner in `year` (1 for the year's first). */
  async nextSerial(db: Db, orgUnitId: string, year: number): Promise<number> {
    const row = await db
      .selectFrom("issued_bulletins")
      .select((eb) => eb.fn.max<number | null>("serial").as("max"))
      .where("org_unit_id", "=", orgUnitId)
      .where("year", "=", year)
      .executeTakeFirst();
    return (row?.max ?? 0) + 1;
  },

  /** Stores an issued bulletin; returns its id, or null when the month or 期号 is already taken. */
  async insert(db: Db, row: Insertable<IssuedBulletinsTable>): Promise<string | null> {
    const inserted = await db
      .insertInto("issued_bulletins")
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    return inserted?.id ?? null;
  },

  /** The owner's issued bulletin of a month, if any (no bytes). */
  async findByMonth(db: Db, orgUnitId: string, month: string): Promise<IssuedBulletinListRow | undefined> {
    return db
      .selectFrom("issued_bulletins")
      .select(LIST_COLUMNS)
      .where("org_unit_id", "=", orgUnitId)
      .where("month", "=", month)
      .executeTakeFirst();
  },

  /** Issued bulletins of owners within the scope, newest 期 first, with the issuer's name. */
  async list(db: Db, scope: Scope): Promise<(IssuedBulletinListRow & { issuer_name: string | null })[]> {
    return db
      .selectFrom("issued_bulletins")
      .innerJoin("org_units as owner", "owner.id", "issued_bulletins.org_unit_id")
      .leftJoin("users", "users.id", "issued_bulletins.issued_by")
      .select([...LIST_COLUMNS, "users.display_name as issuer_name"])
      .where(inScope("owner.path", scope))
      .orderBy("issued_bulletins.year", "desc")
      .orderBy("issued_bulletins.serial", "desc")
      .execute();
  },

  /** One issued bulletin within the scope, with its bytes and snapshot. */
  async find(db: Db, scope: Scope, id: string): Promise<IssuedBulletinRow | undefined> {
    return db
      .selectFrom("issued_bulletins")
      .innerJoin("org_units as owner", "owner.id", "issued_bulletins.org_unit_id")
      .selectAll("issued_bulletins")
      .where("issued_bulletins.id", "=", id)
      .where(inScope("owner.path", scope))
      .executeTakeFirst();
  },

  /** The owner's 督办设置 document, if saved. */
  async settings(db: Db, orgUnitId: string): Promise<unknown> {
    const row = await db
      .selectFrom("ledger_settings")
      .select("settings")
      .where("org_unit_id", "=", orgUnitId)
      .executeTakeFirst();
    return row?.settings;
  },

  /** Saves the owner's 督办设置 document. */
  async saveSettings(db: Db, orgUnitId: string, settings: unknown, userId: string | null): Promise<void> {
    const json = JSON.stringify(settings);
    await db
      .insertInto("ledger_settings")
      .values({ org_unit_id: orgUnitId, settings: json, updated_by: userId })
      .onConflict((oc) =>
        oc.column("org_unit_id").doUpdateSet({ settings: json, updated_by: userId, updated_at: sql`now()` }),
      )
      .execute();
  },
};

/** 督办升级 records (催办, 督办通知, 约谈/问责). */
export const escalationRepo = {
  /** Writes the records whose `dedupe_key` is new; returns those written. */
  async insertNew(db: Db, rows: readonly Insertable<TaskEscalationsTable>[]): Promise<TaskEscalationRow[]> {
    if (rows.length === 0) {
      return [];
    }
    return db
      .insertInto("task_escalations")
      .values([...rows])
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returningAll()
      .execute();
  },

  /** A task's records, by the day each fell due (督办通知 before 约谈), then as written. */
  async forTask(db: Db, taskId: string): Promise<TaskEscalationRow[]> {
    return db
      .selectFrom("task_escalations")
      .selectAll()
      .where("task_id", "=", taskId)
      .orderBy("due_day")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  },

  /** The records of the given tasks (for the ledger list's column and the 年度考核), oldest first. */
  async forTasks(db: Db, taskIds: readonly string[]): Promise<TaskEscalationRow[]> {
    if (taskIds.length === 0) {
      return [];
    }
    return db
      .selectFrom("task_escalations")
      .selectAll()
      .where("task_id", "in", [...taskIds])
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  },
};
