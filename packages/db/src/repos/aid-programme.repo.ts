/**
 * 学生资助 reference data and lists: programmes per county and school year (never updated: a new year's
 * standards are new rows), the priority lists of 民政/乡村振兴/残联 sealed per child and matched to the
 * registry by the blind index of the 身份证件号, and the reasons recorded for 应助未助. A programme is seen
 * by everyone whose scope lies under (or above) the county that runs it; list rows through their area.
 */
import { sql, type Insertable } from "kysely";
import type { Db } from "../db.ts";
import { encryptField } from "../field-crypto.ts";
import type { AidPriorityImportsTable, AidProgrammesTable } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";

/** A programme as stored. */
export interface AidProgrammeRow {
  id: string;
  unitId: string;
  unitName: string;
  schoolYear: number;
  code: string;
  name: string;
  kind: string;
  stages: string[];
  target: string;
  basis: string;
  quota: number;
  budget: number;
  tiers: unknown;
  createdAt: Date;
}

/** A child of a priority list to write: personal values in clear (sealed here), its index and match. */
export interface PriorityPersonWrite {
  idNumber: string;
  name: string;
  category: string;
  index: string;
  studentId: string | null;
}

/** The condition "the programme's county covers the scope or lies within it". */
const programmeVisible = (scope: Scope) =>
  sql<boolean>`(${inScope("org_units.path", scope)} OR ${scope.path} LIKE org_units.path || '%')`;

const PROGRAMME_COLUMNS = [
  "aid_programmes.id",
  "aid_programmes.unit_id",
  "org_units.name as unit_name",
  "aid_programmes.school_year",
  "aid_programmes.code",
  "aid_programmes.name",
  "aid_programmes.kind",
  "aid_programmes.stages",
  "aid_programmes.target",
  "aid_programmes.basis",
  "aid_programmes.quota",
  "aid_programmes.budget",
  "aid_programmes.tiers",
  "aid_programmes.created_at",
] as const;

type ProgrammeColumns = {
  id: string;
  unit_id: string;
  unit_name: string;
  school_year: number;
  code: string;
  name: string;
  kind: string;
  stages: string[];
  target: string;
  basis: string;
  quota: number;
  budget: number;
  tiers: unknown;
  created_at: Date;
};

const toProgramme = (r: ProgrammeColumns): AidProgrammeRow => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  schoolYear: r.school_year,
  code: r.code,
  name: r.name,
  kind: r.kind,
  stages: r.stages,
  target: r.target,
  basis: r.basis,
  quota: r.quota,
  budget: r.budget,
  tiers: r.tiers,
  createdAt: r.created_at,
});

