/**
 * 学生资助 applications, their steps (who, when), the 公示 of a school and the objections raised. An
 * application's bank card and holder are sealed here on the way in; its pupil's name comes from the
 * registry, opened for the presenter to mask. Every read is limited to a scope through the pupil's school.
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { decryptField, encryptField } from "../field-crypto.ts";
import { inScope, type Scope } from "../scope.ts";
import { openPersonal } from "./student.repo.ts";

/** The sealed values of an application. */
export interface AidBankPersonal {
  bankCard: string;
  bankName: string;
  holder: string;
}

/** An application as read for a list, a detail or a 公示: personal values opened for masking. */
export interface AidApplicationRow {
  id: string;
  programmeId: string;
  programmeName: string;
  schoolYear: number;
  unitId: string;
  schoolName: string;
  studentId: string;
  idNumberIndex: string | null;
  name: string;
  idNumber: string | null;
  level: string;
  grade: number;
  className: string;
  studentStatus: string;
  tier: string;
  claimed: string[];
  verified: string[];
  bank: AidBankPersonal;
  state: string;
  assessment: unknown;
  publicityId: string | null;
  createdAt: Date;
}

/** Filters of an application list; the scope is applied before them. */
export interface AidApplicationFilter {
  programmeId?: string;
  state?: string;
  publicityId?: string;
  unitId?: string;
}

const COLUMNS = [
  "aid_applications.id",
  "aid_applications.programme_id",
  "aid_programmes.name as programme_name",
  "aid_programmes.school_year",
  "aid_applications.unit_id",
  "org_units.name as school_name",
  "aid_applications.student_id",
  "aid_applications.id_number_index",
  "students.personal as student_personal",
  "students.level",
  "students.grade",
  "students.class_name",
  "students.status",
  "aid_applications.tier",
  "aid_applications.claimed",
  "aid_applications.verified",
  "aid_applications.personal",
  "aid_applications.state",
  "aid_applications.assessment",
  "aid_applications.publicity_id",
  "aid_applications.created_at",
] as const;

function base(db: Db, scope: Scope) {
  return db
    .selectFrom("aid_applications")
    .innerJoin("aid_programmes", "aid_programmes.id", "aid_applications.programme_id")
    .innerJoin("org_units", "org_units.id", "aid_applications.unit_id")
    .innerJoin("students", "students.id", "aid_applications.student_id")
    .where(inScope("org_units.path", scope));
}

type Raw = {
  id: string;
  programme_id: string;
  programme_name: string;
  school_year: number;
  unit_id: string;
  school_name: string;
  student_id: string;
  id_number_index: string | null;
  student_personal: string;
  level: string;
  grade: number;
  class_name: string;
  status: string;
  tier: string;
  claimed: string[];
  verified: string[];
  personal: string;
  state: string;
  assessment: unknown;
  publicity_id: string | null;
  created_at: Date;
};

function toRow(db: Db, r: Raw): AidApplicationRow {
  const pupil = openPersonal(db, r.student_personal);
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeName: r.programme_name,
    schoolYear: r.school_year,
    unitId: r.unit_id,
    schoolName: r.school_name,
    studentId: r.student_id,
    idNumberIndex: r.id_number_index,
    name: pupil.name,
    idNumber: pupil.idNumber,
    level: r.level,
    grade: r.grade,
    className: r.class_name,
    studentStatus: r.status,
    tier: r.tier,
    claimed: r.claimed,
    verified: r.verified,
    bank: JSON.parse(decryptField(db, r.personal)) as AidBankPersonal,
    state: r.state,
    assessment: r.assessment,
    publicityId: r.publicity_id,
    createdAt: r.created_at,
  };
}

