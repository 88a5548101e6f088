import { chinaDate } from "@luoshi/common";
import { FREQUENCY_LABELS, PRIORITY_LABELS, type TaskState } from "@luoshi/domain/ledger";
import { taskWriteRepo, inTransaction } from "@luoshi/db";
import type { TaskEditBody } from "@luoshi/contracts";
import { TaskEditBody as TaskEditSchema } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { canEdit, loadTask } from "./task-access.ts";
import { checkTaskUnits } from "./create-task.ts";
import { acceptByOf } from "./ledger-task.ts";
import { sendNotices, type Notice } from "./notifications.ts";

/**
 * 修改 / 改派: bureau staff change a task's wording, deadline, cycle or units until it is 销号, with a
 * reason. A new lead unit has to 签收 afresh: a task already 交办 goes back to 已交办（待签收）, given
 * to the new lead today. Units taken off the task are told, the new ones too; the change is in the
 * task's 办理过程 and the audit trail with what it was before.
 */
export async function editTask(deps: ServiceDeps, actor: Actor, taskId: string, input: TaskEditBody) {
  authorize(actor, "task.write");
  const body = TaskEditSchema.parse(input);
  const { db } = deps.handle;
  const { row, bundle, task } = await loadTask(deps, actor, taskId);
  if (!canEdit(actor, task)) {
    throw task.state === "closed"
      ? new AppError("invalid-transition", "已销号的任务不能再修改或改派")
      : new AppError("forbidden", "只有局督办人员可以修改或改派任务");
  }
  const now = deps.now();
  const today = chinaDate(now);
  const lead = body.leadUnitId ?? task.leadUnit;
  const co = body.coUnitIds ?? [...task.coUnits];
  const unitsChanged = lead !== task.leadUnit || co.join() !== task.coUnits.join();
  if (unitsChanged) {
    await checkTaskUnits(db, actor, lead, co, { where: "", field: "body." });
  }
  if (body.deadline !== undefined && body.deadline !== task.deadline && body.deadline < today) {
    throw new AppError("validation-failed", `完成时限 ${body.deadline} 早于今天`, {
      fields: [{ path: "body.deadline", message: "完成时限不能早于今天" }],
    });
  }
  const isReassigned = lead !== task.leadUnit;
  const wasGiven: TaskState[] = ["assigned", "inProgress", "underReview"];
  const nextState: TaskState = isReassigned && wasGiven.includes(task.state) ? "assigned" : task.state;
  const names = new Map(bundle.units.map((u) => [u.org_unit_id, u.name]));
  const changes: string[] = [];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (key: string, label: string, from: unknown, to: unknown, text: string) => {
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) {
      before[key] = from;
      after[key] = to;
      changes.push(`${label}：${text}`);
    }
  };
  note("title", "任务内容", row.title, body.title, `由“${row.title}”改为“${body.title ?? ""}”`);
  note("content", "任务说明", row.content, body.content, "已修改");
  note("deadline", "完成时限", row.deadline, body.deadline, `由${row.deadline}改为${body.deadline ?? ""}`);
  note(
    "frequency",
    "报送频次",
    row.frequency,
    body.frequency,
    body.frequency === undefined ? "" : FREQUENCY_LABELS[body.frequency],
  );
  note(
    "priority",
    "优先级",
    row.priority,
    body.priority,
    body.priority === undefined ? "" : PRIORITY_LABELS[body.priority],
  );
  note(
    "acceptWithinDays",
    "签收时限",
    row.accept_within_days,
    body.acceptWithinDays,
    `${String(body.acceptWithinDays ?? "")}个工作日`,
  );
  if (unitsChanged) {
    before.units = [task.leadUnit, ...task.coUnits];
    after.units = [lead, ...co];
    changes.push("承办单位：已调整");
  }
  if (changes.length === 0) {
    throw new AppError("validation-failed", "没有要修改的内容：所填内容与任务现状相同");
  }
  const removed = [task.leadUnit, ...task.coUnits].filter((u) => u !== lead && !co.includes(u));
  const added = [lead, ...co].filter(
    (u) => (u === lead && isReassigned) || (u !== task.leadUnit && !task.coUnits.includes(u)),
  );
  const title = body.title ?? row.title;
  const acceptWithinDays = body.acceptWithinDays ?? row.accept_within_days;
  await inTransaction(db, async (trx) => {
    await taskWriteRepo.updateTask(trx, taskId, {
      updated_at: now,
      ...(body.title === undefined ? {} : { title: body.title }),
      ...(body.content === undefined ? {} : { content: body.content }),
      ...(body.deadline === undefined ? {} : { deadline: body.deadline }),
      ...(body.frequency === undefined ? {} : { frequency: body.frequency }),
      ...(body.priority === undefined ? {} : { priority: body.priority }),
      ...(body.acceptWithinDays === undefined ? {} : { accept_within_days: body.acceptWithinDays }),
      ...(nextState === task.state
        ? {}
        : { state: nextState, assigned_on: today, assigned_by: actor.userId }),
    });
    if (unitsChanged) {
      const kept = new Map(bundle.units.map((u) => [u.org_unit_id, isReassigned ? null : u.accepted_at]));
      await taskWriteRepo.replaceUnits(trx, taskId, [lead, ...co], kept);
    }
    const notices: Notice[] = [
      ...removed.map((u): Notice => ({
        to: { unitId: u },
        taskId,
        kind: "reassigned",
        text: `任务“${title}”已改派，您单位不再承办（理由：${body.reason}）`,
      })),
      ...added.map((u): Notice => ({
        to: { unitId: u },
        taskId,
        kind: "assigned",
        text:
          u === lead
            ? `任务“${title}”改由您单位牵头，完成时限${body.deadline ?? row.deadline}${
                nextState === "assigned"
                  ? `，请于${acceptByOf({ assigned_on: today, accept_within_days: acceptWithinDays }) ?? ""}前签收`
                  : ""
              }`
            : `任务“${title}”增加您单位为协办单位`,
      })),
    ];
    if (row.state !== "pending") {
      await sendNotices(trx, actor, now, notices);
    }
    await taskWriteRepo.insertEvent(trx, {
      task_id: taskId,
      at: now,
      actor_id: actor.userId,
      actor_unit_id: actor.orgUnitId,
      action: isReassigned ? "reassign" : "edit",
      from_state: row.state,
      to_state: nextState,
      comment: `${changes.join("；")}${
        isReassigned ? `（牵头单位由${names.get(task.leadUnit) ?? ""}改派）` : ""
      }。理由：${body.reason}`,
      details: JSON.stringify({ before, after }),
    });
    await recordAudit(trx, actor, {
      action: isReassigned ? "task.reassign" : "task.edit",
      entityType: "task",
      entityId: taskId,
      before: { state: row.state, ...before },
      after: { state: nextState, ...after },
      details: { reason: body.reason },
    });
  });
}
