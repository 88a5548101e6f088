/**
 * Column store of statistic rows for the indicator engine: unit and year indexes, the ancestor lists as
 * flat integer arrays, school attributes as small integers, and one Float64Array per data element —
 * built lazily, only for the elements a formula reads.
 */
import {
  OWNERSHIPS,
  SCHOOL_TYPES,
  URBAN_RURAL,
  type Ownership,
  type SchoolType,
  type UrbanRural,
} from "../org/org-unit.ts";
import { findDataElement } from "../stats/data-elements.ts";
import { compulsoryPart, type CompulsoryPartRules } from "../evaluation/compulsory-part.ts";
import { NATIONAL_RULE_SET } from "../evaluation/rule-set.ts";
import { EDU_LEVELS, SCHOOL_TYPE_LEVELS, type EduLevel } from "../stats/levels.ts";
import type { FilterAttribute, FilterNode } from "./ast.ts";
import type { StatRow } from "./rows.ts";

/** Rows in column form; create with {@link prepareRows}. Columns are cached on first use. */
export interface PreparedRows {
  rowCount: number;
  /** First year of the contiguous year range covered by the rows. */
  minYear: number;
  /** Number of years from minYear to the last year with rows. */
  yearSpan: number;
  /** Distinct years with at least one row, ascending. */
  years: readonly number[];
  unitCodes: readonly string[];
  unitIndex: ReadonlyMap<string, number>;
  /** Year − minYear of each row. */
  rowYear: Int32Array;
  /**
   * The rows of each year as runs of consecutive row numbers, so that the engine visits only the years
   * a formula needs: the runs of year offset y are yearRuns[2k] … yearRuns[2k+1]−1 for k from
   * yearRunStart[y] to yearRunStart[y+1]−1, in row order.
   */
  yearRunStart: Int32Array;
  yearRuns: Int32Array;
  /** Row r counts towards units targets[targetStart[r] … targetStart[r+1]−1]. */
  targetStart: Int32Array;
  targets: Int32Array;
  /** Index in SCHOOL_TYPES, −1 for area rows. */
  schoolType: Int8Array;
  urbanRural: Int8Array;
  ownership: Int8Array;
  inclusive: Uint8Array;
  /** Bit i set when the school type provides EDU_LEVELS[i]. */
  levelMask: Int32Array;
  /** Each row's own unit (the first of its ancestors). */
  rowUnit: Int32Array;
  /** Parent unit of each unit (−1 for roots), when every row agrees on it. */
  parentUnit: Int32Array;
  /** Units deepest first: summing children into parents in this order rolls values up the tree. */
  rollupOrder: Int32Array;
  /** False when rows disagree about a unit's parent; the engine then adds each row to every ancestor. */
  isTree: boolean;
  /** Element code → one value per row (0 when absent). */
  columns: Map<string, Float64Array>;
  /** The source rows (read when a column is first built). */
  rows: readonly StatRow[];
  /** The rules of the 义务教育 part of a school (`compulsory.*` elements); default the national set's. */
  compulsoryRules: CompulsoryPartRules;
}

