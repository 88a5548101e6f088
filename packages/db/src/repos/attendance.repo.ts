/**
 * 日考勤、日报告 and risk flags (attendance_reports, attendance_absences, attendance_flags,
 * attendance_rule_sets). The two daily tables are partitioned by month: every query names a day or a
 * range of days, so PostgreSQL reads only the partitions of that range. Every read is limited to a scope
 * through the school's org unit (scope.ts); the county code leads each key (the distribution key a
 * national deployment would shard on).
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";
import { openPersonal, type StudentPersonal } from "./student.repo.ts";

/** One absence to write. */
export interface AbsenceWrite {
  studentId: string;
  reason: string;
}

/** A school's day to write. */
export interface AttendanceReportWrite {
  countyCode: string;
  day: string;
  unitId: string;
  expected: number;
  present: number;
  classes: unknown;
  reportedBy: string | null;
  absences: readonly AbsenceWrite[];
}

/** A school of the scope and its day: reported or not, counts by reason. */
export interface SchoolDayRow {
  unitId: string;
  code: string;
  name: string;
  township: string | null;
  enrolled: number;
  reported: boolean;
  zeroReport: boolean;
  expected: number;
  present: number;
  reportedAt: Date | null;
  sick: number;
  personal: number;
  truant: number;
  unknown: number;
}

/** An absent pupil as a list shows them: personal values opened for the presenter to mask. */
export interface AbsenceReadRow {
  studentId: string;
  unitId: string;
  schoolName: string;
  personal: StudentPersonal;
  level: string;
  grade: number;
  className: string;
  reason: string;
}

/** A pupil of a school in school (在读), for 应到 and for the school's sheet. */
export interface EnrolledPupilRow {
  id: string;
  personal: string;
  level: string;
  grade: number;
  className: string;
  leftBehind: boolean;
}

const CHUNK = 5000;