export const aidApplicationRepo = {
  /** Adds an application with its bank values sealed; undefined when the pupil already has one for it. */
  async insert(
    db: Db,
    row: {
      programmeId: string;
      unitId: string;
      studentId: string;
      index: string | null;
      tier: string;
      claimed: string[];
      verified: string[];
      bank: AidBankPersonal;
      by: string | null;
    },
  ): Promise<string | undefined> {
    const r = await db
      .insertInto("aid_applications")
      .values({
        programme_id: row.programmeId,
        unit_id: row.unitId,
        student_id: row.studentId,
        id_number_index: row.index,
        tier: row.tier,
        claimed: row.claimed,
        verified: row.verified,
        personal: encryptField(db, JSON.stringify(row.bank)),
        state: "applied",
        created_by: row.by,
      })
      .onConflict((oc) => oc.columns(["programme_id", "student_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    return r?.id;
  },

  /** One page of the applications within `scope`, by school, grade and class; and the total. */
  async list(
    db: Db,
    scope: Scope,
    filter: AidApplicationFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: AidApplicationRow[]; total: number }> {
    let q = base(db, scope);
    if (filter.programmeId !== undefined) {
      q = q.where("aid_applications.programme_id", "=", filter.programmeId);
    }
    if (filter.state !== undefined) {
      q = q.where("aid_applications.state", "=", filter.state);
    }
    if (filter.publicityId !== undefined) {
      q = q.where("aid_applications.publicity_id", "=", filter.publicityId);
    }
    if (filter.unitId !== undefined) {
      q = q.where("aid_applications.unit_id", "=", filter.unitId);
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const rows = await q
      .select(COLUMNS)
      .orderBy("org_units.code")
      .orderBy("students.level")
      .orderBy("students.grade")
      .orderBy("students.class_name")
      .orderBy("aid_applications.id")
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows: rows.map((r) => toRow(db, r)), total: Number(total.n) };
  },

  /** One application within `scope`; undefined outside it. */
  async find(db: Db, scope: Scope, id: string): Promise<AidApplicationRow | undefined> {
    const r = await base(db, scope).select(COLUMNS).where("aid_applications.id", "=", id).executeTakeFirst();
    return r === undefined ? undefined : toRow(db, r);
  },

  /** Moves applications to a state (and to a 公示, when given). */
  async setState(
    db: Db,
    ids: readonly string[],
    state: string,
    extra: { assessment?: unknown; publicityId?: string } = {},
  ): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await db
      .updateTable("aid_applications")
      .set({
        state,
        updated_at: sql<Date>`now()`,
        ...(extra.assessment === undefined ? {} : { assessment: JSON.stringify(extra.assessment) }),
        ...(extra.publicityId === undefined ? {} : { publicity_id: extra.publicityId }),
      })
      .where("id", "in", ids)
      .execute();
  },

  /** Replaces the sealed bank values of one application (a card corrected after a failed transfer). */
  async updateBank(db: Db, id: string, bank: AidBankPersonal): Promise<void> {
    await db
      .updateTable("aid_applications")
      .set({ personal: encryptField(db, JSON.stringify(bank)), updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
  },

  /** Records a step of applications: who did it and its outcome (now). */
  async addSteps(db: Db, ids: readonly string[], step: string, outcome: string | null, by: string | null) {
    if (ids.length === 0) {
      return;
    }
    await db
      .insertInto("aid_application_steps")
      .values(ids.map((id) => ({ application_id: id, step, outcome, done_by: by })))
      .execute();
  },

  /** The steps of one application, oldest first, with who did them. */
  async steps(db: Db, applicationId: string) {
    return db
      .selectFrom("aid_application_steps")
      .leftJoin("users", "users.id", "aid_application_steps.done_by")
      .select([
        "aid_application_steps.step",
        "aid_application_steps.outcome",
        "aid_application_steps.done_at",
        "users.display_name",
      ])
      .where("aid_application_steps.application_id", "=", applicationId)
      .orderBy("aid_application_steps.done_at")
      .orderBy("aid_application_steps.id")
      .execute();
  },

  async insertPublicity(
    db: Db,
    row: {
      unitId: string;
      programmeId: string;
      startsOn: string;
      endsOn: string;
      days: number;
      by: string | null;
    },
  ): Promise<string> {
    const r = await db
      .insertInto("aid_publicities")
      .values({
        unit_id: row.unitId,
        programme_id: row.programmeId,
        starts_on: row.startsOn,
        ends_on: row.endsOn,
        working_days: row.days,
        created_by: row.by,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** The 公示 within `scope`, newest first. */
  async publicities(db: Db, scope: Scope, id?: string) {
    let q = db
      .selectFrom("aid_publicities")
      .innerJoin("org_units", "org_units.id", "aid_publicities.unit_id")
      .innerJoin("aid_programmes", "aid_programmes.id", "aid_publicities.programme_id")
      .select([
        "aid_publicities.id",
        "aid_publicities.unit_id",
        "org_units.name as school_name",
        "aid_publicities.programme_id",
        "aid_programmes.name as programme_name",
        "aid_programmes.school_year",
        "aid_publicities.starts_on",
        "aid_publicities.ends_on",
        "aid_publicities.working_days",
        "aid_publicities.created_at",
      ])
      .where(inScope("org_units.path", scope));
    if (id !== undefined) {
      q = q.where("aid_publicities.id", "=", id);
    }
    return q.orderBy("aid_publicities.created_at", "desc").limit(200).execute();
  },

  async insertObjection(
    db: Db,
    row: { publicityId: string; unitId: string; text: string; by: string | null },
  ) {
    const r = await db
      .insertInto("aid_objections")
      .values({
        publicity_id: row.publicityId,
        unit_id: row.unitId,
        record: encryptField(db, row.text),
        logged_by: row.by,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Answers an objection of a 公示; false when the objection is not that 公示's. */
  async answerObjection(db: Db, publicityId: string, id: string, answer: string, by: string | null) {
    const r = await db
      .updateTable("aid_objections")
      .set({ answer: encryptField(db, answer), answered_by: by, answered_at: sql<Date>`now()` })
      .where("id", "=", id)
      .where("publicity_id", "=", publicityId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  /** The objections of a 公示, opened (the 公示's own readers see what was raised and answered). */
  async objections(db: Db, publicityId: string) {
    const rows = await db
      .selectFrom("aid_objections")
      .select(["id", "record", "answer", "logged_at", "answered_at"])
      .where("publicity_id", "=", publicityId)
      .orderBy("logged_at")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      text: decryptField(db, r.record),
      answer: r.answer === null ? null : decryptField(db, r.answer),
      loggedAt: r.logged_at,
      answeredAt: r.answered_at,
    }));
  },
};