/** Indexes rows once; reuse the result for every indicator and year. */
export function prepareRows(
  rows: readonly StatRow[],
  compulsoryRules: CompulsoryPartRules = NATIONAL_RULE_SET,
): PreparedRows {
  const n = rows.length;
  const unitIndex = new Map<string, number>();
  const unitCodes: string[] = [];
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  let targetCount = 0;
  for (const r of rows) {
    minYear = Math.min(minYear, r.year);
    maxYear = Math.max(maxYear, r.year);
    targetCount += r.ancestors.length;
  }
  if (n === 0) {
    minYear = 0;
    maxYear = -1;
  }
  const rowYear = new Int32Array(n);
  const targetStart = new Int32Array(n + 1);
  const targets = new Int32Array(targetCount);
  const schoolType = new Int8Array(n);
  const urbanRural = new Int8Array(n);
  const ownership = new Int8Array(n);
  const inclusive = new Uint8Array(n);
  const levelMask = new Int32Array(n);
  const seenYears = new Set<number>();
  const typeIndex = new Map<SchoolType, number>(SCHOOL_TYPES.map((t, i) => [t, i]));
  const urIndex = new Map<UrbanRural, number>(URBAN_RURAL.map((t, i) => [t, i]));
  const ownIndex = new Map<Ownership, number>(OWNERSHIPS.map((t, i) => [t, i]));
  const maskOf = new Map<SchoolType, number>(
    SCHOOL_TYPES.map((t) => [t, SCHOOL_TYPE_LEVELS[t].reduce((m, l) => m | (1 << EDU_LEVELS.indexOf(l)), 0)]),
  );
  // Rows of one unit share its ancestor list: index each distinct list once.
  const chainUnits = new Map<readonly string[], Int32Array>();
  const parentUnit0: number[] = [];
  const depth0: number[] = [];
  let isTree = true;
  const chainOf = (ancestors: readonly string[]): Int32Array => {
    let units = chainUnits.get(ancestors);
    if (units !== undefined) {
      return units;
    }
    units = new Int32Array(ancestors.length);
    for (let j = 0; j < ancestors.length; j++) {
      const code = ancestors[j] ?? "";
      let u = unitIndex.get(code);
      if (u === undefined) {
        u = unitCodes.length;
        unitIndex.set(code, u);
        unitCodes.push(code);
        parentUnit0.push(-1);
        depth0.push(0);
      }
      units[j] = u;
    }
    const end = units.length;
    for (let j = 0; j < end; j++) {
      const u = units[j] ?? 0;
      const parent = j + 1 < end ? (units[j + 1] ?? -1) : -1;
      const known = parentUnit0[u] ?? -1;
      if (known === -1 && parent !== -1) {
        parentUnit0[u] = parent;
      } else if (known !== parent) {
        isTree = false;
      }
      depth0[u] = end - 1 - j;
    }
    chainUnits.set(ancestors, units);
    return units;
  };
  const rowUnit = new Int32Array(n);
  let k = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r] as StatRow;
    seenYears.add(row.year);
    rowYear[r] = row.year - minYear;
    targetStart[r] = k;
    const units = chainOf(row.ancestors);
    rowUnit[r] = units[0] ?? 0;
    targets.set(units, k);
    k += units.length;
    const s = row.school;
    if (s === undefined) {
      schoolType[r] = -1;
      urbanRural[r] = -1;
      ownership[r] = -1;
    } else {
      schoolType[r] = typeIndex.get(s.schoolType) ?? -1;
      urbanRural[r] = urIndex.get(s.urbanRural) ?? -1;
      ownership[r] = ownIndex.get(s.ownership) ?? -1;
      inclusive[r] = s.isInclusive ? 1 : 0;
      levelMask[r] = maskOf.get(s.schoolType) ?? 0;
    }
  }
  targetStart[n] = k;
  const parentUnit = Int32Array.from(parentUnit0);
  const depth = Int32Array.from(depth0);
  const rollupOrder = Int32Array.from(unitCodes.keys()).sort((a, b) => (depth[b] ?? 0) - (depth[a] ?? 0));
  const { yearRunStart, yearRuns } = runsByYear(rowYear, maxYear - minYear + 1);
  return {
    yearRunStart,
    yearRuns,
    rowUnit,
    parentUnit,
    rollupOrder,
    isTree,
    rowCount: n,
    minYear,
    yearSpan: maxYear - minYear + 1,
    years: [...seenYears].sort((a, b) => a - b),
    unitCodes,
    unitIndex,
    rowYear,
    targetStart,
    targets,
    schoolType,
    urbanRural,
    ownership,
    inclusive,
    levelMask,
    columns: new Map(),
    rows,
    compulsoryRules: {
      teachingPointPolicy: compulsoryRules.teachingPointPolicy,
      splitWeights: compulsoryRules.splitWeights,
    },
  };
}

