/**
 * 统计数据导入: one year's school statistics and 乡镇 population from a template file (.xlsx / .csv),
 * checked with the domain's rules and stored all or nothing — any error and nothing is written.
 */
import { createHash } from "node:crypto";
import type { Issue } from "@luoshi/domain";
import type { SchoolType } from "@luoshi/domain/org";
import {
  STATS_SHEETS,
  STATS_SHEET_LABELS,
  matchHeaders,
  mergeParsedRows,
  parseTemplateRow,
  sheetByName,
  validateRecordValues,
  type HeaderBinding,
  type ParsedRow,
  type StatsSheet,
} from "@luoshi/domain/stats";
import { statsRepo, type StatValuesInsert } from "@luoshi/db";
import { analyzeAfterImport } from "./stats-import-write.ts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { readStatsFile, type StatsFileSheet } from "./stats-file.service.ts";
import { diffStatValues, scopeUnits, type ScopeUnit } from "./stats-scope.service.ts";

/** A problem in an upload, located by sheet, 1-based row and column header. */
export interface StatsProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** What an import stored. */
export interface StatsImportResult {
  id: string;
  year: number;
  fileName: string;
  /** Data rows read, all sheets. */
  rows: number;
  schools: number;
  areas: number;
  /** Values that differ from what was stored for the year before. */
  changedValues: number;
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

/** The template sheet a file sheet stands for: by name for .xlsx, by best header match for .csv. */
function bindSheet(s: StatsFileSheet): { binding: HeaderBinding; issues: Issue[] } | null {
  if (s.name !== "") {
    const sheet = sheetByName(s.name);
    return sheet === null ? null : matchHeaders(sheet, s.headers);
  }
  let best: { binding: HeaderBinding; issues: Issue[]; bound: number } | null = null;
  for (const sheet of STATS_SHEETS) {
    const m = matchHeaders(sheet, s.headers);
    const bound = m.binding.columns.filter((c) => c?.element !== undefined).length;
    if (
      best === null ||
      m.issues.length < best.issues.length ||
      (m.issues.length === best.issues.length && bound > best.bound)
    ) {
      best = { ...m, bound };
    }
  }
  return best;
}

/** Rows that name a unit outside the scope, or no unit at all, become problems; `forbidden` counts the former. */
function checkUnits(
  rows: readonly ParsedRow[],
  units: ReadonlyMap<string, ScopeUnit>,
  outside: ReadonlySet<string>,
): { problems: Issue[]; forbidden: Issue[] } {
  const problems: Issue[] = [];
  const forbidden: Issue[] = [];
  for (const r of rows) {
    const isArea = r.sheet === "population";
    const code = isArea ? r.areaCode : r.schoolCode;
    if (code === undefined) {
      continue;
    }
    const column = isArea ? "乡镇代码" : "学校标识码";
    const where = { sheet: STATS_SHEET_LABELS[r.sheet], row: r.row, column };
    const u = units.get(code);
    if (outside.has(code)) {
      forbidden.push({
        code: "unit-out-of-scope",
        severity: "error",
        message: `“${code}”不在您的管辖范围内，无权导入其数据`,
        where,
      });
    } else if (
      u === undefined ||
      (isArea ? u.kind === "school" || u.kind === "department" : u.kind !== "school")
    ) {
      problems.push({
        code: "unknown-unit",
        severity: "error",
        message: `${isArea ? "乡镇代码" : "学校标识码"}“${code}”不是已登记的${isArea ? "乡镇（街道）" : "学校"}`,
        where,
      });
    }
  }
  return { problems, forbidden };
}

/**
 * 导入统计数据 for one 统计年度. Reads every sheet, ties school and 乡镇 codes to org units in the actor's
 * scope (a code outside it: 403), checks each row and each merged record (negative values, parts that
 * do not add up, 专任教师 > 教职工 …; 10× last year's value is a warning). Any error: `validation-failed`
 * with `details.problems` (first 200) and nothing written. Otherwise the year's rows in the scope are
 * replaced — school rows when the file has school sheets, population rows when it has 人口 — in one
 * transaction with one `stats.import` audit row that counts the changed values per school and lists the
 * first {@link MAX_AUDITED_CHANGES} of them (school, element, before → after; a school of the scope missing
 * from the file loses its year, so its values count as changed to null). `onProgress` hears each stage.
 */
export async function importStatistics(
  deps: ServiceDeps,
  actor: Actor,
  input: { fileName: string; year: number; bytes: Uint8Array },
  onProgress?: StatsProgress,
): Promise<StatsImportResult> {
  authorize(actor, "stats.write");
  const { db } = deps.handle;
  const { year } = input;
  onProgress?.(0, 1, "reading");
  const sheets = await readStatsFile(input.bytes, input.fileName);
  onProgress?.(1, 1, "reading");
  const scope = await scopeUnits(db, actor.scope);
  const stored = await statsRepo.listInScope(db, "school_stats", actor.scope, year - 1, year);
  const previous = new Map(stored.filter((r) => r.year === year - 1).map((r) => [r.code, r.values]));
  const current = new Map(stored.filter((r) => r.year === year).map((r) => [r.code, r.values]));

  const issues: Issue[] = [];
  const parsed: ParsedRow[] = [];
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const present = new Set<StatsSheet>();
  onProgress?.(0, total, "validating");
  for (const s of sheets) {
    const bound = bindSheet(s);
    if (bound === null) {
      if (s.rows.length > 0) {
        issues.push({
          code: "unknown-sheet",
          severity: "error",
          message: `表“${s.name}”不是模板中的表（应为${STATS_SHEETS.map((k) => STATS_SHEET_LABELS[k]).join("、")}）`,
          where: { sheet: s.name, row: 1, column: "" },
        });
      }
      continue;
    }
    issues.push(...bound.issues);
    if (bound.issues.length > 0) {
      continue;
    }
    present.add(bound.binding.sheet);
    const codeColumn = bound.binding.columns.findIndex((c) => c?.field === "schoolCode");
    for (const r of s.rows) {
      const code = codeColumn < 0 ? "" : String(r.cells[codeColumn] ?? "").trim();
      const schoolType = scope.byCode.get(code)?.schoolType ?? undefined;
      const p = parseTemplateRow(
        bound.binding,
        r.cells,
        r.row,
        schoolType === undefined ? {} : { schoolType },
      );
      issues.push(...p.issues);
      if (p.row !== null) {
        if (p.row.year !== year) {
          issues.push({
            code: "wrong-year",
            severity: "error",
            message: `统计年度应为 ${year}，实为 ${p.row.year ?? ""}`,
            where: { sheet: bound.binding.sheetName, row: r.row, column: "统计年度" },
          });
        }
        parsed.push(p.row);
      }
      done++;
      if (onProgress !== undefined && (done % 500 === 0 || done === total)) {
        onProgress(done, total, "validating");
      }
    }
  }
  const codes = new Set(parsed.map((r) => (r.sheet === "population" ? r.areaCode : r.schoolCode) ?? ""));
  const outside = await scope.outside(
    db,
    [...codes].filter((c) => c !== "" && !scope.byCode.has(c)),
  );
  const units = checkUnits(parsed, scope.byCode, outside);
  if (units.forbidden.length > 0) {
    throw new AppError(
      "forbidden",
      `${units.forbidden[0]?.message ?? ""}（共 ${units.forbidden.length} 行）`,
      {
        problems: units.forbidden.slice(0, MAX_PROBLEMS).map(toProblem),
      },
    );
  }
  issues.push(...units.problems);
  const merged = mergeParsedRows(parsed);
  issues.push(...merged.issues);
  issues.push(...crossSheetIssues(parsed, merged.records, scope.byCode, previous, issues));

  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new AppError(
      "validation-failed",
      `统计数据有 ${errors.length} 处错误，未导入：${errors[0]?.message ?? ""}`,
      {
        problems: errors.slice(0, MAX_PROBLEMS).map(toProblem),
        problemCount: errors.length,
      },
    );
  }
  if (merged.records.length === 0 && merged.population.length === 0) {
    throw new AppError("validation-failed", "文件中没有可导入的数据行", {
      problems: [{ sheet: "", row: 0, column: "", message: "文件中没有可导入的数据行" }],
    });
  }
  const idOf = (code: string): string => scope.byCode.get(code)?.id ?? "";
  const schoolRows: StatValuesInsert[] = merged.records.map((r) => ({
    orgUnitId: idOf(r.schoolCode),
    year,
    values: r.values,
  }));
  const areaRows: StatValuesInsert[] = merged.population.map((r) => ({
    orgUnitId: idOf(r.areaCode),
    year,
    values: r.values,
  }));
  const hasSchoolSheets = [...present].some((s) => s !== "population");
  // Schools of the scope that had the year and are not in the file lose it: their values change too.
  const imported = new Set(merged.records.map((r) => r.schoolCode));
  const dropped = hasSchoolSheets
    ? [...current.keys()]
        .filter((code) => !imported.has(code))
        .map((code) => ({ schoolCode: code, values: {} }))
    : [];
  const diff = diffStatValues(current, [...merged.records, ...dropped], MAX_AUDITED_CHANGES);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");

