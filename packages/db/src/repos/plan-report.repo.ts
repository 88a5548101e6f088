import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";

/** A task of the ledger made from a plan's item, as the plan's reports show it. */
export interface PlanReportTaskRow {
  id: string;
  plan_id: string;
  plan_node_id: string | null;
  title: string;
  state: string;
  progress: number;
  deadline: string;
  closed_at: Date | null;
  /** Unit names in order, the lead first. */
  units: { name: string; role: string }[];
  /** The newest report of the task up to the report's day, if any. */
  latest: { period: string; progress: number; text: string; submitted_at: Date } | null;
  /** Plan targets the task was tied to (task_targets). */
  target_ids: string[];
}

/** Reads what a plan's own reports (监测报告, 落实情况报告) need from the ledger. */
export const planReportRepo = {
  /**
   * The tasks of the given plans whose supervising unit lies in the scope, with their units, their
   * newest report submitted before `until`, and their target ties.
   */
  async tasksOfPlans(
    db: Db,
    scope: Scope,
    planIds: readonly string[],
    until: Date,
  ): Promise<PlanReportTaskRow[]> {
    if (planIds.length === 0) {
      return [];
    }
    const tasks = await db
      .selectFrom("tasks")
      .innerJoin("org_units", "org_units.id", "tasks.org_unit_id")
      .where(inScope("org_units.path", scope))
      .where("tasks.plan_id", "in", [...planIds])
      .select([
        "tasks.id",
        "tasks.plan_id",
        "tasks.plan_node_id",
        "tasks.title",
        "tasks.state",
        "tasks.progress",
        "tasks.deadline",
        "tasks.closed_at",
        "tasks.created_at",
      ])
      .orderBy("tasks.created_at")
      .orderBy("tasks.id")
      .execute();
    if (tasks.length === 0) {
      return [];
    }
    const ids = tasks.map((t) => t.id);
    const [units, reports, targets] = await Promise.all([
      db
        .selectFrom("task_units")
        .innerJoin("org_units", "org_units.id", "task_units.org_unit_id")
        .where("task_units.task_id", "in", ids)
        .select(["task_units.task_id", "task_units.role", "task_units.position", "org_units.name"])
        .orderBy("task_units.task_id")
        .orderBy("task_units.position")
        .execute(),
      db
        .selectFrom("task_reports")
        .where("task_id", "in", ids)
        .where("submitted_at", "<", until)
        .select(["task_id", "period", "progress", "text", "submitted_at"])
        .orderBy("submitted_at", "desc")
        .execute(),
      db
        .selectFrom("task_targets")
        .where("task_id", "in", ids)
        .select(["task_id", "plan_target_id"])
        .execute(),
    ]);
    return tasks.map((t) => {
      const own = units.filter((u) => u.task_id === t.id);
      const latest = reports.find((r) => r.task_id === t.id);
      return {
        id: t.id,
        plan_id: t.plan_id ?? "",
        plan_node_id: t.plan_node_id,
        title: t.title,
        state: t.state,
        progress: t.progress,
        deadline: t.deadline,
        closed_at: t.closed_at,
        units: [...own.filter((u) => u.role === "lead"), ...own.filter((u) => u.role !== "lead")].map(
          (u) => ({
            name: u.name,
            role: u.role,
          }),
        ),
        latest:
          latest === undefined
            ? null
            : {
                period: latest.period,
                progress: latest.progress,
                text: latest.text,
                submitted_at: latest.submitted_at,
              },
        target_ids: targets.filter((x) => x.task_id === t.id).map((x) => x.plan_target_id),
      };
    });
  },
};
