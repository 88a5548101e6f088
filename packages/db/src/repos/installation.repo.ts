import type { Db } from "../db.ts";
import type { InstallationRow, InstallationTable } from "../schema.ts";
import type { Insertable } from "kysely";

/** The new installation row: which jurisdiction, from which data, rooted where, set up by whom. */
export type NewInstallationRow = Omit<Insertable<InstallationTable>, "id" | "initialized_at">;

/** Reads and writes the one-row `installation` table: the jurisdiction this installation serves. */
export const installationRepo = {
  async get(db: Db): Promise<InstallationRow | undefined> {
    return db.selectFrom("installation").selectAll().executeTakeFirst();
  },

  /** Writes the row; fails (primary key) when one exists, so two initialisations cannot both succeed. */
  async insert(db: Db, row: NewInstallationRow): Promise<InstallationRow> {
    return db.insertInto("installation").values(row).returningAll().executeTakeFirstOrThrow();
  },
};
