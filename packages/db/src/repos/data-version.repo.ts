import type { Db } from "../db.ts";

/** The counters of migrations 0016 and 0026: written only by the database's own triggers, read here. */
export const dataVersionRepo = {
  /** The version of everything indicators and evaluations are computed from (0 before any change). */
  async statistics(db: Db): Promise<number> {
    const row = await db
      .selectFrom("data_versions")
      .select("version")
      .where("name", "=", "statistics")
      .executeTakeFirst();
    return row?.version ?? 0;
  },

  /** The version of what the 台账's lights are computed from: tasks, their units, milestones, reports. */
  async ledger(db: Db): Promise<number> {
    const row = await db
      .selectFrom("data_versions")
      .select("version")
      .where("name", "=", "ledger")
      .executeTakeFirst();
    return row?.version ?? 0;
  },
};
