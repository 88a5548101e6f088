import type { Kysely, Transaction } from "kysely";
import type {
  Database,
  TaskAdjustmentRow,
  TaskMilestoneRow,
  TaskReportRow,
  TaskRow,
  TaskUnitRow,
} from "../schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

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

/** Which tasks to load: a scope, optionally one unit's tasks, one plan's, or one task. */
export interface TaskScope {
  scopePath: string;
  unitId?: string;
  planId?: string;
  taskId?: string;
}

function scoped(db: Db, s: TaskScope) {
  let q = db
    .selectFrom("tasks")
    .innerJoin("org_units as owner", "owner.id", "tasks.org_unit_id")
    .where("owner.path", "like", `${s.scopePath}%`);
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

/** Reads and writes the ledger. */
export const taskRepo = {
  async loadBundle(db: Db, s: TaskScope): Promise<TaskBundle> {
    const ids = scoped(db, s).select("tasks.id");
    const [tasks, units, milestones, adjustments, evidence, finals] = await Promise.all([
      scoped(db, s)
        .leftJoin("plans", "plans.id", "tasks.plan_id")
        .leftJoin("plan_nodes", "plan_nodes.id", "tasks.plan_node_id")
        .selectAll("tasks")
        .select(["plans.title as plan_title", "plan_nodes.path as clause_path"])
        .execute(),
      db
        .selectFrom("task_units")
        .innerJoin("org_units", "org_units.id", "task_units.org_unit_id")
        .selectAll("task_units")
        .select("org_units.name")
        .where("task_units.task_id", "in", ids)
        .orderBy("task_units.position")
        .execute(),
      db.selectFrom("task_milestones").selectAll().where("task_id", "in", ids).orderBy("position").execute(),
      db
        .selectFrom("task_adjustments")
        .selectAll()
        .where("task_id", "in", ids)
        .where("decision", "is", null)
        .execute(),
      db
        .selectFrom("task_attachments")
        .select(["task_id", (eb) => eb.fn.countAll<string | number>().as("n")])
        .where("task_id", "in", ids)
        .groupBy("task_id")
        .execute(),
      db
        .selectFrom("task_reports")
        .select("task_id")
        .distinct()
        .where("task_id", "in", ids)
        .where("is_consolidated", "=", true)
        .where("progress", "=", 100)
        .execute(),
    ]);
    return {
      tasks,
      units,
      milestones,
      adjustments,
      evidence: new Map(evidence.map((e) => [e.task_id, Number(e.n)])),
      finalReports: new Set(finals.map((f) => f.task_id)),
    };
  },

  /** Reports of the scope's tasks submitted from `since` on (lights and monthly views need no older ones). */
  async reportsSince(db: Db, s: TaskScope, since: Date): Promise<TaskReportRow[]> {
    return db
      .selectFrom("task_reports")
      .selectAll("task_reports")
      .where("submitted_at", ">=", since)
      .where("task_id", "in", scoped(db, s).select("tasks.id"))
      .execute();
  },

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
};
