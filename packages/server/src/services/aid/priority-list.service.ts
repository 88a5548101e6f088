/**
 * Priority lists (低保, 特困, 脱贫/防返贫监测, 孤儿, 事实无人抚养, 残疾) from 民政, 乡村振兴 and 残联: read,
 * checked row by row, then — unless previewed — written all or nothing, each child sealed and matched to
 * the 学籍 registry by the blind index of the 身份证件号 (nothing decrypted to match). The audit row holds
 * counts only.
 */
import { createHash } from "node:crypto";
import { aidProgrammeRepo, inTransaction, studentNumberIndex } from "@luoshi/db";
import type { AidListImportBody, AidListImportResult } from "@luoshi/contracts";
import { AID_CATEGORY_LABELS, parsePriorityList, type AidCategory } from "@luoshi/domain/aid";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";
import { registryScope } from "../registry/registry-scope.ts";

/** Imports (or previews) a priority list for the actor's county or the area named. */
export async function importPriorityList(
  deps: ServiceDeps,
  actor: Actor,
  body: Omit<AidListImportBody, "contentBase64"> & { bytes: Uint8Array },
): Promise<AidListImportResult> {
  authorize(actor, "aid.manage");
  const { db } = deps.handle;
  const { unit } = await registryScope(db, actor, body.unitId);
  if (unit.kind === "school") {
    throw new AppError("forbidden", "困难群体名单由资助中心按区域导入，学校不导入");
  }
  const sheets = await readStatsFileInWorker(body.bytes, body.fileName, deps.config.importLimits);
  const parsed = parsePriorityList(sheets, { fileName: body.fileName });
  if (parsed.problems.length > 0) {
    throw new AppError("validation-failed", `名单有问题，未导入：${parsed.problems[0]?.message ?? ""}`, {
      problems: parsed.problems.map((p) => ({
        sheet: p.where?.sheet ?? "",
        row: p.where?.row ?? 0,
        column: p.where?.column ?? "",
        message: p.message,
      })),
      problemCount: parsed.problems.length,
    });
  }
  const records = parsed.records;
  const indexes = records.map((r) => studentNumberIndex(db, "idNumber", r.idNumber));
  const students = await aidProgrammeRepo.studentsByIndex(db, indexes);
  const matched = new Set(indexes.filter((x) => students.has(x))).size;
  const counts = new Map<AidCategory, number>();
  for (const r of records) {
    counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  }
  const result: AidListImportResult = {
    id: null,
    applied: false,
    fileName: body.fileName,
    rows: records.length,
    matched,
    byCategory: [...counts].map(([category, rows]) => ({
      category,
      label: AID_CATEGORY_LABELS[category],
      rows,
    })),
  };
  if (body.preview) {
    return result;
  }
  const sha256 = createHash("sha256").update(body.bytes).digest("hex");
  const id = await inTransaction(db, async (trx) => {
    const importId = await aidProgrammeRepo.insertImport(trx, {
      scope_unit_id: unit.id,
      school_year: body.schoolYear,
      source: body.source,
      file_name: body.fileName,
      sha256,
      row_count: records.length,
      summary: JSON.stringify({ matched, byCategory: Object.fromEntries(counts) }),
      imported_by: actor.userId,
    });
    await aidProgrammeRepo.insertPeople(
      trx,
      importId,
      unit.id,
      records.map((r, i) => ({
        idNumber: r.idNumber,
        name: r.name,
        category: r.category,
        index: indexes[i] ?? "",
        studentId: students.get(indexes[i] ?? "")?.id ?? null,
      })),
    );
    await recordAudit(trx, actor, {
      action: "aid.list-import",
      entityType: "aid_priority_import",
      entityId: importId,
      after: {
        fileName: body.fileName,
        sha256,
        rows: records.length,
        schoolYear: body.schoolYear,
        source: body.source,
      },
      details: { matched, byCategory: Object.fromEntries(counts) },
    });
    return importId;
  });
  return { ...result, id, applied: true };
}

/** The list imports the actor sees: counts only. */
export async function listPriorityImports(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "aid.read");
  const rows = await aidProgrammeRepo.listImports(deps.handle.db, actor.scope);
  return rows.map((r) => ({
    id: r.id,
    schoolYear: r.school_year,
    source: r.source,
    fileName: r.file_name,
    unitName: r.unit_name,
    rows: r.row_count,
    matched: (r.summary as { matched?: number }).matched ?? 0,
    importedAt: r.imported_at.toISOString(),
  }));
}
