/**
 * 学籍 (students, student_movements, student_imports). Personal values are sealed here, on the way in,
 * with the database's field keyring: one encrypted JSON per pupil and two blind indexes (学籍号,
 * 身份证件号) for exact lookups and for matching two imports — the table is never decrypted to search
 * it. Every read is limited to a scope through the pupil's school (scope.ts).
 */
import { randomUUID } from "node:crypto";
import { sql, type Insertable } from "kysely";
import type { Db } from "../db.ts";
import { blindIndex, decryptField, encryptField } from "../field-crypto.ts";
import type { StudentImportsTable } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";

/** The personal values of a pupil, as sealed in `students.personal`. */
export interface StudentPersonal {
  studentNo: string;
  idNumber: string | null;
  name: string;
  birthDate: string;
  hukou: string;
  guardianName: string | null;
  guardianPhone: string | null;
}

/** A pupil to write: the personal values in clear (sealed here) and the clear columns. */
export interface StudentWrite {
  /** Keep this id (an update); absent: a new pupil. */
  id?: string;
  /** The blind indexes of 学籍号 and 身份证件号 when the caller has computed them already. */
  indexes?: { studentNo: string; idNumber: string | null };
  unitId: string;
  personal: StudentPersonal;
  sex: "M" | "F";
  level: string;
  grade: number;
  className: string;
  migrant: boolean;
  leftBehind: boolean;
  disabled: boolean;
  status: string;
}

/** A stored pupil as movements need it: no personal value, only its blind indexes. */
export interface HeldStudentRow {
  id: string;
  unitId: string;
  schoolCode: string;
  studentNoIndex: string;
  idNumberIndex: string | null;
  level: string;
  grade: number;
  status: string;
  schoolYear: number;
}

/** One pupil as read for a list or a detail: personal values opened, for the presenter to mask. */
export interface StudentReadRow {
  id: string;
  unitId: string;
  schoolCode: string;
  schoolName: string;
  personal: StudentPersonal;
  sex: "M" | "F";
  level: string;
  grade: number;
  className: string;
  migrant: boolean;
  leftBehind: boolean;
  disabled: boolean;
  status: string;
  schoolYear: number;
  term: number;
  updatedAt: Date;
}

/** Filters of a pupil list; the scope is applied before them. */
export interface StudentFilter {
  level?: string;
  grade?: number;
  flag?: "migrant" | "leftBehind" | "disabled";
  status?: string;
  /** 身份证件号 or 学籍号, matched by blind index. */
  number?: string;
}

const CHUNK = 2000;

/** The blind index of a 学籍号 (upper-cased) or of a 身份证件号. */
export function studentNumberIndex(db: Db, kind: "studentNo" | "idNumber", value: string): string {
  return blindIndex(db, kind, value.trim().toUpperCase());
}

/** The personal values of a pupil from their opened (decrypted) JSON. */
export function parsePersonal(json: string): StudentPersonal {
  return JSON.parse(json) as StudentPersonal;
}

/** Opens a pupil's sealed values for masking (a full value leaves the server only through a reveal). */
export function openPersonal(db: Db, stored: string): StudentPersonal {
  return parsePersonal(decryptField(db, stored));
}

const READ_COLUMNS = [
  "students.id",
  "students.unit_id",
  "org_units.code",
  "org_units.name",
  "students.personal",
  "students.sex",
  "students.level",
  "students.grade",
  "students.class_name",
  "students.migrant",
  "students.left_behind",
  "students.disabled",
  "students.status",
  "students.school_year",
  "students.term",
  "students.updated_at",
] as const;

const FLAG_COLUMNS = { migrant: "migrant", leftBehind: "left_behind", disabled: "disabled" } as const;

