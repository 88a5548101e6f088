import type { TaskAttachmentRow, TaskEventRow, TaskInstructionRow, TaskReportRow } from "../schema.ts";

import type { Db } from "../db.ts";

/**
 * Reads one task's page: its reports, evidence, timeline, 批示 and the clause it carries out. The
 * caller has already checked that the task lies in the actor's scope (`taskRepo.loadBundle`).
 */
export const taskDetailRepo = {
  async exists(db: Db, taskId: string): Promise<boolean> {
    const row = await db.selectFrom("tasks").select("id").where("id", "=", taskId).executeTakeFirst();
    return row !== undefined;
  },

  /** The task's reports with their units' names, newest first. */
  async reportsOf(db: Db, taskId: string): Promise<(TaskReportRow & { unit_name: string })[]> {
    return db
      .selectFrom("task_reports")
      .innerJoin("org_units", "org_units.id", "task_reports.org_unit_id")
      .selectAll("task_reports")
      .select("org_units.name as unit_name")
      .where("task_id", "=", taskId)
      .orderBy("submitted_at", "desc")
      .execute();
  },

  async attachmentsOf(db: Db, taskId: string): Promise<TaskAttachmentRow[]> {
    return db.selectFrom("task_attachments").selectAll().where("task_id", "=", taskId).execute();
  },

  async findAttachment(db: Db, attachmentId: string): Promise<TaskAttachmentRow | undefined> {
    return db.selectFrom("task_attachments").selectAll().where("id", "=", attachmentId).executeTakeFirst();
  },

  /** The timeline in order, with each actor's login and name. */
  async eventsOf(
    db: Db,
    taskId: string,
  ): Promise<(TaskEventRow & { login: string | null; display_name: string | null })[]> {
    return db
      .selectFrom("task_events")
      .leftJoin("users", "users.id", "task_events.actor_id")
      .selectAll("task_events")
      .select(["users.login", "users.display_name"])
      .where("task_id", "=", taskId)
      .orderBy("task_events.id")
      .execute();
  },

  /** 批示 and answers in time order, with each author's name. */
  async instructionsOf(
    db: Db,
    taskId: string,
  ): Promise<(TaskInstructionRow & { display_name: string | null })[]> {
    return db
      .selectFrom("task_instructions")
      .leftJoin("users", "users.id", "task_instructions.author_id")
      .selectAll("task_instructions")
      .select("users.display_name")
      .where("task_id", "=", taskId)
      .orderBy("at")
      .execute();
  },

  /** The text of the plan clause a task carries out (its 督办依据). */
  async clauseText(db: Db, planNodeId: string): Promise<string | undefined> {
    const node = await db
      .selectFrom("plan_nodes")
      .innerJoin("plans", "plans.id", "plan_nodes.plan_id")
      .select(["plan_nodes.span_start", "plan_nodes.span_end", "plans.source_text"])
      .where("plan_nodes.id", "=", planNodeId)
      .executeTakeFirst();
    return node?.source_text.slice(node.span_start, node.span_end);
  },

  /** The plan a plan node belongs to (a new task's 督办依据). */
  async planIdOfNode(db: Db, planNodeId: string): Promise<string | undefined> {
    const node = await db
      .selectFrom("plan_nodes")
      .select("plan_id")
      .where("id", "=", planNodeId)
      .executeTakeFirst();
    return node?.plan_id;
  },
};
