/**
 * 督导 visits, their findings, photos and 整改通知书 (inspection_visits, inspection_findings,
 * inspection_photos, inspection_notices). Every read is limited to a scope through the visited school's
 * org unit, as scope.ts writes the rule; a finding's 整改 lives in the ledger (tasks) and is joined here.
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";

/** A visit as listed. */
export interface VisitRow {
  id: string;
  schoolId: string;
  schoolName: string;
  inspectorId: string;
  inspectorName: string;
  checklistId: string;
  checklistTitle: string;
  checklistVersion: number;
  visitedOn: string;
  answers: unknown;
  summary: string;
  noticeId: string | null;
  findingCount: number;
}

/** A finding with its ledger task's state. */
export interface FindingRow {
  id: string;
  visitId: string;
  schoolId: string;
  itemId: string | null;
  area: string;
  text: string;
  severity: "minor" | "major" | "serious";
  repeatOf: string | null;
  taskId: string | null;
  taskState: string | null;
  taskDeadline: string | null;
  recheck: "passed" | "failed" | null;
  recheckNote: string | null;
}

/** A visit to write with its findings. */
export interface VisitWrite {
  schoolId: string;
  inspectorId: string;
  checklistId: string;
  visitedOn: string;
  answers: unknown;
  summary: string;
  clientKey: string;
  findings: readonly {
    itemId: string | null;
    area: string;
    text: string;
    severity: "minor" | "major" | "serious";
  }[];
}

const dateText = (d: unknown): string => (typeof d === "string" ? d : (d as Date).toISOString().slice(0, 10));

