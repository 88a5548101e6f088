/**
 * 统计数据导入: one year's school statistics and 乡镇 population from a template file (.xlsx / .csv),
 * checked with the domain's rules and stored all or nothing — any error and nothing is written.
 */
import { createHash } from "node:crypto";
import type { Issue } from "@luoshi/domain";
import { codesOutsideScope, findDataElement, parseImportSheets, planStatsImport } from "@luoshi/domain/stats";
import { statsRepo, statsUndoRepo, inTransaction } from "@luoshi/db";
import { analyzeAfterImport } from "./stats-import-write.ts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { readStatsUploadInWorker } from "./stats-file-read.ts";
import { scopeUnits } from "./stats-scope.service.ts";
import { closedUnitRows } from "./closed-school-rows.ts";

/** A problem in an upload, located by sheet, 1-based row and column header. */
export interface StatsProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** One value an import changes. */
export interface StatsValueChange {
  code: string;
  element: string;
  /** The element's Chinese name (its template column header). */
  label: string;
  before: number | null;
  after: number | null;
}

/** What an import stored — or, for a preview, would store (`applied` false, no id). */
export interface StatsImportResult {
  id: string | null;
  applied: boolean;
  year: number;
  fileName: string;
  /** Data rows read, all sheets. */
  rows: number;
  schools: number;
  areas: number;
  /** Values that differ from what was stored for the year before. */
  changedValues: number;
  /** Schools and 乡镇 whose values change. */
  changedUnits: number;
  /** Stored values blanked by an empty cell in a column the file has; the first 200 located. */
  blankedValues: number;
  blanked: StatsProblem[];
  /** The first 200 changed values. */
  changes: StatsValueChange[];
  /** Findings that did not stop the import (10× last year's value …), first 200. */
  warnings: StatsProblem[];
}

/** Problems listed in an error or result; the rest are counted. */
const MAX_PROBLEMS = 200;

/**
 * Changed values listed one by one in the audit entry of an import (the rest are counted per school):
 * enough to review a correction, small enough that a whole new year does not bloat the audit trail.
 */
export const MAX_AUDITED_CHANGES = 1000;

/** The part of an import a progress call is about: reading the file, checking rows, writing rows. */
export type StatsImportStage = "reading" | "validating" | "writing";

/**
 * Called as an import goes on: `done` of `total` in `stage` (rows checked, rows written; reading the file
 * reports 0 of 1, then 1 of 1). Callers that only show rows may ignore `stage`.
 */
export type StatsProgress = (done: number, total: number, stage: StatsImportStage) => void;

const toProblem = (i: Issue): StatsProblem => ({
  sheet: i.where?.sheet ?? "",
  row: i.where?.row ?? 0,
  column: i.where?.column ?? i.where?.field ?? "",
  message: i.message,
});

/**
 * 导入统计数据 for one 统计年度. Reads every sheet, ties school and 乡镇 codes to org units in the actor's
 * scope (a code outside it: 403), checks each row and each merged record (negative values, parts that
 * do not add up, 专任教师 > 教职工 …; 10× last year's value is a warning). Any error: `validation-failed`
 * with `details.problems` (first 200) and nothing written. Otherwise the file changes only what it
 * covers: each school or 乡镇 in the file keeps its stored values except those the file gives or leaves
 * empty in a column it has (blanked, and listed); units and columns not in the file are not touched.
 * Only changed rows are rewritten, each first recorded as it was (so the import can be undone), in one
 * transaction with one `stats.import` audit row that counts the changed values per school and lists the
 * first {@link MAX_AUDITED_CHANGES} of them. `options.preview`: check and report, write nothing.
 * `onProgress` hears each stage; `signal` stops the import (rolled back) while it writes.
 */
