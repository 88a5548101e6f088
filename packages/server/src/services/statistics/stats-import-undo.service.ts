/**
 * 撤销导入: undoing one statistics import as a whole from 导入记录. The rows it changed go back to what
 * they were before it (rows it added are removed), in one transaction with one audit row — refused
 * while a later import has changed any of the same rows (that one must be undone first), for an import
 * made before imports kept their changes, and for one already undone.
 */
import { inTransaction, statsUndoRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { analyzeAfterImport } from "./stats-import-write.ts";

/** What undoing put back. */
export interface StatsUndoResult {
  id: string;
  restored: number;
  removed: number;
}

const when = (d: Date): string => new Date(d).toISOString().slice(0, 16).replace("T", " ");

/** Undoes import `id` (in the actor's scope) for `actor`, who needs `stats.write`. */
export async function undoStatsImport(deps: ServiceDeps, actor: Actor, id: string): Promise<StatsUndoResult> {
  authorize(actor, "stats.write");
  const { db } = deps.handle;
  const result = await inTransaction(db, async (trx) => {
    const row = await statsUndoRepo.findImportInScope(trx, actor.scope, id);
    if (row === undefined) {
      throw new AppError("not-found", "没有这次导入，或它不在您的管辖范围内");
    }
    const name = `导入“${row.file_name}”（${when(row.imported_at)}）`;
    if (row.undone_at !== null) {
      throw new AppError("conflict", `${name}已于 ${when(row.undone_at)} 撤销`);
    }
    if (!row.undoable) {
      throw new AppError("conflict", `${name}早于撤销功能，没有保存导入前的数据，无法撤销`);
    }
    const later = await statsUndoRepo.laterImports(trx, id);
    if (later.length > 0) {
      const list = later.map((l) => `“${l.fileName}”（${when(l.importedAt)}，${l.rows} 行）`).join("、");
      throw new AppError(
        "conflict",
        `无法撤销${name}：之后的导入 ${list} 又修改了同样的数据。请先撤销之后的导入，再撤销这一次。`,
        { later: later.map((l) => ({ id: l.id, fileName: l.fileName })) },
      );
    }
    const missing = await statsUndoRepo.missingRows(trx, id);
    if (missing > 0) {
      throw new AppError("conflict", `无法撤销${name}：它写入的 ${missing} 行数据已被删除`);
    }
    const done = await statsUndoRepo.undo(trx, id, actor.userId);
    await recordAudit(trx, actor, {
      action: "stats.import.undo",
      entityType: "stats_import",
      entityId: id,
      details: { year: row.year, fileName: row.file_name, restored: done.restored, removed: done.removed },
    });
    return { id, ...done };
  });
  await analyzeAfterImport(db, ["school_stats", "population_stats"]);
  return result;
}