export const aidProgrammeRepo = {
  /** Adds a programme; undefined when the county already has one with this code in this year. */
  async insert(db: Db, row: Insertable<AidProgrammesTable>): Promise<string | undefined> {
    const r = await db
      .insertInto("aid_programmes")
      .values(row)
      .onConflict((oc) => oc.columns(["unit_id", "school_year", "code"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return r?.id;
  },

  /** The programmes visible from `scope`, of one year or all, newest year first. */
  async list(db: Db, scope: Scope, year?: number): Promise<AidProgrammeRow[]> {
    let q = db
      .selectFrom("aid_programmes")
      .innerJoin("org_units", "org_units.id", "aid_programmes.unit_id")
      .select(PROGRAMME_COLUMNS)
      .where(programmeVisible(scope));
    if (year !== undefined) {
      q = q.where("aid_programmes.school_year", "=", year);
    }
    const rows = await q
      .orderBy("aid_programmes.school_year", "desc")
      .orderBy("aid_programmes.code")
      .execute();
    return rows.map(toProgramme);
  },

  /** One programme visible from `scope`; undefined when there is none. */
  async find(db: Db, scope: Scope, id: string): Promise<AidProgrammeRow | undefined> {
    const r = await db
      .selectFrom("aid_programmes")
      .innerJoin("org_units", "org_units.id", "aid_programmes.unit_id")
      .select(PROGRAMME_COLUMNS)
      .where("aid_programmes.id", "=", id)
      .where(programmeVisible(scope))
      .executeTakeFirst();
    return r === undefined ? undefined : toProgramme(r);
  },

  async insertImport(db: Db, row: Insertable<AidPriorityImportsTable>): Promise<string> {
    const r = await db
      .insertInto("aid_priority_imports")
      .values(row)
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Writes the children of a list, sealed. */
  async insertPeople(
    db: Db,
    importId: string,
    unitId: string,
    rows: readonly PriorityPersonWrite[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto("aid_priority_people")
        .values(
          rows.slice(i, i + 1000).map((r) => ({
            import_id: importId,
            unit_id: unitId,
            id_number_index: r.index,
            category: r.category,
            personal: encryptField(db, JSON.stringify({ idNumber: r.idNumber, name: r.name })),
            student_id: r.studentId,
          })),
        )
        .execute();
    }
  },

  /** The list imports within `scope`, newest first: counts only. */
  async listImports(db: Db, scope: Scope) {
    return db
      .selectFrom("aid_priority_imports")
      .innerJoin("org_units", "org_units.id", "aid_priority_imports.scope_unit_id")
      .select([
        "aid_priority_imports.id",
        "aid_priority_imports.school_year",
        "aid_priority_imports.source",
        "aid_priority_imports.file_name",
        "aid_priority_imports.row_count",
        "aid_priority_imports.summary",
        "aid_priority_imports.imported_at",
        "org_units.name as unit_name",
      ])
      .where(inScope("org_units.path", scope))
      .orderBy("aid_priority_imports.imported_at", "desc")
      .limit(200)
      .execute();
  },

  /** The pupils (any status) the registry holds under each blind index: index → {studentId, unitId}. */
  async studentsByIndex(
    db: Db,
    indexes: readonly string[],
  ): Promise<Map<string, { id: string; unitId: string }>> {
    const out = new Map<string, { id: string; unitId: string }>();
    for (let i = 0; i < indexes.length; i += 2000) {
      const rows = await db
        .selectFrom("students")
        .select(["id", "unit_id", "id_number_index"])
        .where("id_number_index", "in", indexes.slice(i, i + 2000))
        .execute();
      for (const r of rows) {
        if (r.id_number_index !== null) {
          out.set(r.id_number_index, { id: r.id, unitId: r.unit_id });
        }
      }
    }
    return out;
  },

  /** The categories the lists of `year` confirm for one blind index (any list of the county). */
  async categoriesOf(db: Db, year: number, index: string): Promise<string[]> {
    const rows = await db
      .selectFrom("aid_priority_people")
      .innerJoin("aid_priority_imports", "aid_priority_imports.id", "aid_priority_people.import_id")
      .select("aid_priority_people.category")
      .distinct()
      .where("aid_priority_imports.school_year", "=", year)
      .where("aid_priority_people.id_number_index", "=", index)
      .execute();
    return rows.map((r) => r.category).sort();
  },

  /**
   * The listed children of `year` matched to a pupil whose school lies within `scope`, one row per pupil
   * with every category the lists give: the 应助未助 check's input.
   */
  async listedPupils(db: Db, scope: Scope, year: number) {
    const rows = await db
      .selectFrom("aid_priority_people")
      .innerJoin("aid_priority_imports", "aid_priority_imports.id", "aid_priority_people.import_id")
      .innerJoin("students", "students.id_number_index", "aid_priority_people.id_number_index")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .select([
        "aid_priority_people.id_number_index",
        "aid_priority_people.category",
        "students.id as student_id",
        "students.unit_id",
        "students.status",
      ])
      .where("aid_priority_imports.school_year", "=", year)
      .where(inScope("org_units.path", scope))
      .execute();
    const out = new Map<
      string,
      { key: string; studentId: string; unitId: string; status: string; categories: string[] }
    >();
    for (const r of rows) {
      const p = out.get(r.student_id) ?? {
        key: r.id_number_index,
        studentId: r.student_id,
        unitId: r.unit_id,
        status: r.status,
        categories: [],
      };
      if (!p.categories.includes(r.category)) {
        p.categories.push(r.category);
      }
      out.set(r.student_id, p);
    }
    return [...out.values()];
  },

  /** Records (or replaces) why a pupil on a list is not aided in `year`. */
  async recordReason(
    db: Db,
    row: { unitId: string; schoolYear: number; index: string; reason: string; by: string | null },
  ): Promise<string> {
    const sealed = encryptField(db, row.reason);
    const r = await db
      .insertInto("aid_unaided_reasons")
      .values({
        unit_id: row.unitId,
        school_year: row.schoolYear,
        id_number_index: row.index,
        reason: sealed,
        recorded_by: row.by,
      })
      .onConflict((oc) =>
        oc.columns(["school_year", "id_number_index"]).doUpdateSet({
          reason: sealed,
          unit_id: row.unitId,
          recorded_by: row.by,
          recorded_at: sql<Date>`now()`,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** The blind indexes with a recorded reason in `year` within `scope`. */
  async reasonKeys(db: Db, scope: Scope, year: number): Promise<Set<string>> {
    const rows = await db
      .selectFrom("aid_unaided_reasons")
      .innerJoin("org_units", "org_units.id", "aid_unaided_reasons.unit_id")
      .select("aid_unaided_reasons.id_number_index")
      .where("aid_unaided_reasons.school_year", "=", year)
      .where(inScope("org_units.path", scope))
      .execute();
    return new Set(rows.map((r) => r.id_number_index));
  },
};
