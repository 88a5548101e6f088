/**
 * 学生资助 发放: batches per programme and term, their lines (one per approved application, or per failed
 * line of an earlier batch when re-issued) and the bank's result of each line; and the approved
 * applications of a year with what was paid, for 动态监测. Scoped through the batch's county or the
 * pupil's school.
 */
import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";

/** A batch with its totals. */
export interface AidBatchRow {
  id: string;
  programmeId: string;
  programmeName: string;
  unitId: string;
  term: number;
  reissueOf: string | null;
  state: string;
  createdAt: Date;
  returnedAt: Date | null;
  lines: number;
  amount: number;
  paid: number;
  paidAmount: number;
  failed: number;
}

/** One line of a batch, with the sealed values the bank file opens. */
export interface AidPaymentLine {
  id: string;
  line: number;
  applicationId: string;
  unitId: string;
  schoolName: string;
  amount: number;
  status: string;
  failure: string | null;
  reissued: boolean;
  sealedBank: string;
  sealedPupil: string;
  level: string;
  grade: number;
  className: string;
}

export const aidPaymentRepo = {
  /** Creates a batch with its lines (line numbers from 1 in the order given). */
  async insertBatch(
    db: Db,
    batch: { programmeId: string; unitId: string; term: number; reissueOf: string | null; by: string | null },
    lines: readonly { applicationId: string; unitId: string; amount: number }[],
  ): Promise<string> {
    const r = await db
      .insertInto("aid_batches")
      .values({
        programme_id: batch.programmeId,
        unit_id: batch.unitId,
        term: batch.term,
        reissue_of: batch.reissueOf,
        state: "open",
        created_by: batch.by,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < lines.length; i += 1000) {
      await db
        .insertInto("aid_payments")
        .values(
          lines.slice(i, i + 1000).map((l, j) => ({
            batch_id: r.id,
            application_id: l.applicationId,
            unit_id: l.unitId,
            line: i + j + 1,
            amount: l.amount,
            status: "pending",
          })),
        )
        .execute();
    }
    return r.id;
  },

  /** The applications of a programme already in a batch of `term` (a failed line is re-issued, not re-batched). */
  async coveredApplications(db: Db, programmeId: string, term: number): Promise<Set<string>> {
    const rows = await db
      .selectFrom("aid_payments")
      .innerJoin("aid_batches", "aid_batches.id", "aid_payments.batch_id")
      .select("aid_payments.application_id")
      .where("aid_batches.programme_id", "=", programmeId)
      .where("aid_batches.term", "=", term)
      .execute();
    return new Set(rows.map((r) => r.application_id));
  },

  /** The batches within `scope` (by the county that issued them), newest first, with totals. */
  async list(db: Db, scope: Scope, id?: string): Promise<AidBatchRow[]> {
    let q = db
      .selectFrom("aid_batches")
      .innerJoin("org_units", "org_units.id", "aid_batches.unit_id")
      .innerJoin("aid_programmes", "aid_programmes.id", "aid_batches.programme_id")
      .leftJoin("aid_payments", "aid_payments.batch_id", "aid_batches.id")
      .select((eb) => [
        "aid_batches.id",
        "aid_batches.programme_id",
        "aid_programmes.name as programme_name",
        "aid_batches.unit_id",
        "aid_batches.term",
        "aid_batches.reissue_of",
        "aid_batches.state",
        "aid_batches.created_at",
        "aid_batches.returned_at",
        eb.fn.count<string>("aid_payments.id").as("lines"),
        eb.fn.coalesce(eb.fn.sum<string>("aid_payments.amount"), eb.lit(0)).as("amount"),
        eb.fn.countAll<string>().filterWhere("aid_payments.status", "=", "paid").as("paid"),
        eb.fn
          .coalesce(
            eb.fn.sum<string>("aid_payments.amount").filterWhere("aid_payments.status", "=", "paid"),
            eb.lit(0),
          )
          .as("paid_amount"),
        eb.fn.countAll<string>().filterWhere("aid_payments.status", "=", "failed").as("failed"),
      ])
      .where(inScope("org_units.path", scope))
      .groupBy(["aid_batches.id", "aid_programmes.name"]);
    if (id !== undefined) {
      q = q.where("aid_batches.id", "=", id);
    }
    const rows = await q.orderBy("aid_batches.created_at", "desc").limit(200).execute();
    return rows.map((r) => ({
      id: r.id,
      programmeId: r.programme_id,
      programmeName: r.programme_name,
      unitId: r.unit_id,
      term: r.term,
      reissueOf: r.reissue_of,
      state: r.state,
      createdAt: r.created_at,
      returnedAt: r.returned_at,
      lines: Number(r.lines),
      amount: Number(r.amount),
      paid: Number(r.paid),
      paidAmount: Number(r.paid_amount),
      failed: Number(r.failed),
    }));
  },

  /** The lines of a batch, in line order, with the sealed bank and pupil values. */
  async lines(db: Db, batchId: string): Promise<AidPaymentLine[]> {
    const rows = await db
      .selectFrom("aid_payments")
      .innerJoin("aid_applications", "aid_applications.id", "aid_payments.application_id")
      .innerJoin("students", "students.id", "aid_applications.student_id")
      .innerJoin("org_units", "org_units.id", "aid_payments.unit_id")
      .select([
        "aid_payments.id",
        "aid_payments.line",
        "aid_payments.application_id",
        "aid_payments.unit_id",
        "org_units.name as school_name",
        "aid_payments.amount",
        "aid_payments.status",
        "aid_payments.failure",
        "aid_payments.reissued",
        "aid_applications.personal as sealed_bank",
        "students.personal as sealed_pupil",
        "students.level",
        "students.grade",
        "students.class_name",
      ])
      .where("aid_payments.batch_id", "=", batchId)
      .orderBy("aid_payments.line")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      line: r.line,
      applicationId: r.application_id,
      unitId: r.unit_id,
      schoolName: r.school_name,
      amount: r.amount,
      status: r.status,
      failure: r.failure,
      reissued: r.reissued,
      sealedBank: r.sealed_bank,
      sealedPupil: r.sealed_pupil,
      level: r.level,
      grade: r.grade,
      className: r.class_name,
    }));
  },

  /** Writes the bank's result of each line and closes the batch. */
  async applyReturn(
    db: Db,
    batchId: string,
    results: readonly { line: number; paid: boolean; failure: string | null }[],
    at: Date,
  ): Promise<void> {
    for (const r of results) {
      await db
        .updateTable("aid_payments")
        .set({ status: r.paid ? "paid" : "failed", failure: r.failure })
        .where("batch_id", "=", batchId)
        .where("line", "=", r.line)
        .execute();
    }
    await db
      .updateTable("aid_batches")
      .set({ state: "returned", returned_at: at })
      .where("id", "=", batchId)
      .execute();
  },

  /** Marks failed lines as re-issued (a new batch carries them). */
  async markReissued(db: Db, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) {
      await db.updateTable("aid_payments").set({ reissued: true }).where("id", "in", ids).execute();
    }
  },

  /** The total of lines not failed, per programme, for the budget reconciliation (within `scope`). */
  async committedByProgramme(db: Db, scope: Scope): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom("aid_payments")
      .innerJoin("aid_batches", "aid_batches.id", "aid_payments.batch_id")
      .innerJoin("org_units", "org_units.id", "aid_batches.unit_id")
      .select((eb) => ["aid_batches.programme_id", eb.fn.sum<string>("aid_payments.amount").as("amount")])
      .where("aid_payments.status", "<>", "failed")
      .where(inScope("org_units.path", scope))
      .groupBy("aid_batches.programme_id")
      .execute();
    return new Map(rows.map((r) => [r.programme_id, Number(r.amount)]));
  },

  /**
   * The approved applications of `year` whose pupil's school lies within `scope`, with their programme
   * and the lines not failed: the 动态监测 input.
   */
  async approvedForMonitor(db: Db, scope: Scope, year: number) {
    const apps = await db
      .selectFrom("aid_applications")
      .innerJoin("aid_programmes", "aid_programmes.id", "aid_applications.programme_id")
      .innerJoin("org_units", "org_units.id", "aid_applications.unit_id")
      .innerJoin("students", "students.id", "aid_applications.student_id")
      .select([
        "aid_applications.id",
        "aid_applications.id_number_index",
        "aid_applications.student_id",
        "aid_applications.unit_id",
        "aid_applications.programme_id",
        "aid_programmes.name as programme_name",
        "aid_programmes.kind",
        "aid_programmes.tiers",
        "aid_applications.tier",
        "students.status",
      ])
      .where("aid_programmes.school_year", "=", year)
      .where("aid_applications.state", "=", "approved")
      .where(inScope("org_units.path", scope))
      .execute();
    const ids = apps.map((a) => a.id);
    const pays =
      ids.length === 0
        ? []
        : await db
            .selectFrom("aid_payments")
            .innerJoin("aid_batches", "aid_batches.id", "aid_payments.batch_id")
            .select(["aid_payments.application_id", "aid_batches.term", "aid_payments.amount"])
            .where("aid_payments.application_id", "in", ids)
            .where("aid_payments.status", "<>", "failed")
            .execute();
    return { apps, pays };
  },
};
