import { taskDetailRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { loadUpload } from "../uploads/attachments.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { loadTask } from "./task-access.ts";

/** An attachment the actor may see (it belongs to one of the actor's tasks). */
export async function readAttachment(deps: ServiceDeps, actor: Actor, attachmentId: string) {
  const row = await taskDetailRepo.findAttachment(deps.handle.db, attachmentId);
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
