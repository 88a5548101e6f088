import { lightOf } from "@luoshi/domain/ledger";
import { taskDetailRepo } from "@luoshi/db";
import type { TaskDetail } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { eventLabel, presentTaskSummary } from "./task-view.ts";
import { actionsFor, canReport, chinaToday, loadTask, toProgressReports } from "./task.service.ts";

/** 任务页: the task with its clause, units, milestones, reports, timeline, instructions and what the actor may do. */
export async function getTaskDetail(deps: ServiceDeps, actor: Actor, taskId: string): Promise<TaskDetail> {
  const { row, bundle, task } = await loadTask(deps, actor, taskId);
  const { db } = deps.handle;
  const [reports, attachments, events, instructions, node] = await Promise.all([
    taskDetailRepo.reportsOf(db, taskId),
    db.selectFrom("task_attachments").selectAll().where("task_id", "=", taskId).execute(),
    db
      .selectFrom("task_events")
      .leftJoin("users", "users.id", "task_events.actor_id")
      .selectAll("task_events")
      .select("users.login")
      .where("task_id", "=", taskId)
      .orderBy("task_events.id")
      .execute(),
    db
      .selectFrom("task_instructions")
      .leftJoin("users", "users.id", "task_instructions.author_id")
      .selectAll("task_instructions")
      .select("users.display_name")
      .where("task_id", "=", taskId)
      .orderBy("at")
      .execute(),
    row.plan_node_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom("plan_nodes")
          .innerJoin("plans", "plans.id", "plan_nodes.plan_id")
          .select(["plan_nodes.span_start", "plan_nodes.span_end", "plans.source_text"])
          .where("plan_nodes.id", "=", row.plan_node_id)
          .executeTakeFirst(),
  ]);
  const light = lightOf(task, chinaToday(deps.now()), toProgressReports(reports));
  const adjustment = bundle.adjustments[0];
  return {
    ...presentTaskSummary(row, task, bundle, light),
    content: row.content,
    sourceText: node === undefined ? null : node.source_text.slice(node.span_start, node.span_end),
    planTitle: row.plan_title,
    assignedOn: row.assigned_on,
    milestones: bundle.milestones.map((m) => ({ title: m.title, dueOn: m.due_on, reachedOn: m.reached_on })),
    reports: reports.map((r) => ({
      id: r.id,
      unit: { id: r.org_unit_id, name: r.unit_name },
      period: r.period,
      isConsolidated: r.is_consolidated,
      progress: r.progress,
      text: r.text,
      problems: r.problems,
      nextSteps: r.next_steps,
      submittedAt: r.submitted_at.toISOString(),
      attachments: attachments
        .filter((a) => a.report_id === r.id)
        .map((a) => ({ id: a.id, fileName: a.file_name, sizeBytes: a.size_bytes })),
    })),
    events: events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actionLabel: eventLabel(e.action),
      fromState: e.from_state,
      toState: e.to_state,
      comment: e.comment,
      actorLogin: e.login,
    })),
    instructions: instructions.map((i) => ({
      id: i.id,
      replyTo: i.reply_to,
      author: i.display_name ?? "",
      text: i.text,
      at: i.at.toISOString(),
    })),
    pendingAdjustment:
      adjustment === undefined
        ? null
        : { newDeadline: adjustment.new_deadline, newTitle: adjustment.new_title, reason: adjustment.reason },
    availableActions: actionsFor(actor, task),
    canReport: canReport(actor, task),
  };
}
