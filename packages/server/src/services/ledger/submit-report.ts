import { checkReport } from "@luoshi/domain/ledger";
import { taskWriteRepo, inTransaction } from "@luoshi/db";
import type { TaskReportBody } from "@luoshi/contracts";
import { TaskReportBody as TaskReportSchema } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { checkUpload, storeUpload } from "../uploads/attachments.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { ledgerActor, loadTask } from "./task-access.ts";
import { sendNotices } from "./notifications.ts";

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
  await inTransaction(deps.handle.db, async (trx) => {
    await taskWriteRepo.insertReport(trx, {
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
    });
    for (const [i, f] of files.entries()) {
      storeUpload(deps.config.dataDir, f);
      await taskWriteRepo.insertAttachment(trx, {
        task_id: taskId,
        report_id: reportId,
        file_name: f.fileName,
        media_type: f.mediaType,
        size_bytes: f.bytes.length,
        sha256: f.sha256,
        sensitivity: body.attachments[i]?.sensitivity ?? "general",
        uploaded_by: actor.userId,
        uploaded_at: now,
      });
    }
    if (who.kind === "leadUnit") {
      await taskWriteRepo.updateTask(trx, taskId, {
        progress: body.progress,
        last_reported_period: body.period,
        updated_at: now,
      });
    }
    if (who.kind === "leadUnit" && body.isConsolidated && body.progress === 100) {
      // a new 办结报告: each co-unit signs it (会签) before the lead unit may 提请销号
      await sendNotices(
        trx,
        actor,
        now,
        task.coUnits.map((u) => ({
          to: { unitId: u },
          taskId,
          kind: "co-sign",
          text: `牵头单位提交了任务“${task.title}”的办结报告，请会签（同意或提出异议）`,
        })),
      );
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
