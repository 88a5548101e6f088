import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "@luoshi/domain/ledger";
import type { TaskReportBody } from "@luoshi/contracts";
import { TaskReportBody as TaskReportSchema } from "@luoshi/contracts";
import { AppError } from "../errors.ts";
import type { Actor, ServiceDeps } from "../context.ts";
import { recordAudit } from "./audit.service.ts";
import { ledgerActor, loadTask } from "./task.service.ts";
import { authorize } from "./user.service.ts";

/** Evidence types a report may carry, by extension, with the bytes each must start with. */
const ALLOWED: Record<string, { mediaType: string; magic: number[] }> = {
  pdf: { mediaType: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mediaType: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mediaType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  jpeg: { mediaType: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  docx: {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
};
/** 10 MB per attachment. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file name safe to show and to send back: no path, no control characters, at most 100 characters. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const printable = Array.from(base, (c) =>
    c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? "" : c,
  ).join("");
  const clean = printable.replace(/[<>:"|?*]/g, "_").trim();
  return (clean === "" || clean.startsWith(".") ? `file${clean}` : clean).slice(-100);
}

function checkAttachment(fileName: string, bytes: Buffer, index: number) {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const kind = ALLOWED[ext];
  const field = `body.attachments.${index}`;
  if (kind === undefined) {
    throw new AppError(
      "validation-failed",
      `附件“${fileName}”的类型不允许：只接受 pdf、图片（png/jpg）、docx、xlsx`,
      {
        fields: [{ path: `${field}.fileName`, message: "附件类型不允许" }],
      },
    );
  }
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      "validation-failed",
      `附件“${fileName}”${bytes.length === 0 ? "是空文件" : "超过 10 MB"}`,
      {
        fields: [{ path: `${field}.contentBase64`, message: bytes.length === 0 ? "空文件" : "超过 10 MB" }],
      },
    );
  }
  if (!kind.magic.every((b, i) => bytes[i] === b)) {
    throw new AppError("validation-failed", `附件“${fileName}”的内容与扩展名不符`, {
      fields: [{ path: `${field}.contentBase64`, message: "内容与扩展名不符" }],
    });
  }
  return kind.mediaType;
}

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
  const files = body.attachments.map((a, i) => {
    const bytes = Buffer.from(a.contentBase64, "base64");
    const fileName = sanitizeFileName(a.fileName);
    return {
      fileName,
      bytes,
      mediaType: checkAttachment(fileName, bytes, i),
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  });
  const dir = join(deps.config.dataDir, "attachments");
  mkdirSync(dir, { recursive: true });
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
      const path = join(dir, f.sha256);
      if (!existsSync(path)) {
        writeFileSync(path, f.bytes, { mode: 0o600 });
      }
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
  return { row, bytes: readFileSync(join(deps.config.dataDir, "attachments", row.sha256)) };
}
