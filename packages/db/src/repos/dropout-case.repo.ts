/**
 * 一生一案 (dropout_cases, dropout_case_steps). A case's child (name, 身份证件号), cause note, plan and
 * 七长 are sealed in `personal`; what a step recorded (note, evidence) in `record`. Every read is limited
 * to a scope through the case's responsible unit (the pupil's school, or the area until a school is
 * named), as scope.ts writes the rule.
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { decryptField, encryptField } from "../field-crypto.ts";
import { inScope, type Scope } from "../scope.ts";

/** The sealed values of a case. */
export interface CasePersonal {
  name: string;
  idNumber: string | null;
  causeNote: string;
  plan: string;
  /** 七长: county, bureau, township, village, school, teacher, parent → a name (free text). */
  people: Record<string, string>;
}

/** A case to open. */
export interface CaseWrite {
  unitId: string;
  studentId: string | null;
  childId: string | null;
  idNumberIndex: string | null;
  cause: string;
  personal: CasePersonal;
  sex: "M" | "F" | null;
  level: string | null;
  grade: number | null;
  township: string;
  village: string;
  priorityGroups: string[];
  openedOn: string;
  closeAfterDays: number;
  createdBy: string | null;
}

/** A case as read: sealed values opened for the presenter to mask. */
export interface CaseReadRow {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  studentId: string | null;
  childId: string | null;
  cause: string;
  personal: CasePersonal;
  sex: "M" | "F" | null;
  level: string | null;
  grade: number | null;
  township: string;
  village: string;
  priorityGroups: string[];
  state: string;
  openedOn: string;
  returnedOn: string | null;
  returnedBy: string | null;
  closedOn: string | null;
  closeAfterDays: number;
  updatedAt: Date;
}

/** A step as read, its record opened. */
export interface StepReadRow {
  id: string;
  caseId: string;
  kind: string;
  assignedOn: string;
  deadline: string;
  doneOn: string | null;
  outcome: string | null;
  note: string;
  evidence: string;
  recordedBy: string | null;
}

/** Filters of a case list; the scope is applied first. */
export interface CaseFilter {
  state?: string;
  cause?: string;
  township?: string;
  unitId?: string;
}

const COLUMNS = [
  "d.id",
  "d.unit_id",
  "org_units.name as unit_name",
  "org_units.kind as unit_kind",
  "d.student_id",
  "d.child_id",
  "d.cause",
  "d.personal",
  "d.sex",
  "d.level",
  "d.grade",
  "d.township",
  "d.village",
  "d.priority_groups",
  "d.state",
  "d.opened_on",
  "d.returned_on",
  "d.returned_by",
  "d.closed_on",
  "d.close_after_days",
  "d.updated_at",
] as const;

function base(db: Db, scope: Scope) {
  return db
    .selectFrom("dropout_cases as d")
    .innerJoin("org_units", "org_units.id", "d.unit_id")
    .where(inScope("org_units.path", scope));
}

type Raw = Awaited<ReturnType<ReturnType<typeof selectCases>["execute"]>>[number];
const selectCases = (db: Db, scope: Scope) => base(db, scope).select(COLUMNS);

function toRead(db: Db, r: Raw): CaseReadRow {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    studentId: r.student_id,
    childId: r.child_id,
    cause: r.cause,
    personal: JSON.parse(decryptField(db, r.personal)) as CasePersonal,
    sex: r.sex,
    level: r.level,
    grade: r.grade,
    township: r.township,
    village: r.village,
    priorityGroups: r.priority_groups,
    state: r.state,
    openedOn: r.opened_on,
    returnedOn: r.returned_on,
    returnedBy: r.returned_by,
    closedOn: r.closed_on,
    closeAfterDays: r.close_after_days,
    updatedAt: r.updated_at,
  };
}

