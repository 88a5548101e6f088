import { taskWriteRepo, inTransaction } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { ledgerActor, loadTask } from "./task-access.ts";
import { sendNotices } from "./notifications.ts";

/** 领导批示 (leaders) or a unit's 回复 to one. */
export async function addInstruction(
  deps: ServiceDeps,
  actor: Actor,
  taskId: string,
  body: { text: string; replyTo?: string | undefined },
) {
  const { row, task } = await loadTask(deps, actor, taskId);
  const isLeader = actor.role === "leader";
  if (!isLeader) {
    const who = ledgerActor(actor, task);
    if (who.kind === "bureau" || body.replyTo === undefined) {
      throw new AppError("forbidden", "只有领导可以批示；承办单位可以回复批示");
    }
  }
  const id = crypto.randomUUID();
  await inTransaction(deps.handle.db, async (trx) => {
    await taskWriteRepo.insertInstruction(trx, {
      id,
      task_id: taskId,
      reply_to: body.replyTo ?? null,
      author_id: actor.userId,
      author_unit_id: actor.orgUnitId,
      text: body.text,
      at: deps.now(),
    });
    await sendNotices(
      trx,
      actor,
      deps.now(),
      isLeader
        ? [task.leadUnit, ...task.coUnits].map((u) => ({
            to: { unitId: u },
            taskId,
            kind: "instruction",
            text: `领导对任务“${task.title}”作出批示：${body.text}`,
          }))
        : [
            {
              to: { reviewersOf: row.org_unit_id },
              taskId,
              kind: "instruction-reply",
              text: `承办单位回复了任务“${task.title}”的批示：${body.text}`,
            },
          ],
    );
    await recordAudit(trx, actor, {
      action: isLeader ? "task.instruct" : "task.instruction-reply",
      entityType: "task",
      entityId: taskId,
      after: { text: body.text },
    });
  });
}
