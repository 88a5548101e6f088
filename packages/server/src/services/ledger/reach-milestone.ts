import { chinaDate } from "@luoshi/common";
import { checkMilestoneReached } from "@luoshi/domain/ledger";
import { inTransaction, taskWriteRepo } from "@luoshi/db";
import type { MilestoneReachedBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { ledgerActor, loadTask } from "./task-access.ts";

/**
 * 确认序时进度完成: the lead unit or bureau staff mark one milestone of a task reached on a day (from
 * the 交办 day to today), with an optional note. The light then reads it from that day on. Someone
 * else is a 403, an unknown milestone a 404, a milestone already reached or a task not in hand a 409;
 * the change, its timeline event and its audit row go in together.
 */
export async function reachMilestone(
  deps: ServiceDeps,
  actor: Actor,
  taskId: string,
  milestoneId: string,
  input: MilestoneReachedBody,
): Promise<void> {
  const { bundle, task } = await loadTask(deps, actor, taskId);
  const who = ledgerActor(actor, task);
  if (who.kind !== "leadUnit" && who.kind !== "bureau") {
    throw new AppError("forbidden", "只有牵头单位和局督办人员可以确认序时进度完成");
  }
  const row = bundle.milestones.find((m) => m.id === milestoneId && m.task_id === taskId);
  if (row === undefined) {
    throw new AppError("not-found", "该任务没有这个序时进度节点");
  }
  const now = deps.now();
  const check = checkMilestoneReached(
    task,
    { title: row.title, reachedOn: row.reached_on },
    who,
    input.reachedOn,
    chinaDate(now),
  );
  if (!check.ok) {
    throw check.code === "validation-failed"
      ? new AppError("validation-failed", check.message, {
          fields: [{ path: "body.reachedOn", message: check.message }],
        })
      : new AppError(check.kind === "actor" ? "forbidden" : "invalid-transition", check.message);
  }
  const note = input.note === undefined || input.note === "" ? null : input.note;
  await inTransaction(deps.handle.db, async (trx) => {
    const changed = await taskWriteRepo.markMilestoneReached(trx, taskId, milestoneId, {
      on: input.reachedOn,
      note,
      by: actor.userId,
    });
    if (!changed) {
      throw new AppError("invalid-transition", `序时进度「${row.title}」已确认完成`);
    }
    await taskWriteRepo.insertEvent(trx, {
      task_id: taskId,
      at: now,
      actor_id: actor.userId,
      actor_unit_id: actor.orgUnitId,
      action: "milestoneReached",
      from_state: task.state,
      to_state: task.state,
      comment: `序时进度「${row.title}」于${input.reachedOn}完成${note === null ? "" : `：${note}`}`,
      details: JSON.stringify({ milestoneId, reachedOn: input.reachedOn }),
    });
    await recordAudit(trx, actor, {
      action: "task.milestone-reached",
      entityType: "task",
      entityId: taskId,
      before: { milestone: row.title, reachedOn: null },
      after: { milestone: row.title, reachedOn: input.reachedOn, note },
    });
  });
}