export const dropoutCaseRepo = {
  /** Opens a case; returns its id. */
  async insertCase(db: Db, c: CaseWrite): Promise<string> {
    const r = await db
      .insertInto("dropout_cases")
      .values({
        unit_id: c.unitId,
        student_id: c.studentId,
        child_id: c.childId,
        id_number_index: c.idNumberIndex,
        cause: c.cause,
        personal: encryptField(db, JSON.stringify(c.personal)),
        sex: c.sex,
        level: c.level,
        grade: c.grade,
        township: c.township,
        village: c.village,
        priority_groups: c.priorityGroups,
        state: "open",
        opened_on: c.openedOn,
        close_after_days: c.closeAfterDays,
        created_by: c.createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** The open (not closed) case of a child by blind index or pupil id, if any. */
  async openCaseOf(db: Db, by: { idNumberIndex: string | null; studentId: string | null }) {
    if (by.idNumberIndex === null && by.studentId === null) {
      return undefined;
    }
    return db
      .selectFrom("dropout_cases")
      .select(["id"])
      .where("state", "<>", "closed")
      .where((eb) =>
        eb.or([
          ...(by.idNumberIndex === null ? [] : [eb("id_number_index", "=", by.idNumberIndex)]),
          ...(by.studentId === null ? [] : [eb("student_id", "=", by.studentId)]),
        ]),
      )
      .executeTakeFirst();
  },

  /** The cases not yet 销号 of these pupils within `scope` (at most one each), for lists that show them. */
  async openCasesOfStudents(
    db: Db,
    scope: Scope,
    studentIds: readonly string[],
  ): Promise<{ id: string; studentId: string; state: string }[]> {
    if (studentIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom("dropout_cases as d")
      .innerJoin("org_units as u", "u.id", "d.unit_id")
      .select(["d.id", "d.student_id", "d.state"])
      .where("d.state", "<>", "closed")
      .where("d.student_id", "in", [...studentIds])
      .where(inScope("u.path", scope))
      .execute();
    return rows.flatMap((r) =>
      r.student_id === null ? [] : [{ id: r.id, studentId: r.student_id, state: r.state }],
    );
  },

  /** One page of cases within `scope`, oldest open first; and the total. */
  async list(
    db: Db,
    scope: Scope,
    filter: CaseFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: CaseReadRow[]; total: number }> {
    let q = base(db, scope);
    if (filter.state !== undefined) {
      q = q.where("d.state", "=", filter.state);
    }
    if (filter.cause !== undefined) {
      q = q.where("d.cause", "=", filter.cause);
    }
    if (filter.township !== undefined) {
      q = q.where("d.township", "=", filter.township);
    }
    if (filter.unitId !== undefined) {
      q = q.where("d.unit_id", "=", filter.unitId);
    }
    const total = await q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    const rows = await q
      .select(COLUMNS)
      .orderBy(sql`CASE d.state WHEN 'open' THEN 0 WHEN 'returned' THEN 1 ELSE 2 END`)
      .orderBy("d.opened_on")
      .orderBy("d.id")
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows: rows.map((r) => toRead(db, r)), total: Number(total.n) };
  },

  /** One case within `scope`; undefined outside it. */
  async findInScope(db: Db, scope: Scope, id: string): Promise<CaseReadRow | undefined> {
    const r = await selectCases(db, scope).where("d.id", "=", id).executeTakeFirst();
    return r === undefined ? undefined : toRead(db, r);
  },

  /** The sealed values of one case within `scope` (for an audited reveal). */
  async sealedInScope(db: Db, scope: Scope, id: string): Promise<string | undefined> {
    const r = await base(db, scope).select("d.personal").where("d.id", "=", id).executeTakeFirst();
    return r?.personal;
  },

  /** Rewrites a case's sealed values and responsible unit. */
  async updateCase(db: Db, id: string, personal: CasePersonal, unitId: string): Promise<void> {
    await db
      .updateTable("dropout_cases")
      .set({
        personal: encryptField(db, JSON.stringify(personal)),
        unit_id: unitId,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .execute();
  },

  /** Sets a case's state (复学: day and who; 销号: day and who). */
  async setState(
    db: Db,
    id: string,
    state: string,
    at: { returnedOn?: string; returnedBy?: string | null; closedOn?: string; closedBy?: string | null },
  ): Promise<void> {
    await db
      .updateTable("dropout_cases")
      .set({
        state,
        ...(at.returnedOn === undefined
          ? {}
          : { returned_on: at.returnedOn, returned_by: at.returnedBy ?? null }),
        ...(at.closedOn === undefined ? {} : { closed_on: at.closedOn, closed_by: at.closedBy ?? null }),
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", id)
      .execute();
  },

  async insertStep(
    db: Db,
    s: { caseId: string; kind: string; assignedOn: string; deadline: string },
  ): Promise<string> {
    const r = await db
      .insertInto("dropout_case_steps")
      .values({ case_id: s.caseId, kind: s.kind, assigned_on: s.assignedOn, deadline: s.deadline })
      .returning("id")
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Records what a step did: its day, outcome, note and evidence (sealed), and who. */
  async recordStep(
    db: Db,
    id: string,
    r: { doneOn: string; outcome: string | null; note: string; evidence: string; recordedBy: string | null },
  ): Promise<void> {
    await db
      .updateTable("dropout_case_steps")
      .set({
        done_on: r.doneOn,
        outcome: r.outcome,
        record: encryptField(db, JSON.stringify({ note: r.note, evidence: r.evidence })),
        recorded_by: r.recordedBy,
      })
      .where("id", "=", id)
      .execute();
  },

  /** The steps of these cases, oldest first. */
  async stepsOf(db: Db, caseIds: readonly string[]): Promise<StepReadRow[]> {
    if (caseIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom("dropout_case_steps")
      .selectAll()
      .where("case_id", "in", caseIds)
      .orderBy("assigned_on")
      .orderBy("created_at")
      .execute();
    return rows.map((r) => {
      const rec =
        r.record === null
          ? { note: "", evidence: "" }
          : (JSON.parse(decryptField(db, r.record)) as { note: string; evidence: string });
      return {
        id: r.id,
        caseId: r.case_id,
        kind: r.kind,
        assignedOn: r.assigned_on,
        deadline: r.deadline,
        doneOn: r.done_on,
        outcome: r.outcome,
        note: rec.note,
        evidence: rec.evidence,
        recordedBy: r.recorded_by,
      };
    });
  },

  /** Cases within `scope` by state, cause and township (动态监测). */
  async countCases(db: Db, scope: Scope) {
    const rows = await base(db, scope)
      .select((eb) => ["d.state", "d.township", "d.cause", eb.fn.countAll<string>().as("n")])
      .groupBy(["d.state", "d.township", "d.cause"])
      .execute();
    return rows.map((r) => ({ state: r.state, township: r.township, cause: r.cause, n: Number(r.n) }));
  },

  /** Steps done within `scope` in a month, by kind and outcome (the monthly report). */
  async stepsDoneIn(db: Db, scope: Scope, from: string, to: string) {
    const rows = await db
      .selectFrom("dropout_case_steps as s")
      .innerJoin("dropout_cases as d", "d.id", "s.case_id")
      .innerJoin("org_units", "org_units.id", "d.unit_id")
      .where(inScope("org_units.path", scope))
      .where("s.done_on", ">=", from)
      .where("s.done_on", "<=", to)
      .select((eb) => ["s.kind", "s.outcome", eb.fn.countAll<string>().as("n")])
      .groupBy(["s.kind", "s.outcome"])
      .execute();
    return rows.map((r) => ({ kind: r.kind, outcome: r.outcome, n: Number(r.n) }));
  },

  /** Pupils in school and 辍学 per school and grade within `scope` (the registry's statuses). */
  async dropoutBySchoolGrade(db: Db, scope: Scope) {
    const rows = await db
      .selectFrom("students")
      .innerJoin("org_units", "org_units.id", "students.unit_id")
      .where(inScope("org_units.path", scope))
      .select((eb) => [
        "org_units.id",
        "org_units.code",
        "org_units.name",
        "students.level",
        "students.grade",
        sql<string>`count(*) FILTER (WHERE students.status = 'dropout')`.as("dropouts"),
        sql<string>`count(*) FILTER (WHERE students.status IN ('enrolled', 'suspended'))`.as("in_school"),
        eb.fn.countAll<string>().as("n"),
      ])
      .where("students.level", "in", ["primary", "junior", "special"])
      .groupBy(["org_units.id", "org_units.code", "org_units.name", "students.level", "students.grade"])
      .orderBy("org_units.code")
      .orderBy("students.level")
      .orderBy("students.grade")
      .execute();
    return rows.map((r) => ({
      unitId: r.id,
      schoolCode: r.code,
      schoolName: r.name,
      level: r.level,
      grade: r.grade,
      dropouts: Number(r.dropouts),
      inSchool: Number(r.in_school),
    }));
  },
};
