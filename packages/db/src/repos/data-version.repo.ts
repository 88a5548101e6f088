import type { Db } from "../db.ts";

/** The counters of migration 0016: written only by the database's own triggers, read here. */
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
};