export async function importStatistics(
  deps: ServiceDeps,
  actor: Actor,
  input: { fileName: string; year: number; bytes: Uint8Array },
  onProgress?: StatsProgress,
  signal?: AbortSignal,
  options: { preview?: boolean } = {},
): Promise<StatsImportResult> {
  authorize(actor, "stats.write");
  const { db } = deps.handle;
  const { year } = input;
  onProgress?.(0, 1, "reading");
  // a .zip or workbook of 基层表 becomes the template's sheets here; a template file passes through
  const { sheets, warnings: readWarnings } = await readStatsUploadInWorker(
    input.bytes,
    input.fileName,
    year,
    deps.config.importLimits,
  );
  onProgress?.(1, 1, "reading");
  signal?.throwIfAborted();
  const scope = await scopeUnits(db, actor.scope);
  const stored = await statsRepo.listInScope(db, "school_stats", actor.scope, year - 1, year);
  const previous = new Map(stored.filter((r) => r.year === year - 1).map((r) => [r.code, r.values]));
  const current = new Map(stored.filter((r) => r.year === year).map((r) => [r.code, r.values]));
  const currentAreas = new Map(
    (await statsRepo.listInScope(db, "population_stats", actor.scope, year, year)).map((r) => [
      r.code,
      r.values,
    ]),
  );

  onProgress?.(
    0,
    sheets.reduce((n, s) => n + s.rows.length, 0),
    "validating",
  );
  const parsed = parseImportSheets(sheets, year, scope.byCode, (done, total) => {
    onProgress?.(done, total, "validating");
  });
  const outside = await scope.outside(db, codesOutsideScope(parsed.rows, scope.byCode));
  const outcome = planStatsImport({
    year,
    parsed,
    units: scope.byCode,
    outside,
    previous,
    current,
    currentAreas,
    sampleSize: MAX_AUDITED_CHANGES,
  });
  if (outcome.kind === "forbidden") {
    throw new AppError("forbidden", `${outcome.issues[0]?.message ?? ""}（共 ${outcome.issues.length} 行）`, {
      problems: outcome.issues.slice(0, MAX_PROBLEMS).map(toProblem),
    });
  }
  const closed = closedUnitRows(parsed.rows, scope.byCode, year);
  if (closed.length > 0) {
    throw new AppError(
      "validation-failed",
      `统计数据有 ${closed.length} 处错误，未导入：${closed[0]?.message ?? ""}`,
      {
        problems: closed.slice(0, MAX_PROBLEMS),
        problemCount: closed.length,
      },
    );
  }
  if (outcome.kind === "invalid") {
    const { errors } = outcome;
    throw new AppError(
      "validation-failed",
      `统计数据有 ${errors.length} 处错误，未导入：${errors[0]?.message ?? ""}`,
      {
        problems: errors.slice(0, MAX_PROBLEMS).map(toProblem),
        problemCount: errors.length,
      },
    );
  }
  if (outcome.kind === "empty") {
    throw new AppError("validation-failed", "文件中没有可导入的数据行", {
      problems: [{ sheet: "", row: 0, column: "", message: "文件中没有可导入的数据行" }],
    });
  }
  const { plan } = outcome;
  const { schoolRows, areaRows, diff } = plan;
  const total = parsed.total;
  const summary = {
    year,
    fileName: input.fileName,
    rows: total,
    schools: plan.schools,
    areas: plan.areas,
    changedValues: diff.changedValues,
    changedUnits: schoolRows.length + areaRows.length,
    blankedValues: plan.blankedCount,
    blanked: plan.blanked.slice(0, MAX_PROBLEMS).map((b) => ({
      sheet: b.sheet,
      row: b.row,
      column: b.column,
      message: `${b.code}：“${b.column}”为空，将清除已存的值 ${b.before ?? ""}`,
    })),
    changes: diff.sample
      .slice(0, MAX_PROBLEMS)
      .map((c) => ({ ...c, label: findDataElement(c.element)?.label ?? c.element })),
    warnings: [...readWarnings, ...plan.warnings.map(toProblem)].slice(0, MAX_PROBLEMS),
  };
  if (options.preview === true) {
    return { id: null, applied: false, ...summary };
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");

  const toWrite = schoolRows.length + areaRows.length;
  let written = 0;
  const wrote = (n: number): void => {
    signal?.throwIfAborted();
    written += n;
    onProgress?.(written, toWrite, "writing");
  };
  signal?.throwIfAborted();
  onProgress?.(0, toWrite, "writing");
  const importRow = await inTransaction(db, async (trx) => {
    const row = await statsRepo.insertImport(trx, {
      org_unit_id: scope.root?.id ?? null,
      year,
      file_name: input.fileName,
      sha256,
      rows: total,
      imported_by: actor.userId,
      undoable: true,
    });
    const meta = { importId: row.id, importedBy: actor.userId };
    for (const [table, rows] of [
      ["school_stats", schoolRows],
      ["population_stats", areaRows],
    ] as const) {
      if (rows.length === 0) {
        continue;
      }
      // only the rows that change are rewritten; each is kept as it was, for undoing the import
      const ids = rows.map((r) => r.orgUnitId);
      await statsUndoRepo.recordBefore(trx, row.id, table, year, ids);
      await statsUndoRepo.deleteRows(trx, table, year, ids);
      await statsRepo.insertMany(trx, table, rows, meta, wrote);
    }
    await recordAudit(trx, actor, {
      action: "stats.import",
      entityType: "stats_import",
      entityId: row.id,
      details: {
        year,
        fileName: input.fileName,
        sha256,
        rows: total,
        schools: plan.schools,
        areas: plan.areas,
        rewrittenRows: toWrite,
        changedValues: diff.changedValues,
        blankedValues: plan.blankedCount,
        changedPerSchool: diff.perSchool,
        // which values changed (school, element, before → after), the first MAX_AUDITED_CHANGES of them
        sample: diff.sample,
        sampleTruncated: diff.changedValues > diff.sample.length,
      },
    });
    // stopped (the job's time limit) while writing: roll everything back
    signal?.throwIfAborted();
    return row;
  });
  await analyzeAfterImport(db, [
    ...(schoolRows.length === 0 ? [] : (["school_stats"] as const)),
    ...(areaRows.length === 0 ? [] : (["population_stats"] as const)),
  ]);
  return { id: importRow.id, applied: true, ...summary };
}
