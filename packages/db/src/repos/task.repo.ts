import { sql, type Expression, type RawBuilder } from "kysely";
import type { ReportingFrequency, TaskState } from "@luoshi/domain/ledger";
import { inScope, type Scope } from "../scope.ts";
import type {
  NotificationRow,
  TaskAdjustmentRow,
  TaskMilestoneRow,
  TaskReportRow,
  TaskRow,
  TaskUnitRow,
} from "../schema.ts";

import type { Db } from "../db.ts";

/** A task row with what lists need beside it. */
export type TaskListRow = TaskRow & { plan_title: string | null; clause_path: string | null };

/** Everything the ledger rules need about a set of tasks, loaded set-based (a few queries, not one per task). */
export interface TaskBundle {
  tasks: TaskListRow[];
  units: (TaskUnitRow & { name: string })[];
  milestones: TaskMilestoneRow[];
  adjustments: TaskAdjustmentRow[];
  evidence: Map<string, number>;
  finalReports: Set<string>;
}

/**
 * Which tasks a scope reaches. A bureau's scope reaches the tasks its jurisdiction owns (`owned`); a
 * unit's or a school's reaches the tasks that name a unit within it as lead or co-unit (`named`), for
 * tasks belong to the county that assigned them, not to the units that carry them out.
 */
export type TaskReach = "owned" | "named";

/**
 * Which tasks to load: always those the scope reaches, optionally narrowed to one unit's tasks, one
 * plan's, one task or a list of tasks. Every filter narrows the scope's tasks; none replaces the scope.
 */
export interface TaskScope {
  scope: Scope;
  reach: TaskReach;
  /** Only tasks that name this unit as lead or co-unit. */
  unitId?: string;
  planId?: string;
  taskId?: string;
  /** Only these tasks. */
  taskIds?: readonly string[];
}

/** What `lightOf` reads of each task of a scope, with its lead unit's recent reports. */
export interface TaskLightData {
  tasks: {
    id: string;
    title: string;
    state: TaskState;
    deadline: string;
    assigned_on: string | null;
    frequency: ReportingFrequency;
    accept_within_days: number;
    lead_unit: string | null;
  }[];
  milestones: { task_id: string; title: string; due_on: string; reached_on: string | null }[];
  reports: { task_id: string; org_unit_id: string; period: string; submitted_at: Date; progress: number }[];
}

const allTasks = (db: Db) => db.selectFrom("tasks");

/**
 * The tasks table, or — when the caller names the tasks (a 台账 page) — only those rows, read by primary
 * key in a subquery the planner keeps apart (OFFSET 0). Without it the planner, which on the embedded
 * database has no statistics (PGlite runs no autovacuum, so nothing ever ANALYZEs), guessed one unit in
 * scope and walked every task of every unit to find a page's 20: 5,000 rows read for 20 kept.
 */
function tasksFrom(db: Db, ids: readonly string[] | undefined): ReturnType<typeof allTasks> {
  if (ids === undefined) {
    return allTasks(db);
  }
  const named = db
    .selectFrom("tasks")
    .selectAll()
    .where("tasks.id", "=", sql<string>`ANY(${[...ids]}::uuid[])`)
    .offset(0)
    .as("tasks");
  // the same columns under the same name: only the FROM item differs
  return db.selectFrom(named);
}

/** The tasks of a task scope: the scope rule first, then each filter ANDed to it. */
function scoped(db: Db, s: TaskScope) {
  let q =
    s.reach === "owned"
      ? tasksFrom(db, s.taskIds)
          .innerJoin("org_units as owner", "owner.id", "tasks.org_unit_id")
          .where(inScope("owner.path", s.scope))
      : tasksFrom(db, s.taskIds).where((eb) =>
          eb.exists(
            eb
              .selectFrom("task_units as named")
              .innerJoin("org_units as named_unit", "named_unit.id", "named.org_unit_id")
              .whereRef("named.task_id", "=", "tasks.id")
              .where(inScope("named_unit.path", s.scope))
              .select("named.task_id"),
          ),
        );
  if (s.unitId !== undefined) {
    const unitId = s.unitId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("task_units")
          .whereRef("task_units.task_id", "=", "tasks.id")
          .where("task_units.org_unit_id", "=", unitId)
          .select("task_units.task_id"),
      ),
    );
  }
  if (s.planId !== undefined) {
    q = q.where("tasks.plan_id", "=", s.planId);
  }
  if (s.taskId !== undefined) {
    q = q.where("tasks.id", "=", s.taskId);
  }
  return q;
}