export const attendanceRepo = {
  /** Creates the monthly partitions from `from` to `to` that are missing; returns how many it made. */
  async ensurePartitions(db: Db, from: string, to: string): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT attendance_ensure_partitions(${from}::date, ${to}::date) AS n`.execute(db);
    return r.rows[0]?.n ?? 0;
  },

  /** The monthly partitions that exist, by table ("attendance_absences_2024_09" …). */
  async partitions(db: Db): Promise<string[]> {
    const r = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname IN ('attendance_reports', 'attendance_absences')
      ORDER BY c.relname`.execute(db);
    return r.rows.map((x) => x.name);
  },

  /** The code of the county a unit lies in (its county ancestor, or itself), or undefined. */
  async countyCodeOf(db: Db, unitId: string): Promise<string | undefined> {
    const r = await db
      .selectFrom("org_units as u")
      .innerJoin("org_units as c", (j) =>
        j.on(sql<boolean>`u.path LIKE c.path || '%'`).on("c.kind", "=", "county"),
      )
      .select("c.code")
      .where("u.id", "=", unitId)
      .executeTakeFirst();
    return r?.code;
  },

  /** The pupils in school (在读) of one school within `scope`. */
  async enrolledOfSchool(db: Db, scope: Scope, unitId: string): Promise<EnrolledPupilRow[]> {
    const rows = await db
      .selectFrom("students")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .select([
        "students.id",
        "students.personal",
        "students.level",
        "students.grade",
        "students.class_name",
        "students.left_behind",
      ])
      .where("students.unit_id", "=", unitId)
      .where("students.status", "=", "enrolled")
      .where(inScope("org_units.path", scope))
      .orderBy("students.level")
      .orderBy("students.grade")
      .orderBy("students.class_name")
      .orderBy("students.id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      personal: r.personal,
      level: r.level,
      grade: r.grade,
      className: r.class_name,
      leftBehind: r.left_behind,
    }));
  },

  /**
   * Writes one school's day: the report (replacing an earlier one of the same day) and its absences (the
   * earlier ones of that day removed first).
   */
  async saveReport(db: Db, w: AttendanceReportWrite): Promise<void> {
    await db
      .deleteFrom("attendance_absences")
      .where("county_code", "=", w.countyCode)
      .where("day", "=", w.day)
      .where("unit_id", "=", w.unitId)
      .execute();
    await db
      .insertInto("attendance_reports")
      .values({
        county_code: w.countyCode,
        day: w.day,
        unit_id: w.unitId,
        expected: w.expected,
        present: w.present,
        zero_report: w.absences.length === 0,
        classes: JSON.stringify(w.classes),
        reported_by: w.reportedBy,
      })
      .onConflict((oc) =>
        oc.columns(["county_code", "day", "unit_id"]).doUpdateSet((eb) => ({
          expected: eb.ref("excluded.expected"),
          present: eb.ref("excluded.present"),
          zero_report: eb.ref("excluded.zero_report"),
          classes: eb.ref("excluded.classes"),
          reported_by: eb.ref("excluded.reported_by"),
          reported_at: sql<Date>`now()`,
        })),
      )
      .execute();
    await attendanceRepo.insertAbsences(
      db,
      w.countyCode,
      w.day,
      w.absences.map((a) => ({ ...a, unitId: w.unitId })),
    );
  },

  /**
   * Writes many absences of one day: one statement of typed arrays per chunk. Every pupil must exist
   * (the check the dropped foreign key made, 0032, without locking each pupil's registry row); a chunk
   * naming an unknown pupil is refused before anything of it is written.
   */
  async insertAbsences(
    db: Db,
    countyCode: string,
    day: string,
    rows: readonly (AbsenceWrite & { unitId: string })[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const pupils = [...new Set(chunk.map((a) => a.studentId))];
      const known = await sql<{ n: string | number }>`
        SELECT count(*) AS n FROM students WHERE id = ANY(${pupils}::uuid[])`.execute(db);
      if (Number(known.rows[0]?.n ?? 0) !== pupils.length) {
        throw new Error("attendance_absences: an absence names a pupil who is not in the registry");
      }
      await sql`
        INSERT INTO attendance_absences (county_code, day, unit_id, student_id, reason)
        SELECT ${countyCode}, ${day}::date, x.u, x.s, x.r
        FROM unnest(${chunk.map((a) => a.unitId)}::uuid[], ${chunk.map((a) => a.studentId)}::uuid[],
          ${chunk.map((a) => a.reason)}::text[]) AS x(u, s, r)`.execute(db);
    }
  },

  /** Writes many school reports of one day (the province-day benchmark and the demo term). */
  async insertReports(
    db: Db,
    countyCode: string,
    day: string,
    rows: readonly { unitId: string; expected: number; present: number; classes: unknown }[],
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await sql`
        INSERT INTO attendance_reports (county_code, day, unit_id, expected, present, zero_report, classes)
        SELECT ${countyCode}, ${day}::date, x.u, x.e, x.p, x.e = x.p, x.c::jsonb
        FROM unnest(${chunk.map((r) => r.unitId)}::uuid[], ${chunk.map((r) => r.expected)}::integer[],
          ${chunk.map((r) => r.present)}::integer[], ${chunk.map((r) => JSON.stringify(r.classes))}::text[])
          AS x(u, e, p, c)`.execute(db);
    }
  },

  /** The schools within `scope` and their day: reported or not, 应到/实到, absences by reason. */
  async schoolDays(db: Db, scope: Scope, day: string): Promise<SchoolDayRow[]> {
    const r = await sql<{
      unit_id: string;
      code: string;
      name: string;
      township: string | null;
      enrolled: string | number;
      reported: boolean;
      zero_report: boolean | null;
      expected: number | null;
      present: number | null;
      reported_at: Date | null;
      sick: string | number;
      personal: string | number;
      truant: string | number;
      unknown: string | number;
    }>`
      SELECT s.id AS unit_id, s.code, s.name, t.name AS township,
        coalesce(e.n, 0) AS enrolled, r.unit_id IS NOT NULL AS reported, r.zero_report, r.expected,
        r.present, r.reported_at, coalesce(a.sick, 0) AS sick, coalesce(a.personal, 0) AS personal,
        coalesce(a.truant, 0) AS truant, coalesce(a.unknown, 0) AS unknown
      FROM org_units s
      LEFT JOIN org_units t ON t.id = s.parent_id AND t.kind = 'township'
      LEFT JOIN (
        SELECT st.unit_id, count(*) AS n FROM students st
        JOIN org_units su ON su.id = st.unit_id
        WHERE st.status = 'enrolled' AND ${inScope("su.path", scope)}
        GROUP BY st.unit_id
      ) e ON e.unit_id = s.id
      LEFT JOIN attendance_reports r ON r.unit_id = s.id AND r.day = ${day}::date
      LEFT JOIN (
        SELECT ab.unit_id,
          count(*) FILTER (WHERE ab.reason = 'sick') AS sick,
          count(*) FILTER (WHERE ab.reason = 'personal') AS personal,
          count(*) FILTER (WHERE ab.reason = 'truant') AS truant,
          count(*) FILTER (WHERE ab.reason = 'unknown') AS unknown
        FROM attendance_absences ab WHERE ab.day = ${day}::date GROUP BY ab.unit_id
      ) a ON a.unit_id = s.id
      WHERE s.kind = 'school' AND s.closed_on IS NULL AND ${inScope("s.path", scope)}
      ORDER BY t.name NULLS LAST, s.code`.execute(db);
    return r.rows.map((x) => ({
      unitId: x.unit_id,
      code: x.code,
      name: x.name,
      township: x.township,
      enrolled: Number(x.enrolled),
      reported: x.reported,
      zeroReport: x.zero_report === true,
      expected: x.expected ?? 0,
      present: x.present ?? 0,
      reportedAt: x.reported_at,
      sick: Number(x.sick),
      personal: Number(x.personal),
      truant: Number(x.truant),
      unknown: Number(x.unknown),
    }));
  },

  /** The latest day any school within `scope` reported, or undefined. */
  async latestDay(db: Db, scope: Scope): Promise<string | undefined> {
    const r = await db
      .selectFrom("attendance_reports")
      .innerJoin("org_units", "org_units.id", "attendance_reports.unit_id")
      .select((eb) => eb.fn.max("attendance_reports.day").as("day"))
      .where(inScope("org_units.path", scope))
      .executeTakeFirst();
    return r?.day ?? undefined;
  },

  /** The absent pupils of one day within `scope` (a school: its own), by school and class. */
  async absencesOn(db: Db, scope: Scope, day: string, limit: number): Promise<AbsenceReadRow[]> {
    const rows = await db
      .selectFrom("attendance_absences as a")
      .innerJoin("students", "students.id", "a.student_id")
      .innerJoin("org_units", "org_units.id", "a.unit_id")
      .select([
        "a.student_id",
        "a.unit_id",
        "org_units.name",
        "students.personal",
        "students.level",
        "students.grade",
        "students.class_name",
        "a.reason",
      ])
      .where("a.day", "=", day)
      .where(inScope("org_units.path", scope))
      .orderBy("org_units.code")
      .orderBy("students.level")
      .orderBy("students.grade")
      .orderBy("students.class_name")
      .orderBy("a.student_id")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      studentId: r.student_id,
      unitId: r.unit_id,
      schoolName: r.name,
      personal: openPersonal(db, r.personal),
      level: r.level,
      grade: r.grade,
      className: r.class_name,
      reason: r.reason,
    }));
  },

  /**
   * The absences from `from` to `to` of the pupils absent on `day` at the given schools (those whose
   * flags the day may raise), with whether each is 留守. One range of days: the partitions of that range.
   */
  async historyOfAbsent(
    db: Db,
    countyCode: string,
    unitIds: readonly string[] | null,
    day: string,
    from: string,
  ): Promise<{ studentId: string; unitId: string; leftBehind: boolean; day: string; reason: string }[]> {
    const r = await sql<{
      student_id: string;
      unit_id: string;
      left_behind: boolean;
      day: string;
      reason: string;
    }>`
      SELECT h.student_id, t.unit_id, s.left_behind, h.day, h.reason
      FROM attendance_absences t
      JOIN attendance_absences h ON h.county_code = t.county_code AND h.student_id = t.student_id
        AND h.day BETWEEN ${from}::date AND ${day}::date
      JOIN students s ON s.id = t.student_id
      WHERE t.county_code = ${countyCode} AND t.day = ${day}::date
        ${unitIds === null ? sql`` : sql`AND t.unit_id = ANY(${[...unitIds]}::uuid[])`}
      ORDER BY h.student_id, h.day`.execute(db);
    return r.rows.map((x) => ({
      studentId: x.student_id,
      unitId: x.unit_id,
      leftBehind: x.left_behind,
      day: x.day,
      reason: x.reason,
    }));
  },

  /**
   * The pending 转出 of pupils of schools within `scope` on or before `before`, and whether the pupil has
   * had a 转入 since (at any school).
   */
  async pendingTransfers(
    db: Db,
    scope: Scope,
    before: string,
  ): Promise<{ studentId: string; unitId: string; occurredOn: string; transferredInSince: boolean }[]> {
    const r = await sql<{
      student_id: string;
      unit_id: string;
      occurred_on: string;
      transferred_in: boolean;
    }>`
      SELECT m.student_id, m.unit_id, m.occurred_on,
        EXISTS (SELECT 1 FROM student_movements i WHERE i.student_id = m.student_id
                AND i.kind = 'transferIn' AND i.occurred_on >= m.occurred_on) AS transferred_in
      FROM student_movements m
      JOIN org_units u ON u.id = m.unit_id
      WHERE m.kind = 'transferOut' AND m.pending AND m.occurred_on <= ${before}::date
        AND ${inScope("u.path", scope)}`.execute(db);
    return r.rows.map((x) => ({
      studentId: x.student_id,
      unitId: x.unit_id,
      occurredOn: x.occurred_on,
      transferredInSince: x.transferred_in,
    }));
  },
};
