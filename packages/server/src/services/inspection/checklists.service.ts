/**
 * Checklists as versioned data: the versions a reader works with, one version with its items, and the
 * 督导室's import of a new version from a sheet (all or nothing, problems named by file, sheet, row and
 * column). A new version never changes a visit already filled against an older one.
 */
import type { ChecklistImportBody } from "@luoshi/contracts";
import { checklistRepo, inTransaction, planRepo, type ChecklistRow } from "@luoshi/db";
import { parseChecklistSheets } from "@luoshi/domain/inspection";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";

function present(rows: readonly ChecklistRow[]) {
  const newest = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.areaUnitId ?? ""}|${r.code}`;
    newest.set(key, Math.max(newest.get(key) ?? 0, r.version));
  }
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    version: r.version,
    title: r.title,
    kind: r.kind,
    basis: r.basis,
    areaName: r.areaName,
    createdAt: r.createdAt.toISOString(),
    itemCount: r.itemCount,
    current: newest.get(`${r.areaUnitId ?? ""}|${r.code}`) === r.version,
  }));
}

/** The checklist versions of the reader's jurisdiction and the areas above it, and the shipped ones. */
export async function listChecklists(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "inspection.read");
  return { items: present(await checklistRepo.list(deps.handle.db, actor.scope)) };
}

/** One version with its items; 404 when the reader has no such checklist. */
export async function getChecklist(deps: ServiceDeps, actor: Actor, id: string) {
  authorize(actor, "inspection.read");
  const { db } = deps.handle;
  const rows = await checklistRepo.list(db, actor.scope);
  const row = present(rows).find((c) => c.id === id);
  if (row === undefined) {
    throw new AppError("not-found", "没有这张检查表");
  }
  return { ...row, items: await checklistRepo.items(db, id) };
}

/** 督导室: reads a sheet of items and (unless previewing) writes it as the next version of `code`. */
export async function importChecklist(deps: ServiceDeps, actor: Actor, body: ChecklistImportBody) {
  authorize(actor, "inspection.manage");
  const { db } = deps.handle;
  const area = await planRepo.findScopeRoot(db, actor.scope);
  if (area === undefined) {
    throw new AppError("forbidden", "您的账号没有所属管辖范围，不能导入检查表");
  }
  const bytes = Buffer.from(body.contentBase64, "base64");
  const sheets = await readStatsFileInWorker(bytes, body.fileName, deps.config.importLimits);
  const parsed = parseChecklistSheets(sheets, body.fileName);
  if (parsed.problems.length > 0) {
    throw new AppError("validation-failed", `检查表有问题，未导入：${parsed.problems[0]?.message ?? ""}`, {
      problems: parsed.problems.map((p) => ({
        sheet: p.where?.sheet ?? "",
        row: p.where?.row ?? 0,
        column: p.where?.column ?? "",
        message: p.message,
      })),
      problemCount: parsed.problems.length,
    });
  }
  if (body.preview) {
    return { applied: false, id: null, version: null, items: parsed.items };
  }
  const written = await inTransaction(db, async (trx) => {
    const w = await checklistRepo.insertVersion(trx, {
      areaUnitId: area.id,
      code: body.code,
      title: body.title,
      kind: body.kind,
      basis: body.basis,
      createdBy: actor.userId,
      items: parsed.items,
    });
    await recordAudit(trx, actor, {
      action: "inspection.checklist-import",
      entityType: "inspection_checklist",
      entityId: w.id,
      after: { code: body.code, version: w.version, items: parsed.items.length },
      details: { fileName: body.fileName },
    });
    return w;
  });
  return { applied: true, id: written.id, version: written.version, items: parsed.items };
}