/**
 * Rows of a subquery as one JSON text: PGlite decodes each result row and field slowly (some µs each),
 * so thousands of rows come back as a single value and are parsed here. `dates` names the timestamptz
 * columns, which JSON carries as ISO text.
 */
function jsonRows(query: Expression<unknown>): RawBuilder<string> {
  return sql<string>`(SELECT coalesce(json_agg(q), '[]')::text FROM ${query} AS q)`;
}

function parseRows<T>(text: string | null | undefined, dates: readonly string[] = []): T[] {
  const rows = JSON.parse(text ?? "[]") as Record<string, unknown>[];
  if (dates.length > 0) {
    for (const row of rows) {
      for (const key of dates) {
        const v = row[key];
        if (typeof v === "string") {
          row[key] = new Date(v);
        }
      }
    }
  }
  return rows as T[];
}

/** The scope's task ids, computed once per statement. */
const SCOPE_IDS = sql<string>`(SELECT id FROM scope_ids)`;

/** Reads and writes the ledger. */
export const taskRepo = {
  /** A unit's in-app notifications (催报 reminders), newest first. */
  async notificationsFor(db: Db, orgUnitId: string): Promise<NotificationRow[]> {
    return db
      .selectFrom("notifications")
      .selectAll()
      .where("org_unit_id", "=", orgUnitId)
      .orderBy("created_at", "desc")
      .execute();
  },

  async loadBundle(db: Db, s: TaskScope): Promise<TaskBundle> {
    const tasks = db
      .selectFrom("tasks")
      .leftJoin("plans", "plans.id", "tasks.plan_id")
      .leftJoin("plan_nodes", "plan_nodes.id", "tasks.plan_node_id")
      .selectAll("tasks")
      .select(["plans.title as plan_title", "plan_nodes.path as clause_path"])
      .where("tasks.id", "in", SCOPE_IDS);
    const units = db
      .selectFrom("task_units")
      .innerJoin("org_units", "org_units.id", "task_units.org_unit_id")
      .selectAll("task_units")
      .select("org_units.name")
      .where("task_units.task_id", "in", SCOPE_IDS)
      .orderBy("task_units.position");
    const milestones = db
      .selectFrom("task_milestones")
      .selectAll()
      .where("task_id", "in", SCOPE_IDS)
      .orderBy("position");
    const adjustments = db
      .selectFrom("task_adjustments")
      .selectAll()
      .where("task_id", "in", SCOPE_IDS)
      .where("decision", "is", null);
    const evidence = db
      .selectFrom("task_attachments")
      .select(["task_id", (eb) => eb.fn.countAll<string | number>().as("n")])
      .where("task_id", "in", SCOPE_IDS)
      .groupBy("task_id");
    const finals = db
      .selectFrom("task_reports")
      .select("task_id")
      .distinct()
      .where("task_id", "in", SCOPE_IDS)
      .where("is_consolidated", "=", true)
      .where("progress", "=", 100);
    const result = await sql<
      Record<"tasks" | "units" | "milestones" | "adjustments" | "evidence" | "finals", string>
    >`
      WITH scope_ids AS MATERIALIZED (${scoped(db, s).select("tasks.id")})
      SELECT ${jsonRows(tasks)} AS tasks, ${jsonRows(units)} AS units, ${jsonRows(milestones)} AS milestones,
             ${jsonRows(adjustments)} AS adjustments, ${jsonRows(evidence)} AS evidence,
             ${jsonRows(finals)} AS finals`.execute(db);
    const row = result.rows[0];
    return {
      tasks: parseRows<TaskListRow>(row?.tasks, ["closed_at", "created_at", "updated_at"]),
      units: parseRows<TaskBundle["units"][number]>(row?.units, ["accepted_at"]),
      milestones: parseRows<TaskMilestoneRow>(row?.milestones),
      adjustments: parseRows<TaskAdjustmentRow>(row?.adjustments, ["requested_at", "decided_at"]),
      evidence: new Map(
        parseRows<{ task_id: string; n: number | string }>(row?.evidence).map((e) => [
          e.task_id,
          Number(e.n),
        ]),
      ),
      finalReports: new Set(parseRows<{ task_id: string }>(row?.finals).map((f) => f.task_id)),
    };
  },

  /**
   * What the lights of a scope's tasks read, narrow: each task's light fields and lead unit, the
   * milestones, and the lead units' reports submitted from `since` on — one statement.
   */
  async lightData(db: Db, s: TaskScope, since: Date, today: string): Promise<TaskLightData> {
    const scope = scoped(db, s).select([
      "tasks.id",
      "tasks.title",
      "tasks.state",
      "tasks.deadline",
      "tasks.assigned_on",
      "tasks.frequency",
      "tasks.accept_within_days",
    ]);
    // a light reads reports only of tasks neither closed, suspended nor past their deadline
    const result = await sql<Record<"tasks" | "milestones" | "reports", string | null>>`
      WITH scope AS MATERIALIZED (${scope})
      SELECT
        (SELECT json_agg(q)::text FROM (
           SELECT s.*, u.org_unit_id AS lead_unit, u.position AS lead_position
           FROM scope s LEFT JOIN task_units u ON u.task_id = s.id AND u.role = 'lead') q) AS tasks,
        (SELECT json_agg(q)::text FROM (
           SELECT m.task_id, m.title, m.due_on, m.reached_on FROM task_milestones m
           WHERE m.task_id IN (SELECT id FROM scope) ORDER BY m.position) q) AS milestones,
        (SELECT json_agg(q)::text FROM (
           SELECT r.task_id, r.org_unit_id, r.period, r.submitted_at, r.progress
           FROM scope s JOIN task_reports r ON r.task_id = s.id AND r.submitted_at >= ${since}
           WHERE s.state NOT IN ('closed', 'suspended') AND s.deadline >= ${today}::date) q) AS reports`.execute(
      db,
    );
    const row = result.rows[0];
    // one row per task, with its first lead by position (as the ledger reads it)
    const tasks = new Map<string, TaskLightData["tasks"][number] & { lead_position: number | null }>();
    for (const t of parseRows<TaskLightData["tasks"][number] & { lead_position: number | null }>(
      row?.tasks,
    )) {
      const seen = tasks.get(t.id);
      if (
        seen === undefined ||
        (t.lead_position !== null && (seen.lead_position === null || t.lead_position < seen.lead_position))
      ) {
        tasks.set(t.id, t);
      }
    }
    return {
      tasks: [...tasks.values()].map((t) => ({
        id: t.id,
        title: t.title,
        state: t.state,
        deadline: t.deadline,
        assigned_on: t.assigned_on,
        frequency: t.frequency,
        accept_within_days: t.accept_within_days,
        lead_unit: t.lead_unit,
      })),
      milestones: parseRows(row?.milestones),
      reports: parseRows(row?.reports, ["submitted_at"]),
    };
  },

  /** Reports of the scope's tasks submitted from `since` on (lights and monthly views need no older ones). */
  async reportsSince(
    db: Db,
    s: TaskScope,
    since: Date,
  ): Promise<
    Pick<TaskReportRow, "task_id" | "org_unit_id" | "period" | "submitted_at" | "progress" | "text">[]
  > {
    // arrays rather than objects: a third less JSON to build and parse for a year of reports
    const result = await sql<{ reports: string | null }>`
      SELECT json_agg(json_build_array(r.task_id, r.org_unit_id, r.period, r.submitted_at, r.progress, r.text))::text
             AS reports
      FROM task_reports r
      WHERE r.submitted_at >= ${since} AND r.task_id IN ${scoped(db, s).select("tasks.id")}`.execute(db);
    const rows = JSON.parse(result.rows[0]?.reports ?? "[]") as [
      string,
      string,
      string,
      string,
      number,
      string,
    ][];
    return rows.map(([task_id, org_unit_id, period, submitted_at, progress, text]) => ({
      task_id,
      org_unit_id,
      period,
      submitted_at: new Date(submitted_at),
      progress,
      text,
    }));
  },

  /**
   * The scope's 领导批示 (not the answers to them), with each author's name. Read through the scope
   * rather than a list of ids, so an empty ledger is an empty answer.
   */
  async openingInstructions(
    db: Db,
    s: TaskScope,
  ): Promise<{ task_id: string; text: string; at: Date; display_name: string | null }[]> {
    return db
      .selectFrom("task_instructions")
      .leftJoin("users", "users.id", "task_instructions.author_id")
      .select([
        "task_instructions.task_id",
        "task_instructions.text",
        "task_instructions.at",
        "users.display_name",
      ])
      .where("task_instructions.task_id", "in", scoped(db, s).select("tasks.id"))
      .where("task_instructions.reply_to", "is", null)
      .execute();
  },
};
