import { clears, isSensitivity, SENSITIVITY_LABELS } from "@luoshi/domain/auth";
import { taskDetailRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { loadUpload } from "../uploads/attachments.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { loadTask } from "./task-access.ts";
import { clearanceOf } from "../access/clearance.ts";

const labelOf = (level: string): string => (isSensitivity(level) ? SENSITIVITY_LABELS[level] : level);

/** An attachment the actor may see (it belongs to one of the actor's tasks). */
export async function readAttachment(deps: ServiceDeps, actor: Actor, attachmentId: string) {
  const row = await taskDetailRepo.findAttachment(deps.handle.db, attachmentId);
  if (row === undefined) {
    throw new AppError("not-found", "附件不存在");
  }
  await loadTask(deps, actor, row.task_id);
  const clearance = await clearanceOf(deps, actor);
  if (!clears(clearance, row.sensitivity)) {
    await recordAudit(deps.handle.db, actor, {
      action: "task.attachment-read",
      entityType: "task_attachment",
      entityId: row.id,
      result: "failure",
      details: { reason: "clearance", label: row.sensitivity, clearance },
    });
    throw new AppError(
      "forbidden",
      `密级不足：该附件标记为“${labelOf(row.sensitivity)}”，您的许可级别为“${labelOf(clearance)}”`,
    );
  }
  await recordAudit(deps.handle.db, actor, {
    action: "task.attachment-read",
    entityType: "task_attachment",
    entityId: row.id,
    details: { label: row.sensitivity },
  });
  return { row, bytes: loadUpload(deps.config.dataDir, row.sha256) };
}
