import { taskWriteRepo, inTransaction } from "@luoshi/db";
import type { TaskSignOffBody } from "@luoshi/contracts";
import { TaskSignOffBody as TaskSignOffSchema } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { isCoUnitMember, loadTask } from "./task-access.ts";
import { sendNotices } from "./notifications.ts";

/**
 * 会签: a co-unit (any handling account working in it — a bureau department named as co-unit signs
 * through its own staff) confirms the lead unit's current 办结报告 or objects to it with a note. Only while the
 * task is 办理中 and a 办结报告 exists; an objection tells the lead unit, which revises the report (a
 * new 办结报告 needs every co-unit's verdict again).
 */
export async function signOff(deps: ServiceDeps, actor: Actor, taskId: string, input: TaskSignOffBody) {
  const body = TaskSignOffSchema.parse(input);
  const { row, task, coSign } = await loadTask(deps, actor, taskId);
  if (!isCoUnitMember(actor, task)) {
    throw new AppError("forbidden", "只有协办单位的人员可以会签牵头单位的办结报告");
  }
  if (task.state !== "inProgress") {
    throw new AppError("invalid-transition", "只有办理中的任务可以会签：提请销号后或销号后不能再会签");
  }
  if (coSign.reportId === null) {
    throw new AppError("invalid-transition", "牵头单位尚未提交办结报告（进度100%的汇总报告），暂不能会签");
  }
  const unitName = (task.coSignOffs ?? []).find((o) => o.unit.id === actor.orgUnitId)?.unit.name ?? "";
  const now = deps.now();
  const reportId = coSign.reportId;
  await inTransaction(deps.handle.db, async (trx) => {
    await taskWriteRepo.upsertSignOff(trx, {
      report_id: reportId,
      task_id: taskId,
      org_unit_id: actor.orgUnitId ?? "",
      verdict: body.verdict,
      note: body.note,
      signed_by: actor.userId,
      signed_at: now,
    });
    await taskWriteRepo.insertEvent(trx, {
      task_id: taskId,
      at: now,
      actor_id: actor.userId,
      actor_unit_id: actor.orgUnitId,
      action: "signOff",
      from_state: row.state,
      to_state: row.state,
      comment: body.verdict === "confirm" ? `${unitName}会签同意` : `${unitName}提出异议：${body.note}`,
      details: JSON.stringify({ reportId, verdict: body.verdict }),
    });
    if (body.verdict === "object") {
      await sendNotices(trx, actor, now, [
        {
          to: { unitId: task.leadUnit },
          taskId,
          kind: "co-sign-objection",
          text: `${unitName}对任务“${task.title}”的办结报告提出异议：${body.note}`,
        },
      ]);
    }
    await recordAudit(trx, actor, {
      action: "task.sign-off",
      entityType: "task",
      entityId: taskId,
      after: { reportId, verdict: body.verdict, note: body.note },
    });
  });
}
