/**
 * 学区 (enrol_catchments, enrol_catchment_imports): a county's catchment list per school year. Reads are
 * limited to a scope through the school's path: the bureau sees its county's list, a school its own.
 */
import { sql, type Insertable } from "kysely";
import type { Db } from "../db.ts";
import type { EnrolCatchmentImportsTable } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";

/** One school's catchment as stored (units as the JSON array the migration describes). */
export interface CatchmentWrite {
  schoolId: string;
  stage: "primary" | "junior";
  multiGroup: string | null;
  feederId: string | null;
  seats: number | null;
  units: unknown[];
}

/** A catchment as listed, with the names of its school and 对口 school. */
export interface CatchmentRow extends CatchmentWrite {
  id: string;
  schoolYear: number;
  schoolName: string;
  schoolCode: string;
  feederName: string | null;
  updatedAt: Date;
}

/** The latest import of a year's list. */
export interface CatchmentImportRow {
  fileName: string;
  sha256: string;
  importedAt: Date;
  schoolCount: number;
  unitCount: number;
}

/** A school a catchment list may name. */
export interface CatchmentSchoolRow {
  id: string;
  code: string;
  name: string;
  aliases: string[];
  path: string;
}

export const enrolCatchmentRepo = {
  /** The open schools in the scope (a county's schools for its list). */
  async schoolsIn(db: Db, scope: Scope): Promise<CatchmentSchoolRow[]> {
    return db
      .selectFrom("org_units")
      .select(["id", "code", "name", "aliases", "path"])
      .where("kind", "=", "school")
      .where("closed_on", "is", null)
      .where(inScope("path", scope))
      .orderBy("code")
      .execute();
  },

  /** The catchments of `year` whose school lies in the scope (within the area when given). */
  async list(db: Db, scope: Scope, year: number, areaUnitId?: string): Promise<CatchmentRow[]> {
    let q = db
      .selectFrom("enrol_catchments as c")
      .innerJoin("org_units as s", "s.id", "c.school_unit_id")
      .leftJoin("org_units as f", "f.id", "c.feeder_unit_id")
      .select([
        "c.id",
        "c.school_year",
        "c.school_unit_id",
        "c.stage",
        "c.multi_group",
        "c.feeder_unit_id",
        "c.seats",
        "c.units",
        "c.updated_at",
        "s.name as school_name",
        "s.code as school_code",
        "f.name as feeder_name",
      ])
      .where("c.school_year", "=", year)
      .where(inScope("s.path", scope));
    if (areaUnitId !== undefined) {
      q = q.where("c.area_unit_id", "=", areaUnitId);
    }
    const rows = await q.orderBy("c.stage").orderBy("s.code").execute();
    return rows.map((r) => ({
      id: r.id,
      schoolYear: r.school_year,
      schoolId: r.school_unit_id,
      stage: r.stage,
      multiGroup: r.multi_group,
      feederId: r.feeder_unit_id,
      seats: r.seats,
      units: r.units as unknown[],
      schoolName: r.school_name,
      schoolCode: r.school_code,
      feederName: r.feeder_name,
      updatedAt: r.updated_at,
    }));
  },

  /** The years that have a list in the scope, newest first. */
  async years(db: Db, scope: Scope): Promise<number[]> {
    const rows = await db
      .selectFrom("enrol_catchments as c")
      .innerJoin("org_units as s", "s.id", "c.school_unit_id")
      .select("c.school_year")
      .distinct()
      .where(inScope("s.path", scope))
      .orderBy("c.school_year", "desc")
      .execute();
    return rows.map((r) => r.school_year);
  },

  /** Replaces the area's list of `year` by `rows` (the caller runs this in a transaction). */
  async replaceYear(
    db: Db,
    areaUnitId: string,
    year: number,
    rows: readonly CatchmentWrite[],
    userId: string | null,
  ): Promise<void> {
    await db
      .deleteFrom("enrol_catchments")
      .where("area_unit_id", "=", areaUnitId)
      .where("school_year", "=", year)
      .execute();
    if (rows.length === 0) {
      return;
    }
    await db
      .insertInto("enrol_catchments")
      .values(
        rows.map((r) => ({
          school_year: year,
          area_unit_id: areaUnitId,
          school_unit_id: r.schoolId,
          stage: r.stage,
          multi_group: r.multiGroup,
          feeder_unit_id: r.feederId,
          seats: r.seats,
          units: JSON.stringify(r.units),
          updated_by: userId,
        })),
      )
      .execute();
  },

  /** Writes one school's catchment of `year` (insert or replace); returns the row id. */
  async upsert(
    db: Db,
    areaUnitId: string,
    year: number,
    row: CatchmentWrite,
    userId: string | null,
  ): Promise<string> {
    const r = await db
      .insertInto("enrol_catchments")
      .values({
        school_year: year,
        area_unit_id: areaUnitId,
        school_unit_id: row.schoolId,
        stage: row.stage,
        multi_group: row.multiGroup,
        feeder_unit_id: row.feederId,
        seats: row.seats,
        units: JSON.stringify(row.units),
        updated_by: userId,
      })
      .onConflict((oc) =>
        oc.columns(["school_year", "school_unit_id", "stage"]).doUpdateSet({
          multi_group: row.multiGroup,
          feeder_unit_id: row.feederId,
          seats: row.seats,
          units: JSON.stringify(row.units),
          updated_by: userId,
          updated_at: sql<Date>`now()`,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async insertImport(db: Db, row: Insertable<EnrolCatchmentImportsTable>): Promise<string> {
    const r = await db
      .insertInto("enrol_catchment_imports")
      .values(row)
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** The latest import of the area's list of `year`, if any. */
  async latestImport(db: Db, areaUnitId: string, year: number): Promise<CatchmentImportRow | undefined> {
    const r = await db
      .selectFrom("enrol_catchment_imports")
      .select(["file_name", "sha256", "imported_at", "school_count", "unit_count"])
      .where("area_unit_id", "=", areaUnitId)
      .where("school_year", "=", year)
      .orderBy("imported_at", "desc")
      .limit(1)
      .executeTakeFirst();
    return r === undefined
      ? undefined
      : {
          fileName: r.file_name,
          sha256: r.sha256,
          importedAt: r.imported_at,
          schoolCount: r.school_count,
          unitCount: r.unit_count,
        };
  },
};