export const studentRepo = {
  async insertImport(db: Db, row: Insertable<StudentImportsTable>): Promise<string> {
    const r = await db.insertInto("student_imports").values(row).returning("id").executeTakeFirstOrThrow();
    return r.id;
  },

  /** The stored pupils of the schools within `scope`, without personal values. */
  async heldInScope(db: Db, scope: Scope): Promise<HeldStudentRow[]> {
    const rows = await db
      .selectFrom("students")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .select([
        "students.id",
        "students.unit_id",
        "org_units.code",
        "students.student_no_index",
        "students.id_number_index",
        "students.level",
        "students.grade",
        "students.status",
        "students.school_year",
      ])
      .where(inScope("org_units.path", scope))
      .execute();
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      schoolCode: r.code,
      studentNoIndex: r.student_no_index,
      idNumberIndex: r.id_number_index,
      level: r.level,
      grade: r.grade,
      status: r.status,
      schoolYear: r.school_year,
    }));
  },

  /**
   * Writes pupils (new ones inserted, known ones — by id — rewritten), sealing their personal values, in
   * chunks; returns the id of each pupil in input order.
   */
  async upsertMany(
    db: Db,
    rows: readonly StudentWrite[],
    meta: { importId: string; schoolYear: number; term: number },
  ): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK).map((r) => ({
        i: r.id ?? randomUUID(),
        u: r.unitId,
        n: r.indexes?.studentNo ?? studentNumberIndex(db, "studentNo", r.personal.studentNo),
        d:
          r.indexes?.idNumber ??
          (r.personal.idNumber === null ? null : studentNumberIndex(db, "idNumber", r.personal.idNumber)),
        p: encryptField(db, JSON.stringify(r.personal)),
        s: r.sex,
        b: Number(r.personal.birthDate.slice(0, 4)),
        l: r.level,
        g: r.grade,
        c: r.className,
        m: r.migrant,
        lb: r.leftBehind,
        ds: r.disabled,
        st: r.status,
      }));
      const json = JSON.stringify(chunk);
      await sql`
        INSERT INTO students (id, unit_id, student_no_index, id_number_index, personal, sex, birth_year, level,
          grade, class_name, migrant, left_behind, disabled, status, school_year, term, import_id)
        SELECT x.i, x.u, x.n, x.d, x.p, x.s, x.b, x.l, x.g, x.c, x.m, x.lb, x.ds,
          x.st, ${meta.schoolYear}::integer, ${meta.term}::smallint, ${meta.importId}::uuid
        FROM jsonb_to_recordset(${json}::jsonb) AS x(i uuid, u uuid, n text, d text, p text,
          s text, b integer, l text, g smallint, c text, m boolean, lb boolean, ds boolean, st text)
        ON CONFLICT (id) DO UPDATE SET unit_id = EXCLUDED.unit_id, student_no_index = EXCLUDED.student_no_index,
          id_number_index = EXCLUDED.id_number_index, personal = EXCLUDED.personal, sex = EXCLUDED.sex,
          birth_year = EXCLUDED.birth_year, level = EXCLUDED.level, grade = EXCLUDED.grade,
          class_name = EXCLUDED.class_name, migrant = EXCLUDED.migrant, left_behind = EXCLUDED.left_behind,
          disabled = EXCLUDED.disabled, status = EXCLUDED.status, school_year = EXCLUDED.school_year,
          term = EXCLUDED.term, import_id = EXCLUDED.import_id, updated_at = now()
      `.execute(db);
      ids.push(...chunk.map((r) => r.i));
    }
    return ids;
  },

  /** Sets the status of pupils (those absent from a newer export: 转出 or 毕业). */
  async setStatus(db: Db, ids: readonly string[], status: string, importId: string): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db
        .updateTable("students")
        .set({ status, import_id: importId, updated_at: sql<Date>`now()` })
        .where("id", "in", ids.slice(i, i + CHUNK))
        .execute();
    }
  },

  /** One page of the pupils within `scope` matching `filter`, by school, grade and class; and the total. */
  async list(
    db: Db,
    scope: Scope,
    filter: StudentFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: StudentReadRow[]; total: number }> {
    let q = db
      .selectFrom("students")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .where(inScope("org_units.path", scope));
    if (filter.level !== undefined) {
      q = q.where("students.level", "=", filter.level);
    }
    if (filter.grade !== undefined) {
      q = q.where("students.grade", "=", filter.grade);
    }
    if (filter.flag !== undefined) {
      q = q.where(`students.${FLAG_COLUMNS[filter.flag]}`, "=", true);
    }
    if (filter.status !== undefined) {
      q = q.where("students.status", "=", filter.status);
    }
    if (filter.number !== undefined) {
      const n = filter.number;
      q = q.where((eb) =>
        eb.or([
          eb("students.id_number_index", "=", studentNumberIndex(db, "idNumber", n)),
          eb("students.student_no_index", "=", studentNumberIndex(db, "studentNo", n)),
        ]),
      );
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const rows = await q
      .select(READ_COLUMNS)
      .orderBy("org_units.code")
      .orderBy("students.level")
      .orderBy("students.grade")
      .orderBy("students.class_name")
      .orderBy("students.id")
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows: rows.map((r) => toRead(db, r)), total: Number(total.n) };
  },

  /** One pupil within `scope`; undefined when there is none there. */
  async findInScope(db: Db, scope: Scope, id: string): Promise<StudentReadRow | undefined> {
    const r = await db
      .selectFrom("students")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .select(READ_COLUMNS)
      .where("students.id", "=", id)
      .where(inScope("org_units.path", scope))
      .executeTakeFirst();
    return r === undefined ? undefined : toRead(db, r);
  },

  /** The sealed personal values of one pupil within `scope` (for an audited reveal); undefined outside it. */
  async sealedInScope(db: Db, scope: Scope, id: string): Promise<string | undefined> {
    const r = await db
      .selectFrom("students")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .select("students.personal")
      .where("students.id", "=", id)
      .where(inScope("org_units.path", scope))
      .executeTakeFirst();
    return r?.personal;
  },

  /** How many pupils the whole registry holds (the demo loader's check). */
  async count(db: Db): Promise<number> {
    const r = await db
      .selectFrom("students")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};

type ReadColumns = {
  id: string;
  unit_id: string;
  code: string;
  name: string;
  personal: string;
  sex: "M" | "F";
  level: string;
  grade: number;
  class_name: string;
  migrant: boolean;
  left_behind: boolean;
  disabled: boolean;
  status: string;
  school_year: number;
  term: number;
  updated_at: Date;
};

function toRead(db: Db, r: ReadColumns): StudentReadRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    schoolCode: r.code,
    schoolName: r.name,
    personal: openPersonal(db, r.personal),
    sex: r.sex,
    level: r.level,
    grade: r.grade,
    className: r.class_name,
    migrant: r.migrant,
    leftBehind: r.left_behind,
    disabled: r.disabled,
    status: r.status,
    schoolYear: r.school_year,
    term: r.term,
    updatedAt: r.updated_at,
  };
}
