/**
 * 统计数据导入, the pure part: from the sheets of an uploaded file and what is stored, to the rows to
 * write and the audit's change summary — or the problems that stop the import. The service only reads
 * the file and the database, calls {@link parseImportSheets}, looks up the codes it names outside the
 * scope, calls {@link planStatsImport} and writes what the plan says.
 */
import type { Issue } from "../issues.ts";
import type { OrgKind, SchoolType } from "../org/org-unit.ts";
import { STATS_SHEETS, STATS_SHEET_LABELS, type StatsSheet } from "./data-elements.ts";
import { sheetByName, TEMPLATE_HELP_SHEETS } from "./template.ts";
import {
  matchHeaders,
  mergeParsedRows,
  parseTemplateRow,
  type Cell,
  type HeaderBinding,
  type ParsedRow,
} from "./template-parse.ts";
import { validateRecordValues } from "./validation.ts";

/** One sheet of an uploaded file: its name ("" for .csv), header row and numbered data rows. */
export interface ImportSheet {
  name: string;
  headers: Cell[];
  rows: { row: number; cells: Cell[] }[];
}

/** An org unit of the importer's scope, as the checks need it. */
export interface ImportUnit {
  id: string;
  kind: OrgKind;
  schoolType: SchoolType | null;
}

/** The rows of every sheet, parsed: before the units they name are checked. */
export interface ParsedImport {
  rows: ParsedRow[];
  issues: Issue[];
  /** Template sheets the file holds (bound without header problems). */
  present: Set<StatsSheet>;
  /** Data rows read, all sheets. */
  total: number;
}

/** The template sheet a file sheet stands for: by name for .xlsx, by best header match for .csv. */
export function bindSheet(s: ImportSheet): { binding: HeaderBinding; issues: Issue[] } | null {
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

/**
 * Binds each sheet to the template and parses its rows for `year` (a school's type, from `units`,
 * decides which elements apply). `onRow` hears rows checked: every 500th and the last.
 */
export function parseImportSheets(
  sheets: readonly ImportSheet[],
  year: number,
  units: ReadonlyMap<string, ImportUnit>,
  onRow?: (done: number, total: number) => void,
): ParsedImport {
  const issues: Issue[] = [];
  const rows: ParsedRow[] = [];
  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const present = new Set<StatsSheet>();
  for (const s of sheets) {
    if (TEMPLATE_HELP_SHEETS.includes(s.name.trim())) {
      continue; // the downloaded template's 填写说明 and 可选值
    }
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
      const schoolType = units.get(code)?.schoolType ?? null;
      const p = parseTemplateRow(bound.binding, r.cells, r.row, schoolType === null ? {} : { schoolType });
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
        rows.push(p.row);
      }
      done++;
      if (onRow !== undefined && (done % 500 === 0 || done === total)) {
        onRow(done, total);
      }
    }
  }
  return { rows, issues, present, total };
}

/** The school and 乡镇 codes the rows name that are not units of the scope: to look up elsewhere. */
export function codesOutsideScope(rows: readonly ParsedRow[], units: ReadonlyMap<string, unknown>): string[] {
  const codes = new Set(rows.map((r) => (r.sheet === "population" ? r.areaCode : r.schoolCode) ?? ""));
  return [...codes].filter((c) => c !== "" && !units.has(c));
}