/** Groups rows into runs of consecutive rows of one year, listed year by year (see PreparedRows). */
function runsByYear(rowYear: Int32Array, span: number): { yearRunStart: Int32Array; yearRuns: Int32Array } {
  const n = rowYear.length;
  const counts = new Int32Array(Math.max(span, 0) + 1);
  let runs = 0;
  for (let r = 0; r < n; r++) {
    if (r === 0 || rowYear[r] !== rowYear[r - 1]) {
      counts[(rowYear[r] ?? 0) + 1] = (counts[(rowYear[r] ?? 0) + 1] ?? 0) + 1;
      runs++;
    }
  }
  const yearRunStart = new Int32Array(counts.length);
  for (let y = 1; y < counts.length; y++) {
    yearRunStart[y] = (yearRunStart[y - 1] ?? 0) + (counts[y] ?? 0);
  }
  const next = Int32Array.from(yearRunStart);
  const yearRuns = new Int32Array(2 * runs);
  for (let r = 0; r < n;) {
    const y = rowYear[r] ?? 0;
    let end = r + 1;
    while (end < n && rowYear[end] === y) {
      end++;
    }
    const k = next[y] ?? 0;
    next[y] = k + 1;
    yearRuns[2 * k] = r;
    yearRuns[2 * k + 1] = end;
    r = end;
  }
  return { yearRunStart, yearRuns };
}

/**
 * Builds the columns of many base elements in one pass over the rows (each row's own keys are visited
 * once), which is much faster than one keyed lookup per element and row.
 */
export function ensureColumns(p: PreparedRows, codes: Iterable<string>): void {
  const wanted = new Map<string, Float64Array>();
  const derived: string[] = [];
  for (const code of codes) {
    if (p.columns.has(code) || wanted.has(code)) {
      continue;
    }
    const element = findDataElement(code);
    const parts = element?.sumOf ?? element?.computedFrom;
    if (parts === undefined) {
      wanted.set(code, new Float64Array(p.rowCount));
    } else {
      derived.push(code);
      for (const part of parts) {
        if (!p.columns.has(part) && !wanted.has(part)) {
          wanted.set(part, new Float64Array(p.rowCount));
        }
      }
    }
  }
  if (wanted.size > 0) {
    const rows = p.rows;
    for (let r = 0; r < p.rowCount; r++) {
      const values = (rows[r] as StatRow).values;
      for (const key in values) {
        const col = wanted.get(key);
        if (col !== undefined) {
          col[r] = values[key] ?? 0;
        }
      }
    }
    for (const [code, col] of wanted) {
      p.columns.set(code, col);
    }
  }
  for (const code of derived) {
    elementColumn(p, code);
  }
}

/** The column of `code` (derived elements summed from their parts), built on first use. */
export function elementColumn(p: PreparedRows, code: string): Float64Array {
  const cached = p.columns.get(code);
  if (cached !== undefined) {
    return cached;
  }
  const element = findDataElement(code);
  if (element?.computedFrom !== undefined) {
    const col = compulsoryColumn(p, code);
    p.columns.set(code, col);
    return col;
  }
  const col = new Float64Array(p.rowCount);
  const parts = element?.sumOf;
  if (parts === undefined) {
    const rows = p.rows;
    for (let r = 0; r < p.rowCount; r++) {
      const v = (rows[r] as StatRow).values[code];
      if (v !== undefined) {
        col[r] = v;
      }
    }
  } else {
    for (const part of parts) {
      const pc = elementColumn(p, part);
      for (let r = 0; r < p.rowCount; r++) {
        col[r] = (col[r] ?? 0) + (pc[r] ?? 0);
      }
    }
  }
  p.columns.set(code, col);
  return col;
}

/** A row predicate over prepared attributes. */
export type RowPredicate = (row: number) => boolean;

/** Compiles a filter; area rows (no school attributes) always pass. */
export function compileFilter(p: PreparedRows, filter: FilterNode): RowPredicate {
  const inner = compileFilterNode(p, filter);
  const type = p.schoolType;
  return (r) => (type[r] ?? -1) < 0 || inner(r);
}