  const toWrite =
    (hasSchoolSheets ? schoolRows.length : 0) + (present.has("population") ? areaRows.length : 0);
  let written = 0;
  const wrote = (n: number): void => {
    written += n;
    onProgress?.(written, toWrite, "writing");
  };
  onProgress?.(0, toWrite, "writing");
  const importRow = await db.transaction().execute(async (trx) => {
    const row = await statsRepo.insertImport(trx, {
      org_unit_id: scope.root?.id ?? null,
      year,
      file_name: input.fileName,
      sha256,
      rows: total,
      imported_by: actor.userId,
    });
    const meta = { importId: row.id, importedBy: actor.userId };
    let removed = 0;
    if (hasSchoolSheets) {
      removed += await statsRepo.deleteYearInScope(trx, "school_stats", actor.scope, year);
      await statsRepo.insertMany(trx, "school_stats", schoolRows, meta, wrote);
    }
    if (present.has("population")) {
      await statsRepo.deleteYearInScope(trx, "population_stats", actor.scope, year);
      await statsRepo.insertMany(trx, "population_stats", areaRows, meta, wrote);
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
        schools: schoolRows.length,
        areas: areaRows.length,
        replacedSchoolRows: removed,
        changedValues: diff.changedValues,
        changedPerSchool: diff.perSchool,
        // which values changed (school, element, before → after), the first MAX_AUDITED_CHANGES of them
        sample: diff.sample,
        sampleTruncated: diff.changedValues > diff.sample.length,
      },
    });
    return row;
  });
  await analyzeAfterImport(db, [
    ...(hasSchoolSheets ? (["school_stats"] as const) : []),
    ...(present.has("population") ? (["population_stats"] as const) : []),
  ]);
  return {
    id: importRow.id,
    year,
    fileName: input.fileName,
    rows: total,
    schools: schoolRows.length,
    areas: areaRows.length,
    changedValues: diff.changedValues,
    warnings: issues
      .filter((i) => i.severity === "warning")
      .slice(0, MAX_PROBLEMS)
      .map(toProblem),
  };
}