/** Rows that name a unit outside the scope, or no unit at all, become problems; `forbidden` counts the former. */
export function checkImportUnits(
  rows: readonly ParsedRow[],
  units: ReadonlyMap<string, ImportUnit>,
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
 * Checks of each merged school record that span sheets (专任教师 on 教师 vs 教职工 on 学校基本情况) and the
 * 10× year-on-year warning; issues already found on a single row are not repeated.
 */
export function crossSheetIssues(
  rows: readonly ParsedRow[],
  records: ReturnType<typeof mergeParsedRows>["records"],
  units: ReadonlyMap<string, ImportUnit>,
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
    const schoolType = units.get(rec.schoolCode)?.schoolType ?? null;
    const prev = previous.get(rec.schoolCode);
    const found = validateRecordValues(rec.values, {
      ...(schoolType === null ? {} : { schoolType }),
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

/** One changed value, for the audit sample. */
export interface StatChange {
  code: string;
  element: string;
  before: number | null;
  after: number | null;
}

/** Changed values between what is stored and what is imported: a count per school and a short sample. */
export function diffStatValues(
  stored: ReadonlyMap<string, Readonly<Record<string, number>>>,
  records: readonly { schoolCode: string; values: Readonly<Partial<Record<string, number>>> }[],
  sampleSize = 20,
): { changedValues: number; perSchool: Record<string, number>; sample: StatChange[] } {
  const perSchool: Record<string, number> = {};
  const sample: StatChange[] = [];
  let changedValues = 0;
  for (const r of records) {
    const before = stored.get(r.schoolCode) ?? {};
    const keys = new Set([...Object.keys(before), ...Object.keys(r.values)]);
    let n = 0;
    for (const k of keys) {
      const a = before[k] ?? null;
      const b = r.values[k] ?? null;
      if (a !== b) {
        n++;
        if (sample.length < sampleSize) {
          sample.push({ code: r.schoolCode, element: k, before: a, after: b });
        }
      }
    }
    if (n > 0) {
      perSchool[r.schoolCode] = n;
      changedValues += n;
    }
  }
  return { changedValues, perSchool, sample };
}

/** A row to write: the unit's id, the year and its values (the whole row after the import). */
export interface StatWriteRow {
  orgUnitId: string;
  year: number;
  values: Readonly<Partial<Record<string, number>>>;
}

/** A value the import blanks: its column is in the file, its cell empty, and a value is stored. */
export interface BlankedValue extends StatChange {
  sheet: string;
  row: number;
  column: string;
}

/**
 * What an import writes: the rows it changes (only those), their changes for the audit and preview, and
 * the stored values it blanks. A file changes only what it covers: a school or 乡镇 not in the file, and
 * an element whose column the file lacks, keep their stored values.
 */
export interface StatsWritePlan {
  /** School rows that change (whole rows after the import); empty when none. */
  schoolRows: StatWriteRow[];
  /** 乡镇 rows that change. */
  areaRows: StatWriteRow[];
  /** Schools and 乡镇 in the file (whether or not their values change). */
  schools: number;
  areas: number;
  diff: ReturnType<typeof diffStatValues>;
  /** Stored values the file blanks (an empty cell in a column it has), with where; first `sampleSize`. */
  blanked: BlankedValue[];
  blankedCount: number;
  /** Findings that do not stop the import (10× last year's value …). */
  warnings: Issue[];
}

/** The outcome of checking an import: refused (out of scope), invalid, empty, or a plan to write. */
export type StatsImportOutcome =
  | { kind: "forbidden"; issues: Issue[] }
  | { kind: "invalid"; errors: Issue[] }
  | { kind: "empty" }
  | { kind: "write"; plan: StatsWritePlan };

/**
 * The rows after the import: each record's stored values, with the file's values set and the elements
 * it clears removed. Only rows whose values change are returned.
 */
function mergeOntoStored(
  records: readonly { code: string; values: Readonly<Partial<Record<string, number>>> }[],
  cleared: ReadonlyMap<string, ReadonlyMap<string, { sheet: string; row: number; column: string }>>,
  stored: ReadonlyMap<string, Readonly<Record<string, number>>>,
  sampleSize: number,
  blanked: BlankedValue[],
): { after: Map<string, Record<string, number>>; blankedCount: number } {
  const after = new Map<string, Record<string, number>>();
  let blankedCount = 0;
  for (const r of records) {
    const before = stored.get(r.code) ?? {};
    const merged = new Map(Object.entries(before));
    for (const [k, v] of Object.entries(r.values)) {
      if (v !== undefined) {
        merged.set(k, v);
      }
    }
    for (const [element, where] of cleared.get(r.code) ?? []) {
      const old = merged.get(element);
      if (r.values[element] === undefined && old !== undefined) {
        blankedCount++;
        if (blanked.length < sampleSize) {
          blanked.push({ ...where, code: r.code, element, before: old, after: null });
        }
        merged.delete(element);
      }
    }
    const next = Object.fromEntries(merged);
    const keys = new Set([...Object.keys(before), ...Object.keys(next)]);
    if ([...keys].some((k) => before[k] !== next[k])) {
      after.set(r.code, next);
    }
  }
  return { after, blankedCount };
}

/** Per unit code, the elements its rows leave empty in a column the file has, with where. */
function clearedByUnit(
  rows: readonly ParsedRow[],
): Map<string, Map<string, { sheet: string; row: number; column: string }>> {
  const out = new Map<string, Map<string, { sheet: string; row: number; column: string }>>();
  for (const r of rows) {
    const code = r.sheet === "population" ? r.areaCode : r.schoolCode;
    if (code === undefined || r.cleared === undefined) {
      continue;
    }
    const map = out.get(code) ?? new Map<string, { sheet: string; row: number; column: string }>();
    out.set(code, map);
    for (const e of r.cleared) {
      if (!map.has(e)) {
        map.set(e, { sheet: STATS_SHEET_LABELS[r.sheet], row: r.row, column: r.columnOf[e] ?? e });
      }
    }
  }
  return out;
}

/**
 * Checks parsed rows against the scope's units (`outside`: codes that name units elsewhere) and the
 * stored year (`current` school rows, `currentAreas` 乡镇 rows) and the year before (`previous`, for the
 * 10× warning), then plans the write. A file changes only what it covers: each school or 乡镇 in the
 * file keeps its stored values except those the file gives (set) or leaves empty in a column it has
 * (blanked, and listed); units not in the file are not touched. The first `sampleSize` changes are listed.
 */
export function planStatsImport(input: {
  year: number;
  parsed: ParsedImport;
  units: ReadonlyMap<string, ImportUnit>;
  outside: ReadonlySet<string>;
  previous: ReadonlyMap<string, Record<string, number>>;
  current: ReadonlyMap<string, Record<string, number>>;
  currentAreas?: ReadonlyMap<string, Record<string, number>>;
  sampleSize: number;
}): StatsImportOutcome {
  const { year, parsed, units } = input;
  const checked = checkImportUnits(parsed.rows, units, input.outside);
  if (checked.forbidden.length > 0) {
    return { kind: "forbidden", issues: checked.forbidden };
  }
  const issues = [...parsed.issues, ...checked.problems];
  const merged = mergeParsedRows(parsed.rows);
  issues.push(...merged.issues);
  issues.push(...crossSheetIssues(parsed.rows, merged.records, units, input.previous, issues));
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    return { kind: "invalid", errors };
  }
  if (merged.records.length === 0 && merged.population.length === 0) {
    return { kind: "empty" };
  }
  const idOf = (code: string): string => units.get(code)?.id ?? "";
  const cleared = clearedByUnit(parsed.rows);
  const blanked: BlankedValue[] = [];
  const schools = mergeOntoStored(
    merged.records.map((r) => ({ code: r.schoolCode, values: r.values })),
    cleared,
    input.current,
    input.sampleSize,
    blanked,
  );
  const currentAreas = input.currentAreas ?? new Map<string, Record<string, number>>();
  const areas = mergeOntoStored(
    merged.population.map((r) => ({ code: r.areaCode, values: r.values })),
    cleared,
    currentAreas,
    input.sampleSize,
    blanked,
  );
  const toRows = (after: Map<string, Record<string, number>>): StatWriteRow[] =>
    [...after].map(([code, values]) => ({ orgUnitId: idOf(code), year, values }));
  return {
    kind: "write",
    plan: {
      schoolRows: toRows(schools.after),
      areaRows: toRows(areas.after),
      schools: merged.records.length,
      areas: merged.population.length,
      diff: diffStatValues(
        new Map([...input.current, ...currentAreas]),
        [...schools.after, ...areas.after].map(([code, values]) => ({ schoolCode: code, values })),
        input.sampleSize,
      ),
      blanked,
      blankedCount: schools.blankedCount + areas.blankedCount,
      warnings: issues.filter((i) => i.severity === "warning"),
    },
  };
}
