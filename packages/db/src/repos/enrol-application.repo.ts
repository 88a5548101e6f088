/**
 * 报名 (enrol_applications) and the 类别 rules (enrol_category_rules). An applicant's 姓名 and 身份证件号 are
 * sealed on the way in; duplicates across schools are found by the 身份证件号's blind index, never by
 * decrypting. Reads are limited to a scope through the school's path: a school sees its own applications.
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { encryptField } from "../field-crypto.ts";
import { inScope, type Scope } from "../scope.ts";
import { studentNumberIndex } from "./student.repo.ts";

/** An application to write (personal values in clear: this repository seals them). */
export interface ApplicationWrite {
  schoolId: string;
  applicationNo: string;
  name: string;
  idNumber: string;
  sex: "M" | "F";
  birthMonth: string;
  source: "portal" | "school";
  documents: unknown;
  category: string;
  tier: number;
  ruleVersion: number;
}

/** An application as listed: `personal` still sealed (the service opens it for the presenter to mask). */
export interface ApplicationRow {
  id: string;
  schoolYear: number;
  schoolId: string;
  schoolName: string;
  schoolCode: string;
  applicationNo: string;
  personal: string;
  sex: "M" | "F";
  birthMonth: string;
  source: "portal" | "school";
  documents: unknown;
  category: string;
  tier: number;
  ruleVersion: number;
  status: "pending" | "approved" | "rejected";
  decisionReason: string | null;
  decidedAt: Date | null;
  /** How many other schools the same child applied to this year (by blind index). */
  otherSchools: number;
}

/** Filters of a list. */
export interface ApplicationFilter {
  year: number;
  status?: "pending" | "approved" | "rejected";
  duplicatesOnly?: boolean;
  limit: number;
  offset: number;
}

const base = (db: Db, scope: Scope, year: number) =>
  db
    .selectFrom("enrol_applications as a")
    .innerJoin("org_units as s", "s.id", "a.school_unit_id")
    .where("a.school_year", "=", year)
    .where(inScope("s.path", scope));

export const enrolApplicationRepo = {
  /** The blind index of a 身份证件号 (the registry's, so that a pupil and an applicant match). */
  indexOf(db: Db, idNumber: string): string {
    return studentNumberIndex(db, "idNumber", idNumber);
  },

  /** The area's latest category rules (version and JSON), if the area saved any. */
  async latestRules(db: Db, areaUnitId: string): Promise<{ version: number; rules: unknown } | undefined> {
    return db
      .selectFrom("enrol_category_rules")
      .select(["version", "rules"])
      .where("area_unit_id", "=", areaUnitId)
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst();
  },

  async insertRules(db: Db, areaUnitId: string, version: number, rules: unknown, userId: string | null) {
    await db
      .insertInto("enrol_category_rules")
      .values({ area_unit_id: areaUnitId, version, rules: JSON.stringify(rules), created_by: userId })
      .execute();
  },

  /** How many applications the school has in the year (for the next application number). */
  async countAtSchool(db: Db, schoolId: string, year: number): Promise<number> {
    const r = await db
      .selectFrom("enrol_applications")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("school_unit_id", "=", schoolId)
      .where("school_year", "=", year)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Which (school, blind index) pairs of the year exist already. */
  async existing(db: Db, year: number, indexes: readonly string[]): Promise<Set<string>> {
    if (indexes.length === 0) {
      return new Set();
    }
    const rows = await db
      .selectFrom("enrol_applications")
      .select(["school_unit_id", "id_number_index"])
      .where("school_year", "=", year)
      .where("id_number_index", "in", [...indexes])
      .execute();
    return new Set(rows.map((r) => `${r.school_unit_id}\u0000${r.id_number_index}`));
  },

  /** Inserts applications of one area and year; returns their ids in order. */
  async insertMany(
    db: Db,
    areaUnitId: string,
    year: number,
    rows: readonly ApplicationWrite[],
    userId: string | null,
  ): Promise<string[]> {
    if (rows.length === 0) {
      return [];
    }
    const out = await db
      .insertInto("enrol_applications")
      .values(
        rows.map((r) => ({
          school_year: year,
          area_unit_id: areaUnitId,
          school_unit_id: r.schoolId,
          application_no: r.applicationNo,
          id_number_index: studentNumberIndex(db, "idNumber", r.idNumber),
          personal: encryptField(db, JSON.stringify({ name: r.name, idNumber: r.idNumber })),
          sex: r.sex,
          birth_month: r.birthMonth,
          source: r.source,
          documents: JSON.stringify(r.documents),
          category: r.category,
          tier: r.tier,
          rule_version: r.ruleVersion,
          created_by: userId,
        })),
      )
      .returning("id")
      .execute();
    return out.map((r) => r.id);
  },

  /** A page of the year's applications within the scope, with the count of each child's other schools. */
  async list(db: Db, scope: Scope, f: ApplicationFilter): Promise<{ rows: ApplicationRow[]; total: number }> {
    let q = base(db, scope, f.year);
    if (f.status !== undefined) {
      q = q.where("a.status", "=", f.status);
    }
    const others = sql<number>`(SELECT count(*)::int FROM enrol_applications o
      WHERE o.school_year = a.school_year AND o.id_number_index = a.id_number_index
        AND o.school_unit_id <> a.school_unit_id)`;
    if (f.duplicatesOnly === true) {
      q = q.where(sql<boolean>`${others} > 0`);
    }
    const [rows, total] = await Promise.all([
      q
        .select([
          "a.id",
          "a.school_year",
          "a.school_unit_id",
          "s.name as school_name",
          "s.code as school_code",
          "a.application_no",
          "a.personal",
          "a.sex",
          "a.birth_month",
          "a.source",
          "a.documents",
          "a.category",
          "a.tier",
          "a.rule_version",
          "a.status",
          "a.decision_reason",
          "a.decided_at",
        ])
        .select(others.as("other_schools"))
        .orderBy("s.code")
        .orderBy("a.application_no")
        .limit(f.limit)
        .offset(f.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(total.n),
      rows: rows.map((r) => ({
        id: r.id,
        schoolYear: r.school_year,
        schoolId: r.school_unit_id,
        schoolName: r.school_name,
        schoolCode: r.school_code,
        applicationNo: r.application_no,
        personal: r.personal,
        sex: r.sex,
        birthMonth: r.birth_month,
        source: r.source,
        documents: r.documents,
        category: r.category,
        tier: r.tier,
        ruleVersion: r.rule_version,
        status: r.status,
        decisionReason: r.decision_reason,
        decidedAt: r.decided_at,
        otherSchools: r.other_schools,
      })),
    };
  },

  /** One application within the scope, or undefined. */
  async findInScope(db: Db, scope: Scope, id: string) {
    return db
      .selectFrom("enrol_applications as a")
      .innerJoin("org_units as s", "s.id", "a.school_unit_id")
      .select(["a.id", "a.status", "a.personal", "a.application_no", "a.school_unit_id", "a.school_year"])
      .where("a.id", "=", id)
      .where(inScope("s.path", scope))
      .executeTakeFirst();
  },

  /** Records a decision on an application. */
  async decide(
    db: Db,
    id: string,
    status: "approved" | "rejected",
    reason: string,
    userId: string | null,
  ): Promise<void> {
    await db
      .updateTable("enrol_applications")
      .set({ status, decision_reason: reason, decided_by: userId, decided_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
  },
};
