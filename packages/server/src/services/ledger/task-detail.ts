import { chinaDate } from "@luoshi/common";
import { lightOf } from "@luoshi/domain/ledger";
import { cleanText } from "@luoshi/domain/parsing";
import { escalationRepo, taskDetailRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { actionsFor, canEdit, canReport, canSignOff, closeRefusal, loadTask } from "./task-access.ts";
import { toProgressReports } from "./ledger-task.ts";

/** What the task page shows, as data: `presentTaskDetail` (http/tasks/presenters.ts) gives it its shape. */
export type TaskDetailData = Awaited<ReturnType<typeof loadTaskDetail>>;

/** 任务页: the task with its clause, units, milestones, reports, timeline, instructions and what the actor may do. */
export async function loadTaskDetail(deps: ServiceDeps, actor: Actor, taskId: string) {
  const { row, bundle, task, coSign } = await loadTask(deps, actor, taskId);
  const { db } = deps.handle;
  const [reports, attachments, events, instructions, sourceText, escalations] = await Promise.all([
    taskDetailRepo.reportsOf(db, taskId),
    taskDetailRepo.attachmentsOf(db, taskId),
    taskDetailRepo.eventsOf(db, taskId),
    taskDetailRepo.instructionsOf(db, taskId),
    row.plan_node_id === null ? Promise.resolve(undefined) : taskDetailRepo.clauseText(db, row.plan_node_id),
    escalationRepo.forTask(db, taskId),
  ]);
  return {
    row,
    bundle,
    task,
    light: lightOf(task, chinaDate(deps.now()), toProgressReports(reports)),
    // the clause as a person reads it: simplified, without the pinyin glosses some sites inject
    sourceText: sourceText === undefined ? null : cleanText(sourceText).clean.text,
    reports,
    attachments,
    events,
    instructions,
    escalations,
    availableActions: actionsFor(actor, task),
    canReport: canReport(actor, task),
    coSign,
    canSignOff: canSignOff(actor, task, coSign.reportId),
    canEdit: canEdit(actor, task),
    closeRefusal: closeRefusal(actor, task),
  };
}
