import { checkReport } from "@luoshi/domain/ledger";
import type { TaskReportBody } from "@luoshi/contracts";
import { TaskReportBody as TaskReportSchema } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { checkUpload, loadUpload, storeUpload } from "../shared/attachments.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { ledgerActor, loadTask } from "./task.service.ts";
import { authorize } from "../access/authorize.ts";

/**
 * 报送进展: a unit's report for a period, with evidence stored under the data folder by content hash
 * (never executed, never served from a static path). The lead unit's report sets the task's progress.
 */
export async function submitReport(deps: ServiceDeps, actor: Actor, taskId: string, input: TaskReportBody) {
  authorize(actor, "task.report");
  const body = TaskReportSchema.parse(input);
  const { task } = await loadTask(deps, actor, taskId);
  const who = ledgerActor(actor, task);
  const allowed = checkReport(task, who);
  if (!allowed.ok) {
    throw new AppError(allowed.kind === "actor" ? "forbidden" : "invalid-transition", allowed.message);
  }
  if (body.isConsolidated && who.kind !== "leadUnit") {
    throw new AppError("forbidden", "只有牵头单位可以报送汇总报告", {
      fields: [{ path: "body.isConsolidated", message: "只有牵头单位可以汇总" }],
    });
  }
  const files = body.attachments.map((a, i) =>
    checkUpload(a.fileName, a.contentBase64, { label: "附件", field: `body.attachments.${String(i)}` }),
  );
  const now = deps.now();
  const reportId = crypto.randomUUID();
  await deps.handle.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("task_reports")
      .values({
        id: reportId,
        task_id: taskId,
        org_unit_id: actor.orgUnitId ?? "",
        period: body.period,
        is_consolidated: body.isConsolidated,
        progress: body.progress,
        text: body.text,
        problems: body.problems,
        next_steps: body.nextSteps,
        submitted_by: actor.userId,
        submitted_at: now,
      })
      .execute();
    for (const f of files) {
      storeUpload(deps.config.dataDir, f);
      await trx
        .insertInto("task_attachments")
        .values({
          task_id: taskId,
          report_id: reportId,
          file_name: f.fileName,
          media_type: f.mediaType,
          size_bytes: f.bytes.length,
          sha256: f.sha256,
          uploaded_by: actor.userId,
          uploaded_at: now,
        })
        .execute();
    }
    if (who.kind === "leadUnit") {
      await trx
        .updateTable("tasks")
        .set({ progress: body.progress, last_reported_period: body.period, updated_at: now })
        .where("id", "=", taskId)
        .execute();
    }
    await recordAudit(trx, actor, {
      action: "task.report",
      entityType: "task",
      entityId: taskId,
      after: {
        period: body.period,
        progress: body.progress,
        isConsolidated: body.isConsolidated,
        attachments: files.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
      },
    });
  });
}

/** 领导批示 (leaders) or a unit's 回复 to one. */
export async function addInstruction(
  deps: ServiceDeps,
  actor: Actor,
  taskId: string,
  body: { text: string; replyTo?: string | undefined },
) {
  const { task } = await loadTask(deps, actor, taskId);
  const isLeader = actor.role === "leader";
  if (!isLeader) {
    const who = ledgerActor(actor, task);
    if (who.kind === "bureau" || body.replyTo === undefined) {
      throw new AppError("forbidden", "只有领导可以批示；承办单位可以回复批示");
    }
  }
  const id = crypto.randomUUID();
  await deps.handle.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("task_instructions")
      .values({
        id,
        task_id: taskId,
        reply_to: body.replyTo ?? null,
        author_id: actor.userId,
        author_unit_id: actor.orgUnitId,
        text: body.text,
        at: deps.now(),
      })
      .execute();
    await recordAudit(trx, actor, {
      action: isLeader ? "task.instruct" : "task.instruction-reply",
      entityType: "task",
      entityId: taskId,
      after: { text: body.text },
    });
  });
}

/** An attachment the actor may see (it belongs to one of the actor's tasks). */
export async function readAttachment(deps: ServiceDeps, actor: Actor, attachmentId: string) {
  const row = await deps.handle.db
    .selectFrom("task_attachments")
    .selectAll()
    .where("id", "=", attachmentId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError("not-found", "附件不存在");
  }
  await loadTask(deps, actor, row.task_id);
  await recordAudit(deps.handle.db, actor, {
    action: "task.attachment-read",
    entityType: "task_attachment",
    entityId: row.id,
  });
  return { row, bytes: loadUpload(deps.config.dataDir, row.sha256) };
}