export const inspectionVisitRepo = {
  /** The visit a 督学's draft became, if it was sent before. */
  async findByClientKey(
    db: Db,
    inspectorId: string,
    clientKey: string,
  ): Promise<{ id: string; schoolId: string; checklistId: string } | undefined> {
    const row = await db
      .selectFrom("inspection_visits")
      .select(["id", "school_unit_id", "checklist_id"])
      .where("inspector_user_id", "=", inspectorId)
      .where("client_key", "=", clientKey)
      .executeTakeFirst();
    return row === undefined
      ? undefined
      : { id: row.id, schoolId: row.school_unit_id, checklistId: row.checklist_id };
  },

  /**
   * Writes a visit and its findings; each finding on a checklist item (or, without one, with the same
   * area and text) that an earlier finding of the school already named is marked as repeating it.
   * Returns the visit's id and the findings' ids in order. Run inside the caller's transaction.
   */
  async insert(db: Db, w: VisitWrite): Promise<{ id: string; findingIds: string[] }> {
    const { id } = await db
      .insertInto("inspection_visits")
      .values({
        school_unit_id: w.schoolId,
        inspector_user_id: w.inspectorId,
        checklist_id: w.checklistId,
        visited_on: w.visitedOn,
        answers: JSON.stringify(w.answers),
        summary: w.summary,
        client_key: w.clientKey,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const findingIds: string[] = [];
    for (const f of w.findings) {
      const earlier = await db
        .selectFrom("inspection_findings as f")
        .leftJoin("inspection_checklist_items as i", "i.id", "f.item_id")
        .leftJoin("inspection_checklist_items as mine", (j) =>
          j.on("mine.id", "=", f.itemId ?? "00000000-0000-0000-0000-000000000000"),
        )
        .select("f.id")
        .where("f.school_unit_id", "=", w.schoolId)
        .where("f.visit_id", "!=", id)
        .where((eb) =>
          f.itemId === null
            ? eb.and([eb("f.area", "=", f.area), eb("f.text", "=", f.text)])
            : // the same item, or the same item code in another version of the checklist
              eb.or([eb("f.item_id", "=", f.itemId), eb("i.code", "=", eb.ref("mine.code"))]),
        )
        .orderBy("f.created_at", "desc")
        .limit(1)
        .executeTakeFirst();
      const row = await db
        .insertInto("inspection_findings")
        .values({
          visit_id: id,
          school_unit_id: w.schoolId,
          item_id: f.itemId,
          area: f.area,
          text: f.text,
          severity: f.severity,
          repeat_of: earlier?.id ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      findingIds.push(row.id);
    }
    return { id, findingIds };
  },

  /** Adds a photo of a visit (the bytes are in the upload store under `sha256`). */
  async insertPhoto(
    db: Db,
    p: {
      visitId: string;
      schoolId: string;
      itemId: string | null;
      findingId: string | null;
      fileName: string;
      mediaType: string;
      sizeBytes: number;
      sha256: string;
      uploadedBy: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto("inspection_photos")
      .values({
        visit_id: p.visitId,
        school_unit_id: p.schoolId,
        item_id: p.itemId,
        finding_id: p.findingId,
        file_name: p.fileName,
        media_type: p.mediaType,
        size_bytes: p.sizeBytes,
        sha256: p.sha256,
        uploaded_by: p.uploadedBy,
      })
      .execute();
  },

  /** Visits within the scope (optionally one), newest first. */
  async list(db: Db, scope: Scope, visitId?: string): Promise<VisitRow[]> {
    let q = db
      .selectFrom("inspection_visits as v")
      .innerJoin("org_units as s", "s.id", "v.school_unit_id")
      .innerJoin("users as usr", "usr.id", "v.inspector_user_id")
      .innerJoin("inspection_checklists as c", "c.id", "v.checklist_id")
      .select([
        "v.id",
        "v.school_unit_id",
        "s.name as school_name",
        "v.inspector_user_id",
        "usr.display_name",
        "v.checklist_id",
        "c.title",
        "c.version",
        "v.visited_on",
        "v.answers",
        "v.summary",
        "v.notice_id",
        (eb) =>
          eb
            .selectFrom("inspection_findings as f")
            .select(eb.fn.countAll<string | number>().as("n"))
            .whereRef("f.visit_id", "=", "v.id")
            .as("finding_count"),
      ])
      .where(inScope("s.path", scope));
    if (visitId !== undefined) {
      q = q.where("v.id", "=", visitId);
    }
    const rows = await q.orderBy("v.visited_on", "desc").orderBy("v.created_at", "desc").limit(500).execute();
    return rows.map((r) => ({
      id: r.id,
      schoolId: r.school_unit_id,
      schoolName: r.school_name,
      inspectorId: r.inspector_user_id,
      inspectorName: r.display_name,
      checklistId: r.checklist_id,
      checklistTitle: r.title,
      checklistVersion: r.version,
      visitedOn: dateText(r.visited_on),
      answers: r.answers,
      summary: r.summary,
      noticeId: r.notice_id,
      findingCount: Number(r.finding_count ?? 0),
    }));
  },

  /** The findings of a visit, or the one finding `findingId`, within the scope, with their tasks. */
  async findings(db: Db, scope: Scope, by: { visitId?: string; findingId?: string }): Promise<FindingRow[]> {
    let q = db
      .selectFrom("inspection_findings as f")
      .innerJoin("org_units as s", "s.id", "f.school_unit_id")
      .leftJoin("tasks as t", "t.id", "f.task_id")
      .select([
        "f.id",
        "f.visit_id",
        "f.school_unit_id",
        "f.item_id",
        "f.area",
        "f.text",
        "f.severity",
        "f.repeat_of",
        "f.task_id",
        "t.state as task_state",
        "t.deadline as task_deadline",
        "f.recheck",
        "f.recheck_note",
      ])
      .where(inScope("s.path", scope));
    if (by.visitId !== undefined) {
      q = q.where("f.visit_id", "=", by.visitId);
    }
    if (by.findingId !== undefined) {
      q = q.where("f.id", "=", by.findingId);
    }
    const rows = await q.orderBy("f.created_at").execute();
    return rows.map((r) => ({
      id: r.id,
      visitId: r.visit_id,
      schoolId: r.school_unit_id,
      itemId: r.item_id,
      area: r.area,
      text: r.text,
      severity: r.severity,
      repeatOf: r.repeat_of,
      taskId: r.task_id,
      taskState: r.task_state,
      taskDeadline: r.task_deadline === null ? null : dateText(r.task_deadline),
      recheck: r.recheck,
      recheckNote: r.recheck_note,
    }));
  },

  /** Photos of a visit (metadata), or one photo, within the scope. */
  async photos(db: Db, scope: Scope, by: { visitId?: string; photoId?: string }) {
    let q = db
      .selectFrom("inspection_photos as p")
      .innerJoin("org_units as s", "s.id", "p.school_unit_id")
      .select(["p.id", "p.visit_id", "p.item_id", "p.finding_id", "p.file_name", "p.media_type", "p.sha256"])
      .where(inScope("s.path", scope));
    if (by.visitId !== undefined) {
      q = q.where("p.visit_id", "=", by.visitId);
    }
    if (by.photoId !== undefined) {
      q = q.where("p.id", "=", by.photoId);
    }
    return q.orderBy("p.uploaded_at").execute();
  },

  /** Links the findings to their ledger tasks and the visit to its 整改通知书. */
  async attachNotice(
    db: Db,
    visitId: string,
    notice: {
      schoolId: string;
      docNumber: string;
      docx: Uint8Array;
      issuedBy: string | null;
      issuedOn: string;
    },
    tasks: readonly { findingId: string; taskId: string }[],
  ): Promise<string> {
    const { id } = await db
      .insertInto("inspection_notices")
      .values({
        school_unit_id: notice.schoolId,
        doc_number: notice.docNumber,
        docx: notice.docx,
        issued_by: notice.issuedBy,
        issued_on: notice.issuedOn,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.updateTable("inspection_visits").set({ notice_id: id }).where("id", "=", visitId).execute();
    for (const t of tasks) {
      await db
        .updateTable("inspection_findings")
        .set({ task_id: t.taskId })
        .where("id", "=", t.findingId)
        .execute();
    }
    return id;
  },

  /** How many 整改通知书 the schools below `areaPath` got in `year` (for the next 发文字号). */
  async noticeCount(db: Db, areaPath: string, year: number): Promise<number> {
    const row = await db
      .selectFrom("inspection_notices as n")
      .innerJoin("org_units as s", "s.id", "n.school_unit_id")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("s.path", "like", `${areaPath}%`)
      .where(sql<boolean>`extract(year from n.issued_on) = ${year}`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** An issued 整改通知书 within the scope. */
  async notice(db: Db, scope: Scope, id: string) {
    return db
      .selectFrom("inspection_notices as n")
      .innerJoin("org_units as s", "s.id", "n.school_unit_id")
      .select(["n.id", "n.doc_number", "n.docx", "s.name as school_name"])
      .where("n.id", "=", id)
      .where(inScope("s.path", scope))
      .executeTakeFirst();
  },

  /** Visits each of the 督学 made between two days (inclusive), by user id. */
  async countsByInspector(
    db: Db,
    userIds: readonly string[],
    range: { from: string; to: string },
  ): Promise<Map<string, number>> {
    if (userIds.length === 0) {
      return new Map();
    }
    const rows = await db
      .selectFrom("inspection_visits")
      .select(["inspector_user_id", (eb) => eb.fn.countAll<string | number>().as("n")])
      .where("inspector_user_id", "in", userIds)
      .where("visited_on", ">=", range.from)
      .where("visited_on", "<=", range.to)
      .groupBy("inspector_user_id")
      .execute();
    return new Map(rows.map((r) => [r.inspector_user_id, Number(r.n)]));
  },

  /** Records the 督学's 复查 of a finding. */
  async recheck(
    db: Db,
    findingId: string,
    r: { result: "passed" | "failed"; note: string; by: string | null; at: Date },
  ): Promise<void> {
    await db
      .updateTable("inspection_findings")
      .set({ recheck: r.result, recheck_note: r.note, rechecked_by: r.by, rechecked_at: r.at })
      .where("id", "=", findingId)
      .execute();
  },

  /**
   * Why a ledger task may not be closed yet for 督导 reasons: the task is a finding's 整改 and the
   * 督学's 复查 has not passed it. Null for any other task.
   */
  async closeGate(db: Db, taskId: string): Promise<string | null> {
    const row = await db
      .selectFrom("inspection_findings")
      .select(["recheck"])
      .where("task_id", "=", taskId)
      .executeTakeFirst();
    if (row === undefined || row.recheck === "passed") {
      return null;
    }
    return row.recheck === "failed"
      ? "责任督学复查未通过，不能销号：请学校继续整改后再提请复查"
      : "这是督导整改任务：须经责任督学复查通过后才能销号";
  },

  /** Clears a failed 复查 when the school asks again (a new 办结报告 needs a new 复查). */
  async resetRecheck(db: Db, taskId: string): Promise<void> {
    await db
      .updateTable("inspection_findings")
      .set({ recheck: null, recheck_note: null, rechecked_by: null, rechecked_at: null })
      .where("task_id", "=", taskId)
      .execute();
  },
};
