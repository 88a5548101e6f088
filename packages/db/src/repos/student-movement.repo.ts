/**
 * 学籍变动 and the registry's counts and import history (student_movements, student_imports), limited to
 * a scope through the school each row is recorded at (scope.ts).
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";
import { openPersonal, type StudentPersonal } from "./student.repo.ts";

/** A movement to write. */
export interface MovementWrite {
  studentId: string;
  unitId: string;
  otherUnitId: string | null;
  kind: string;
  occurredOn: string;
  pending: boolean;
}

/** A movement as listed. */
export interface MovementReadRow {
  id: string;
  studentId: string;
  schoolCode: string;
  schoolName: string;
  otherSchoolName: string | null;
  kind: string;
  occurredOn: string;
  pending: boolean;
  personal: StudentPersonal;
  level: string;
  grade: number;
}

/** Pupils of one school, level and grade. */
export interface StudentCountRow {
  unitId: string;
  schoolCode: string;
  schoolName: string;
  level: string;
  grade: number;
  pupils: number;
}

const CHUNK = 2000;

export const studentMovementRepo = {
  async insertMovements(db: Db, rows: readonly MovementWrite[], importId: string): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const json = JSON.stringify(
        rows.slice(i, i + CHUNK).map((r) => ({
          s: r.studentId,
          u: r.unitId,
          o: r.otherUnitId,
          k: r.kind,
          d: r.occurredOn,
          p: r.pending,
        })),
      );
      await sql`
        INSERT INTO student_movements (student_id, unit_id, other_unit_id, kind, occurred_on, pending, import_id)
        SELECT x.s, x.u, x.o, x.k, x.d, x.p, ${importId}::uuid
        FROM jsonb_to_recordset(${json}::jsonb) AS x(s uuid, u uuid, o uuid, k text, d date, p boolean)
      `.execute(db);
    }
  },

  /** One page of the movements recorded at schools within `scope`, newest first. */
  async listMovements(
    db: Db,
    scope: Scope,
    filter: { kind?: string; pending?: boolean },
    page: { offset: number; limit: number },
  ): Promise<{ rows: MovementReadRow[]; total: number }> {
    let q = db
      .selectFrom("student_movements as m")
      .innerJoin("org_units", "org_units.id", "m.unit_id")
      .innerJoin("students", "students.id", "m.student_id")
      .leftJoin("org_units as other", "other.id", "m.other_unit_id")
      .where(inScope("org_units.path", scope));
    if (filter.kind !== undefined) {
      q = q.where("m.kind", "=", filter.kind);
    }
    if (filter.pending !== undefined) {
      q = q.where("m.pending", "=", filter.pending);
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const rows = await q
      .select([
        "m.id",
        "m.student_id",
        "org_units.code",
        "org_units.name",
        "other.name as other_name",
        "m.kind",
        "m.occurred_on",
        "m.pending",
        "students.personal",
        "students.level",
        "students.grade",
      ])
      .orderBy("m.occurred_on", "desc")
      .orderBy("org_units.code")
      .orderBy("m.id")
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return {
      total: Number(total.n),
      rows: rows.map((r) => ({
        id: r.id,
        studentId: r.student_id,
        schoolCode: r.code,
        schoolName: r.name,
        otherSchoolName: r.other_name,
        kind: r.kind,
        occurredOn: r.occurred_on,
        pending: r.pending,
        personal: openPersonal(db, r.personal),
        level: r.level,
        grade: r.grade,
      })),
    };
  },

  /** Pupils in school (在读 and 休学) by school, level and grade, within `scope`. */
  async countsInScope(db: Db, scope: Scope): Promise<StudentCountRow[]> {
    const rows = await db
      .selectFrom("students")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .select(["students.unit_id", "org_units.code", "org_units.name", "students.level", "students.grade"])
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where(inScope("org_units.path", scope))
      .where("students.status", "in", ["enrolled", "suspended"])
      .groupBy(["students.unit_id", "org_units.code", "org_units.name", "students.level", "students.grade"])
      .orderBy("org_units.code")
      .execute();
    return rows.map((r) => ({
      unitId: r.unit_id,
      schoolCode: r.code,
      schoolName: r.name,
      level: r.level,
      grade: r.grade,
      pupils: Number(r.n),
    }));
  },

  /** The imports of units within `scope`, newest first. */
  async listImports(db: Db, scope: Scope, limit = 50) {
    return db
      .selectFrom("student_imports as i")
      .innerJoin("org_units", "org_units.id", "i.scope_unit_id")
      .leftJoin("users", "users.id", "i.imported_by")
      .select([
        "i.id",
        "i.file_name",
        "i.school_year",
        "i.term",
        "i.as_of",
        "i.row_count",
        "i.summary",
        "i.imported_at",
        "org_units.name as unit_name",
        "users.display_name",
      ])
      .where(inScope("org_units.path", scope))
      .orderBy("i.imported_at", "desc")
      .limit(limit)
      .execute();
  },
};
