import type { Insertable, Updateable } from "kysely";
import type {
  TaskAdjustmentsTable,
  TaskAttachmentsTable,
  TaskEventsTable,
  TaskInstructionsTable,
  TaskReportsTable,
  TaskSignOffsTable,
  TasksTable,
} from "../schema.ts";

import type { Db } from "../db.ts";

/** A new task with its units (lead first), 序时进度 milestones and the plan targets it serves. */
export interface NewTask {
  task: Insertable<TasksTable> & { id: string };
  /** The lead unit, then the co-units, in their order. */
  unitIds: readonly string[];
  milestones: readonly { title: string; dueOn: string }[];
  planTargetIds: readonly string[];
}

/**
 * Writes the ledger. Each function is one statement (or one set of rows); the service runs them in
 * the transaction that also writes the audit row, so a change and its trace go in together.
 */
export const taskWriteRepo = {
  /** The task, its units, milestones and targets. */
  async insertTask(db: Db, t: NewTask): Promise<void> {
    const id = t.task.id;
    await db.insertInto("tasks").values(t.task).execute();
    await db
      .insertInto("task_units")
      .values(
        t.unitIds.map((u, position) => ({
          task_id: id,
          org_unit_id: u,
          role: position === 0 ? "lead" : "co",
          position,
        })),
      )
      .execute();
    if (t.milestones.length > 0) {
      await db
        .insertInto("task_milestones")
        .values(
          t.milestones.map((m, position) => ({ task_id: id, title: m.title, due_on: m.dueOn, position })),
        )
        .execute();
    }
    if (t.planTargetIds.length > 0) {
      await db
        .insertInto("task_targets")
        .values(t.planTargetIds.map((target) => ({ task_id: id, plan_target_id: target })))
        .execute();
    }
  },

  async updateTask(db: Db, taskId: string, patch: Updateable<TasksTable>): Promise<void> {
    await db.updateTable("tasks").set(patch).where("id", "=", taskId).execute();
  },

  /** 签收: the unit's acceptance of the task. */
  async markAccepted(db: Db, taskId: string, unitId: string, at: Date): Promise<void> {
    await db
      .updateTable("task_units")
      .set({ accepted_at: at })
      .where("task_id", "=", taskId)
      .where("org_unit_id", "=", unitId)
      .execute();
  },

  async insertAdjustment(db: Db, row: Insertable<TaskAdjustmentsTable>): Promise<void> {
    await db.insertInto("task_adjustments").values(row).execute();
  },

  /** Decides the task's pending 申请调整 (there is at most one). */
  async decideAdjustment(
    db: Db,
    taskId: string,
    decision: Pick<
      Updateable<TaskAdjustmentsTable>,
      "decision" | "decided_by" | "decided_at" | "decision_comment"
    >,
  ): Promise<void> {
    await db
      .updateTable("task_adjustments")
      .set(decision)
      .where("task_id", "=", taskId)
      .where("decision", "is", null)
      .execute();
  },

  /** One line of the task's timeline. */
  async insertEvent(db: Db, row: Insertable<TaskEventsTable>): Promise<void> {
    await db.insertInto("task_events").values(row).execute();
  },

  async insertReport(db: Db, row: Insertable<TaskReportsTable>): Promise<void> {
    await db.insertInto("task_reports").values(row).execute();
  },

  async insertAttachment(db: Db, row: Insertable<TaskAttachmentsTable>): Promise<void> {
    await db.insertInto("task_attachments").values(row).execute();
  },

  async insertInstruction(db: Db, row: Insertable<TaskInstructionsTable>): Promise<void> {
    await db.insertInto("task_instructions").values(row).execute();
  },

  /**
   * 序时进度完成: marks one milestone of the task reached, unless it already is. Returns whether a row
   * changed (false: no such milestone on the task, or reached meanwhile).
   */
  async markMilestoneReached(
    db: Db,
    taskId: string,
    milestoneId: string,
    reached: { on: string; note: string | null; by: string | null },
  ): Promise<boolean> {
    const result = await db
      .updateTable("task_milestones")
      .set({ reached_on: reached.on, reached_note: reached.note, reached_by: reached.by })
      .where("id", "=", milestoneId)
      .where("task_id", "=", taskId)
      .where("reached_on", "is", null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  },

  /** 会签: a co-unit's verdict on a 办结报告; signing again replaces its verdict. */
  async upsertSignOff(db: Db, row: Insertable<TaskSignOffsTable>): Promise<void> {
    await db
      .insertInto("task_sign_offs")
      .values(row)
      .onConflict((oc) =>
        oc.columns(["report_id", "org_unit_id"]).doUpdateSet((eb) => ({
          verdict: eb.ref("excluded.verdict"),
          note: eb.ref("excluded.note"),
          signed_by: eb.ref("excluded.signed_by"),
          signed_at: eb.ref("excluded.signed_at"),
        })),
      )
      .execute();
  },

  /**
   * 改派: replaces the task's units (lead first, then the co-units in order); `acceptedAt` keeps the
   * 签收 time of units that stay.
   */
  async replaceUnits(
    db: Db,
    taskId: string,
    unitIds: readonly string[],
    acceptedAt: ReadonlyMap<string, Date | null>,
  ): Promise<void> {
    await db.deleteFrom("task_units").where("task_id", "=", taskId).execute();
    await db
      .insertInto("task_units")
      .values(
        unitIds.map((u, position) => ({
          task_id: taskId,
          org_unit_id: u,
          role: position === 0 ? "lead" : "co",
          position,
          accepted_at: acceptedAt.get(u) ?? null,
        })),
      )
      .execute();
  },
};