function compileFilterNode(p: PreparedRows, f: FilterNode): RowPredicate {
  switch (f.kind) {
    case "and": {
      const a = compileFilterNode(p, f.left);
      const b = compileFilterNode(p, f.right);
      return (r) => a(r) && b(r);
    }
    case "or": {
      const a = compileFilterNode(p, f.left);
      const b = compileFilterNode(p, f.right);
      return (r) => a(r) || b(r);
    }
    case "not": {
      const a = compileFilterNode(p, f.operand);
      return (r) => !a(r);
    }
    case "compare": {
      const test = compareTest(p, f.attribute, f.values);
      return f.negated ? (r) => !test(r) : test;
    }
  }
}

function compareTest(p: PreparedRows, attribute: FilterAttribute, values: readonly string[]): RowPredicate {
  const indexSet = (all: readonly string[]): Uint8Array => {
    const set = new Uint8Array(all.length + 1);
    for (const v of values) {
      const i = all.indexOf(v);
      if (i >= 0) {
        set[i] = 1;
      }
    }
    return set;
  };
  switch (attribute) {
    case "schoolType": {
      const set = indexSet(SCHOOL_TYPES);
      const col = p.schoolType;
      return (r) => set[col[r] ?? -1] === 1;
    }
    case "urbanRural": {
      const set = indexSet(URBAN_RURAL);
      const col = p.urbanRural;
      return (r) => set[col[r] ?? -1] === 1;
    }
    case "ownership": {
      const set = indexSet(OWNERSHIPS);
      const col = p.ownership;
      return (r) => set[col[r] ?? -1] === 1;
    }
    case "level": {
      const mask = values.reduce((m, v) => m | (1 << EDU_LEVELS.indexOf(v as EduLevel)), 0);
      const col = p.levelMask;
      return (r) => ((col[r] ?? 0) & mask) !== 0;
    }
    default: {
      const wanted: readonly number[] = values.map((v) => (v === "true" ? 1 : 0));
      const col = p.inclusive;
      return (r) => wanted.includes(col[r] ?? 0);
    }
  }
}

/** Each row's 义务教育 part (share of facilities, pupils counted), computed once per prepared rows. */
const compulsoryParts = new WeakMap<PreparedRows, { share: Float64Array; pupils: Float64Array }>();

/**
 * A `compulsory.*` column: `compulsory.pupils` is each school's 义务教育 pupils counted, `compulsory.X`
 * its facility total X times its 义务教育 share — by the evaluation's rule ({@link compulsoryPart}) and
 * the prepared rows' 教学点 policy and split weights. Area rows have none.
 */
function compulsoryColumn(p: PreparedRows, code: string): Float64Array {
  let parts = compulsoryParts.get(p);
  if (parts === undefined) {
    const primary = elementColumn(p, "pupils.primary");
    const junior = elementColumn(p, "pupils.junior");
    const senior = elementColumn(p, "pupils.senior");
    const share = new Float64Array(p.rowCount);
    const pupils = new Float64Array(p.rowCount);
    for (let r = 0; r < p.rowCount; r++) {
      const type = SCHOOL_TYPES[p.schoolType[r] ?? -1];
      if (type === undefined) {
        continue;
      }
      const students = { primary: primary[r] ?? 0, junior: junior[r] ?? 0, senior: senior[r] ?? 0 };
      const part = compulsoryPart(type, students, p.compulsoryRules);
      share[r] = part.share;
      pupils[r] = part.pupils;
    }
    parts = { share, pupils };
    compulsoryParts.set(p, parts);
  }
  if (code === "compulsory.pupils") {
    return parts.pupils;
  }
  const base = elementColumn(p, code.slice("compulsory.".length));
  const col = new Float64Array(p.rowCount);
  for (let r = 0; r < p.rowCount; r++) {
    col[r] = (base[r] ?? 0) * (parts.share[r] ?? 0);
  }
  return col;
}
