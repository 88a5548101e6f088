/**
 * 适龄儿童 lists (school_age_imports, school_age_children). A child's 身份证件号, 姓名, 出生日期 and 户籍地
 * are sealed on the way in; the match with the 学籍 registry joins the children's blind index with the
 * pupils' (`students.id_number_index`) — nothing is decrypted to match. Reads are limited to a scope
 * through the area the list belongs to.
 */
import { randomUUID } from "node:crypto";
import { sql, type Insertable } from "kysely";
import type { Db } from "../db.ts";
import { decryptField, encryptField } from "../field-crypto.ts";
import type { SchoolAgeImportsTable } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";
import { studentNumberIndex } from "./student.repo.ts";

/** The personal values of a 适龄 child, as sealed in `school_age_children.personal`. */
export interface ChildPersonal {
  idNumber: string;
  name: string;
  birthDate: string;
  township: string;
  village: string;
}

/** A child to write. */
export interface ChildWrite {
  personal: ChildPersonal;
  sex: "M" | "F";
  age: number;
}

/** A child as listed: personal values opened for the presenter to mask. */
export interface ChildReadRow {
  id: string;
  importId: string;
  personal: ChildPersonal;
  sex: "M" | "F";
  age: number;
  township: string;
  village: string;
  studentId: string | null;
  caseId: string | null;
}

/** Counts of one township and village of the latest list. */
export interface VillageCountRow {
  township: string;
  village: string;
  children: number;
  unmatched: number;
}

const CHUNK = 2000;

/** The statuses of a pupil who is in school for the 适龄 match (在读, 休学). */
export const IN_SCHOOL_STATUSES = ["enrolled", "suspended"] as const;

