/**
 * 辍学风险预警 (attendance_flags) and the rules' versions (attendance_rule_sets): flags are written once per
 * pupil and rule while open, and read within a scope through the school's org unit (scope.ts).
 */
import type { Db } from "../db.ts";
import { sql } from "kysely";
import { inScope, type Scope } from "../scope.ts";
import { openPersonal, type StudentPersonal } from "./student.repo.ts";

const CHUNK = 5000;

/** A flag to write. */
export interface FlagWrite {
  countyCode: string;
  studentId: string;
  unitId: string;
  rule: string;
  ruleVersion: number;
  raisedOn: string;
  explanation: unknown;
}

/** An open flag as the list shows it. */
export interface FlagReadRow {
  id: string;
  studentId: string;
  unitId: string;
  schoolName: string;
  township: string | null;
  personal: StudentPersonal;
  level: string;
  grade: number;
  className: string;
  leftBehind: boolean;
  rule: string;
  ruleVersion: number;
  raisedOn: string;
  explanation: unknown;
}

/** Filters of the flag list. */
export interface FlagFilter {
  rule?: string;
  /** One flag (a case opened from it reads it within the reader's scope). */
  id?: string;
}

export const attendanceFlagRepo = {
  /** Writes flags; a pupil's open flag of the same rule is kept (not raised twice). Returns how many. */
  async insertFlags(db: Db, rows: readonly FlagWrite[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const json = JSON.stringify(
        rows
          .slice(i, i + CHUNK)
          .map((f) => [
            f.countyCode,
            f.studentId,
            f.unitId,
            f.rule,
            f.ruleVersion,
            f.raisedOn,
            f.explanation,
          ]),
      );
      const r = await sql<{ id: string }>`
        INSERT INTO attendance_flags (county_code, student_id, unit_id, rule, rule_version, raised_on, explanation)
        SELECT x->>0, (x->>1)::uuid, (x->>2)::uuid, x->>3, (x->>4)::integer, (x->>5)::date, x->6
        FROM jsonb_array_elements(${json}::jsonb) AS x
        ON CONFLICT (student_id, rule) WHERE status = 'open' DO NOTHING
        RETURNING id`.execute(db);
      n += r.rows.length;
    }
    return n;
  },

  /** One page of the open flags within `scope`, newest first; and the total. */
  async openFlags(
    db: Db,
    scope: Scope,
    filter: FlagFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: FlagReadRow[]; total: number }> {
    let q = db
      .selectFrom("attendance_flags as f")
      .innerJoin("students", "students.id", "f.student_id")
      .innerJoin("org_units as s", "s.id", "f.unit_id")
      .leftJoin("org_units as t", (j) => j.onRef("t.id", "=", "s.parent_id").on("t.kind", "=", "township"))
      .where("f.status", "=", "open")
      .where(inScope("s.path", scope));
    if (filter.rule !== undefined) {
      q = q.where("f.rule", "=", filter.rule);
    }
    if (filter.id !== undefined) {
      q = q.where("f.id", "=", filter.id);
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const rows = await q
      .select([
        "f.id",
        "f.student_id",
        "f.unit_id",
        "s.name as school_name",
        "t.name as township",
        "students.personal",
        "students.level",
        "students.grade",
        "students.class_name",
        "students.left_behind",
        "f.rule",
        "f.rule_version",
        "f.raised_on",
        "f.explanation",
      ])
      .orderBy("f.raised_on", "desc")
      .orderBy("s.code")
      .orderBy("f.id")
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return {
      total: Number(total.n),
      rows: rows.map((r) => ({
        id: r.id,
        studentId: r.student_id,
        unitId: r.unit_id,
        schoolName: r.school_name,
        township: r.township,
        personal: openPersonal(db, r.personal),
        level: r.level,
        grade: r.grade,
        className: r.class_name,
        leftBehind: r.left_behind,
        rule: r.rule,
        ruleVersion: r.rule_version,
        raisedOn: r.raised_on,
        explanation: r.explanation,
      })),
    };
  },

  /** Open flags within `scope` by school (with its 乡镇) and rule. */
  async flagCounts(
    db: Db,
    scope: Scope,
  ): Promise<{ unitId: string; schoolName: string; township: string | null; rule: string; n: number }[]> {
    const rows = await db
      .selectFrom("attendance_flags as f")
      .innerJoin("org_units as s", "s.id", "f.unit_id")
      .leftJoin("org_units as t", (j) => j.onRef("t.id", "=", "s.parent_id").on("t.kind", "=", "township"))
      .select(["f.unit_id", "s.name", "t.name as township", "f.rule"])
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("f.status", "=", "open")
      .where(inScope("s.path", scope))
      .groupBy(["f.unit_id", "s.name", "s.code", "t.name", "f.rule"])
      .orderBy("t.name")
      .orderBy("s.code")
      .execute();
    return rows.map((r) => ({
      unitId: r.unit_id,
      schoolName: r.name,
      township: r.township,
      rule: r.rule,
      n: Number(r.n),
    }));
  },

  /** The latest rule set of the nearest unit on `path` (the school's, its county's, …), or undefined. */
  async ruleSetFor(
    db: Db,
    unitIds: readonly string[],
  ): Promise<{ version: number; params: unknown } | undefined> {
    if (unitIds.length === 0) {
      return undefined;
    }
    const rows = await db
      .selectFrom("attendance_rule_sets")
      .select(["scope_unit_id", "version", "params"])
      .where("scope_unit_id", "in", [...unitIds])
      .orderBy("version", "desc")
      .execute();
    for (const id of [...unitIds].reverse()) {
      const r = rows.find((x) => x.scope_unit_id === id);
      if (r !== undefined) {
        return { version: r.version, params: r.params };
      }
    }
    return undefined;
  },

  /** Saves a new version of an area's rule set; returns its version number. */
  async saveRuleSet(db: Db, unitId: string, params: unknown, by: string | null): Promise<number> {
    const last = await db
      .selectFrom("attendance_rule_sets")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("scope_unit_id", "=", unitId)
      .executeTakeFirst();
    // version 1 is the built-in set: an area's first own set is version 2
    const version = Math.max(1, last?.v ?? 1) + 1;
    await db
      .insertInto("attendance_rule_sets")
      .values({ scope_unit_id: unitId, version, params: JSON.stringify(params), created_by: by })
      .execute();
    return version;
  },
};
