import type { EvaluationScenarioRow } from "../schema.ts";

import type { Db } from "../db.ts";

/** A saved 情景模拟 as read, with the names of who created and last changed it. */
export interface ScenarioRecord extends EvaluationScenarioRow {
  createdByName: string;
  updatedByName: string;
}

/** The fields of a scenario a write sets (changes as validated JSON). */
export interface ScenarioWrite {
  orgUnitId: string;
  year: number;
  name: string;
  policy: string;
  note: string;
  changes: unknown;
  by: string;
  at: Date;
}

function selectScenarios(db: Db) {
  return db
    .selectFrom("evaluation_scenarios as s")
    .innerJoin("users as c", "c.id", "s.created_by")
    .innerJoin("users as u", "u.id", "s.updated_by")
    .selectAll("s")
    .select(["c.display_name as createdByName", "u.display_name as updatedByName"]);
}

/** Reads and writes saved scenarios of the 资源配置 evaluation. */
export const scenarioRepo = {
  /** Scenarios of one unit (optionally one year), most recently changed first. */
  async list(db: Db, orgUnitId: string, year?: number): Promise<ScenarioRecord[]> {
    let q = selectScenarios(db).where("s.org_unit_id", "=", orgUnitId);
    if (year !== undefined) {
      q = q.where("s.year", "=", year);
    }
    return q.orderBy("s.updated_at", "desc").orderBy("s.id").execute();
  },

  async findById(db: Db, id: string): Promise<ScenarioRecord | undefined> {
    return selectScenarios(db).where("s.id", "=", id).executeTakeFirst();
  },

  /** Inserts a scenario and returns its id. */
  async insert(db: Db, w: ScenarioWrite): Promise<string> {
    const row = await db
      .insertInto("evaluation_scenarios")
      .values({
        org_unit_id: w.orgUnitId,
        year: w.year,
        name: w.name,
        policy: w.policy,
        note: w.note,
        changes: JSON.stringify(w.changes),
        created_by: w.by,
        created_at: w.at,
        updated_by: w.by,
        updated_at: w.at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  },

  /** Replaces a scenario's fields (not its creator). */
  async update(db: Db, id: string, w: ScenarioWrite): Promise<void> {
    await db
      .updateTable("evaluation_scenarios")
      .set({
        org_unit_id: w.orgUnitId,
        year: w.year,
        name: w.name,
        policy: w.policy,
        note: w.note,
        changes: JSON.stringify(w.changes),
        updated_by: w.by,
        updated_at: w.at,
      })
      .where("id", "=", id)
      .execute();
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom("evaluation_scenarios").where("id", "=", id).execute();
  },
};