export const schoolAgeRepo = {
  async insertImport(db: Db, row: Insertable<SchoolAgeImportsTable>): Promise<string> {
    const r = await db.insertInto("school_age_imports").values(row).returning("id").executeTakeFirstOrThrow();
    return r.id;
  },

  /**
   * Which of these 身份证件号 blind indexes the registry holds as a pupil in school (any school of the
   * installation: a child at school in another county is in school). Index → pupil id.
   */
  async inSchoolByIndex(db: Db, indexes: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < indexes.length; i += CHUNK) {
      const rows = await db
        .selectFrom("students")
        .select(["id", "id_number_index"])
        .where("id_number_index", "in", indexes.slice(i, i + CHUNK))
        .where("status", "in", [...IN_SCHOOL_STATUSES])
        .execute();
      for (const r of rows) {
        if (r.id_number_index !== null) {
          out.set(r.id_number_index, r.id);
        }
      }
    }
    return out;
  },

  /** Writes the children of an import, sealed, with their match; returns their ids in input order. */
  async insertChildren(
    db: Db,
    importId: string,
    unitId: string,
    rows: readonly (ChildWrite & { index: string; studentId: string | null })[],
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK).map((r) => ({
        i: randomUUID(),
        x: r.index,
        p: encryptField(db, JSON.stringify(r.personal)),
        s: r.sex,
        a: r.age,
        t: r.personal.township,
        v: r.personal.village,
        m: r.studentId,
      }));
      await sql`
        INSERT INTO school_age_children (id, import_id, unit_id, id_number_index, personal, sex, age, township, village, student_id)
        SELECT x.i, ${importId}::uuid, ${unitId}::uuid, x.x, x.p, x.s, x.a, x.t, x.v, x.m
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          AS x(i uuid, x text, p text, s text, a smallint, t text, v text, m uuid)
      `.execute(db);
      ids.push(...chunk.map((c) => c.i));
    }
    return ids;
  },

  /** The blind index of a 身份证件号 (the registry's). */
  indexOf(db: Db, idNumber: string): string {
    return studentNumberIndex(db, "idNumber", idNumber);
  },

  /** The latest list within `scope`, or undefined. */
  async latestImport(db: Db, scope: Scope) {
    return db
      .selectFrom("school_age_imports")
      .innerJoin("org_units", "org_units.id", "school_age_imports.scope_unit_id")
      .select([
        "school_age_imports.id",
        "school_age_imports.file_name",
        "school_age_imports.source",
        "school_age_imports.school_year",
        "school_age_imports.row_count",
        "school_age_imports.summary",
        "school_age_imports.imported_at",
        "org_units.name as unit_name",
      ])
      .where(inScope("org_units.path", scope))
      .orderBy("school_age_imports.imported_at", "desc")
      .limit(1)
      .executeTakeFirst();
  },

  /** Children of an import within `scope` (unmatched only when asked), by township and village. */
  async listChildren(
    db: Db,
    scope: Scope,
    importId: string,
    filter: { unmatchedOnly: boolean; township?: string },
    page: { offset: number; limit: number },
  ): Promise<{ rows: ChildReadRow[]; total: number }> {
    let q = db
      .selectFrom("school_age_children as c")
      .innerJoin("org_units", "org_units.id", "c.unit_id")
      .where("c.import_id", "=", importId)
      .where(inScope("org_units.path", scope));
    if (filter.unmatchedOnly) {
      q = q.where("c.student_id", "is", null);
    }
    if (filter.township !== undefined) {
      q = q.where("c.township", "=", filter.township);
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const rows = await q
      .leftJoin("dropout_cases as d", (j) =>
        j.onRef("d.id_number_index", "=", "c.id_number_index").on("d.state", "<>", "closed"),
      )
      .select([
        "c.id",
        "c.import_id",
        "c.personal",
        "c.sex",
        "c.age",
        "c.township",
        "c.village",
        "c.student_id",
        "d.id as case_id",
      ])
      .orderBy("c.township")
      .orderBy("c.village")
      .orderBy("c.id")
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return {
      total: Number(total.n),
      rows: rows.map((r) => ({
        id: r.id,
        importId: r.import_id,
        personal: JSON.parse(decryptField(db, r.personal)) as ChildPersonal,
        sex: r.sex,
        age: r.age,
        township: r.township,
        village: r.village,
        studentId: r.student_id,
        caseId: r.case_id,
      })),
    };
  },

  /** Children and unmatched children of an import per township and village, within `scope`. */
  async countsByVillage(db: Db, scope: Scope, importId: string): Promise<VillageCountRow[]> {
    const rows = await db
      .selectFrom("school_age_children as c")
      .innerJoin("org_units", "org_units.id", "c.unit_id")
      .where("c.import_id", "=", importId)
      .where(inScope("org_units.path", scope))
      .select((eb) => [
        "c.township",
        "c.village",
        eb.fn.countAll<string>().as("children"),
        sql<string>`count(*) FILTER (WHERE c.student_id IS NULL)`.as("unmatched"),
      ])
      .groupBy(["c.township", "c.village"])
      .orderBy("c.township")
      .orderBy("c.village")
      .execute();
    return rows.map((r) => ({
      township: r.township,
      village: r.village,
      children: Number(r.children),
      unmatched: Number(r.unmatched),
    }));
  },

  /** One child within `scope` with its sealed values; undefined outside it. */
  async findChild(db: Db, scope: Scope, id: string) {
    return db
      .selectFrom("school_age_children as c")
      .innerJoin("org_units", "org_units.id", "c.unit_id")
      .select([
        "c.id",
        "c.unit_id",
        "c.id_number_index",
        "c.personal",
        "c.sex",
        "c.township",
        "c.village",
        "c.student_id",
      ])
      .where("c.id", "=", id)
      .where(inScope("org_units.path", scope))
      .executeTakeFirst();
  },

  /** Unmatched children of an import with no case open: those the import opens cases for. */
  async unmatchedWithoutCase(db: Db, importId: string) {
    return db
      .selectFrom("school_age_children as c")
      .select(["c.id", "c.unit_id", "c.id_number_index", "c.personal", "c.sex", "c.township", "c.village"])
      .where("c.import_id", "=", importId)
      .where("c.student_id", "is", null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("dropout_cases as d")
              .select("d.id")
              .whereRef("d.id_number_index", "=", "c.id_number_index")
              .where("d.state", "<>", "closed"),
          ),
        ),
      )
      .orderBy("c.id")
      .execute();
  },
};