/**
 * Checks of each merged school record that span sheets (专任教师 on 教师 vs 教职工 on 学校基本情况) and the
 * 10× year-on-year warning; issues already found on a single row are not repeated.
 */
function crossSheetIssues(
  rows: readonly ParsedRow[],
  records: ReturnType<typeof mergeParsedRows>["records"],
  units: ReadonlyMap<string, ScopeUnit>,
  previous: ReadonlyMap<string, Record<string, number>>,
  known: readonly Issue[],
): Issue[] {
  const key = (i: Issue) =>
    `${i.code}|${String(i.where?.sheet)}|${String(i.where?.row)}|${String(i.where?.column)}`;
  const seen = new Set(known.map(key));
  // A school's rows, to locate an element's cell only when an issue needs it (a map entry per cell
  // would cost millions of keys on a province's file).
  const rowsOf = new Map<string, ParsedRow[]>();
  for (const r of rows) {
    if (r.schoolCode !== undefined) {
      const list = rowsOf.get(r.schoolCode);
      if (list === undefined) {
        rowsOf.set(r.schoolCode, [r]);
      } else {
        list.push(r);
      }
    }
  }
  const locate = (school: string, element: string) => {
    for (const r of rowsOf.get(school) ?? []) {
      const column = r.columnOf[element];
      if (column !== undefined) {
        return { sheet: STATS_SHEET_LABELS[r.sheet], row: r.row, column };
      }
    }
    return { column: element };
  };
  const out: Issue[] = [];
  for (const rec of records) {
    const schoolType: SchoolType | undefined = units.get(rec.schoolCode)?.schoolType ?? undefined;
    const prev = previous.get(rec.schoolCode);
    const found = validateRecordValues(rec.values, {
      ...(schoolType === undefined ? {} : { schoolType }),
      ...(prev === undefined ? {} : { previous: prev }),
      locate: (code) => locate(rec.schoolCode, code),
    });
    for (const i of found) {
      if (!seen.has(key(i))) {
        seen.add(key(i));
        out.push({ ...i, message: `${rec.schoolCode}：${i.message}` });
      }
    }
  }
  return out;
}
