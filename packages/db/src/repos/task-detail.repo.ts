import { sql } from "kysely";
import type {
  TaskAttachmentRow,
  TaskEventRow,
  TaskInstructionRow,
  TaskReportRow,
  TaskSignOffRow,
} from "../schema.ts";

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

  /**
   * 会签 state: the lead unit's newest 办结报告 (consolidated, 100%) and the co-units' verdicts on it,
   * with unit names. `reportId` is null while there is none.
   */
  async coSignState(
    db: Db,
    taskId: string,
  ): Promise<{
    reportId: string | null;
    signOffs: (TaskSignOffRow & { unit_name: string; signer_name: string | null })[];
  }> {
    const report = await db
      .selectFrom("task_reports")
      .innerJoin("task_units", (j) =>
        j
          .onRef("task_units.task_id", "=", "task_reports.task_id")
          .onRef("task_units.org_unit_id", "=", "task_reports.org_unit_id"),
      )
      .select("task_reports.id")
      .where("task_reports.task_id", "=", taskId)
      .where("task_units.role", "=", "lead")
      .where("task_reports.is_consolidated", "=", true)
      .where("task_reports.progress", "=", 100)
      .orderBy("task_reports.submitted_at", "desc")
      .orderBy("task_reports.id", "desc")
      .executeTakeFirst();
    if (report === undefined) {
      return { reportId: null, signOffs: [] };
    }
    const signOffs = await db
      .selectFrom("task_sign_offs")
      .innerJoin("org_units", "org_units.id", "task_sign_offs.org_unit_id")
      .leftJoin("users", "users.id", "task_sign_offs.signed_by")
      .selectAll("task_sign_offs")
      .select(["org_units.name as unit_name", "users.display_name as signer_name"])
      .where("task_sign_offs.report_id", "=", report.id)
      .execute();
    return { reportId: report.id, signOffs };
  },

  /**
   * 待会签: tasks 办理中 where `unitId` is a co-unit and the lead unit's newest 办结报告 has no verdict
   * of that unit yet (工作台).
   */
  async awaitingSignOff(
    db: Db,
    unitId: string,
  ): Promise<{ task_id: string; title: string; submitted_at: Date }[]> {
    const result = await sql<{ task_id: string; title: string; submitted_at: Date }>`
      SELECT t.id AS task_id, t.title, fr.submitted_at
      FROM task_units co
      JOIN tasks t ON t.id = co.task_id AND t.state = 'inProgress'
      JOIN LATERAL (
        SELECT r.id, r.submitted_at FROM task_reports r
        JOIN task_units l ON l.task_id = r.task_id AND l.org_unit_id = r.org_unit_id AND l.role = 'lead'
        WHERE r.task_id = t.id AND r.is_consolidated AND r.progress = 100
        ORDER BY r.submitted_at DESC, r.id DESC LIMIT 1) fr ON true
      WHERE co.org_unit_id = ${unitId} AND co.role = 'co'
        AND NOT EXISTS (SELECT 1 FROM task_sign_offs s WHERE s.report_id = fr.id AND s.org_unit_id = ${unitId})
      ORDER BY fr.submitted_at`.execute(db);
    return result.rows.map((r) => ({ ...r, submitted_at: new Date(r.submitted_at) }));
  },

  /** The listed nodes of one plan, with their clause paths (batch 立项); nodes of other plans are left out. */
  async nodesOfPlan(
    db: Db,
    planId: string,
    nodeIds: readonly string[],
  ): Promise<{ id: string; path: string }[]> {
    if (nodeIds.length === 0) {
      return [];
    }
    return db
      .selectFrom("plan_nodes")
      .select(["id", "path"])
      .where("plan_id", "=", planId)
      .where("id", "=", sql<string>`ANY(${[...nodeIds]}::uuid[])`)
      .execute();
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
