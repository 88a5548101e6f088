/**
 * The indicator engine (指标计算): evaluates a compiled formula for every org unit and year in one pass
 * over the rows. Each row adds its per-record values to the accumulators of itself and all its ancestors
 * (学校 → 乡镇 → 县 → 市 → 省); the formula is then applied to each unit's sums — so a county's ratio is
 * Σ numerators ÷ Σ denominators of its schools, never an average of school ratios. Only the rows of the
 * output years and of each aggregate's look-back (year − lag) are visited. Division by zero gives null
 * with an issue, never NaN.
 */
import type { CompulsoryPartRules } from "../evaluation/compulsory-part.ts";
import type { Issue } from "../issues.ts";
import type { ExprNode } from "./ast.ts";
import type { AggregatePlan, CompiledExpression, LagGroup } from "./compile.ts";
import { evaluateFormula } from "./formula-vector.ts";
import { compileFilter, elementColumn, ensureColumns, type PreparedRows } from "./prepared-rows.ts";

/** Values of one indicator for many units and years; index = unit × years.length + year. */
export interface IndicatorTable {
  code: string;
  unitCodes: readonly string[];
  years: readonly number[];
  /** The value; 0 where `isDefined` is 0. */
  values: Float64Array;
  /** 1 where the value exists (no division by zero, data present). */
  isDefined: Uint8Array;
  /** 分子 and 分母 (before the factor) when the formula is a ratio, else null. */
  numerators: Float64Array | null;
  denominators: Float64Array | null;
}

/** One unit-year value read from a table. */
export interface IndicatorValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** Options of {@link evaluateCompiled}. */
export interface EvaluateOptions {
  /** Output years (default: every year with rows). Lagged data may come from earlier years. */
  years?: readonly number[];
  /** Division-by-zero issues listed one by one before they are summarised (default 20). */
  maxIssues?: number;
  /** Aggregates shared with the other formulas of a batch (see {@link shareAggregates}). */
  aggregates?: AggregateCache;
  /** 教学点 policy and split weights of the `compulsory.*` elements, when rows are prepared here. */
  compulsoryRules?: CompulsoryPartRules;
}

/**
 * Aggregates shared by the formulas of one batch: a catalogue sums 在校生 or 专任教师 of a level in
 * several indicators, and with a cache each distinct aggregate is accumulated once. Made by
 * {@link shareAggregates} from the batch's plans; it serves one PreparedRows and one list of output years
 * (the first it is used with; it is bypassed for others). An entry is dropped once its last user read it.
 */
export interface AggregateCache {
  /** Aggregate key → users not yet served. */
  readonly uses: Map<string, number>;
  /** Aggregate key → its cells and the per-record divisions by zero met while accumulating them. */
  readonly kept: Map<string, { cells: Float64Array; zeroDivisions: number }>;
  /** The rows and the output years the cache serves (set by its first use). */
  boundTo: { rows: PreparedRows; years: string } | null;
}

/** An aggregate's identity: its plan without source positions. */
function aggregateKey(plan: AggregatePlan): string {
  return JSON.stringify(plan, (key, value: unknown) => (key === "pos" ? undefined : value));
}

/** A cache for evaluating `plans` as one batch over the same rows and years. */
export function shareAggregates(plans: Iterable<CompiledExpression>): AggregateCache {
  const uses = new Map<string, number>();
  for (const plan of plans) {
    for (const a of plan.aggregates) {
      const key = aggregateKey(a);
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  return { uses, kept: new Map(), boundTo: null };
}

type RowFn = (r: number) => number;

/** Compiles a per-record expression to a closure over the prepared columns. */
function compileRowExpr(p: PreparedRows, node: ExprNode, zeroDivisions: { count: number }): RowFn {
  switch (node.kind) {
    case "number": {
      const v = node.value;
      return () => v;
    }
    case "element": {
      const col = elementColumn(p, node.code);
      return (r) => col[r] ?? 0;
    }
    case "negate": {
      const f = compileRowExpr(p, node.operand, zeroDivisions);
      return (r) => -f(r);
    }
    case "binary": {
      const a = compileRowExpr(p, node.left, zeroDivisions);
      const b = compileRowExpr(p, node.right, zeroDivisions);
      switch (node.op) {
        case "+":
          return (r) => a(r) + b(r);
        case "-":
          return (r) => a(r) - b(r);
        case "*":
          return (r) => a(r) * b(r);
        case "/":
          return (r) => {
            const d = b(r);
            if (d === 0) {
              zeroDivisions.count += 1;
              return 0;
            }
            return a(r) / d;
          };
      }
      return () => 0;
    }
    case "scalar": {
      const fs = node.args.map((x) => compileRowExpr(p, x, zeroDivisions));
      const pick = node.name === "min" ? Math.min : Math.max;
      return (r) => pick(...fs.map((f) => f(r)));
    }
    case "aggregate":
      return () => 0;
  }
}

/**
 * The output years an aggregate can fill: `index` into the output years and `offset` = year − minYear,
 * for the years inside the rows' range (others keep the aggregate's empty value).
 */
interface OutYear {
  index: number;
  offset: number;
}

/**
 * Accumulates one aggregate into cells[unit × nYears + output year index]. Only the rows of the years
 * the output needs are visited: for a lag group, the rows of each output year minus the lag (so a
 * catalogue over 10 years never walks the 招生 history that only its @-9 formulas read). Each cell
 * receives its rows in row order, as a walk over all rows would give them. On a tree each row is added
 * to its own unit only and the cells are then rolled up children-first; otherwise each row is added to
 * every ancestor.
 */
function accumulate(
  p: PreparedRows,
  plan: AggregatePlan,
  cells: Float64Array,
  nYears: number,
  outYears: readonly OutYear[],
  zeroDivisions: { count: number },
): void {
  const span = p.yearSpan;
  const { targetStart, targets, schoolType, rowUnit, isTree, yearRunStart, yearRuns } = p;
  const pass = plan.filter === null ? null : compileFilter(p, plan.filter);
  const isMax = plan.name === "maxOf";
  const isMin = plan.name === "minOf";
  const isExtreme = isMax || isMin;
  if (isExtreme) {
    cells.fill(Number.NaN);
  }
  const combine = (i: number, v: number): void => {
    const old = cells[i] ?? 0;
    cells[i] = !isExtreme ? old + v : Number.isNaN(old) || (isMax ? v > old : v < old) ? v : old;
  };
  const add = (r: number, j: number, v: number): void => {
    if (isTree) {
      combine((rowUnit[r] ?? 0) * nYears + j, v);
      return;
    }
    for (let k = targetStart[r] ?? 0, end = targetStart[r + 1] ?? 0; k < end; k++) {
      combine((targets[k] ?? 0) * nYears + j, v);
    }
  };
  /** Calls `visit(r)` for each row of year offset `ry` (nothing when outside the rows' range). */
  const eachRow = (ry: number, visit: (r: number) => void): void => {
    if (ry < 0 || ry >= span) {
      return;
    }
    for (let k = yearRunStart[ry] ?? 0, kEnd = yearRunStart[ry + 1] ?? 0; k < kEnd; k++) {
      for (let r = yearRuns[2 * k] ?? 0, end = yearRuns[2 * k + 1] ?? 0; r < end; r++) {
        visit(r);
      }
    }
  };
  if (plan.name === "count") {
    for (const { index: j, offset } of outYears) {
      eachRow(offset, (r) => {
        if ((schoolType[r] ?? -1) >= 0 && (pass === null || pass(r))) {
          add(r, j, 1);
        }
      });
    }
  }
  const onlySchools = plan.scope === "school";
  const onlyAreas = plan.scope === "area";
  for (const g of plan.groups) {
    const lag = g.lag;
    if (g.linear?.codes.length === 1 && g.linear.coefs[0] === 1 && !isExtreme && isTree && pass === null) {
      // Fast path: one element, no filter (absent elements are 0, so the scope needs no check).
      const col = elementColumn(p, g.linear.codes[0] ?? "");
      for (const { index: j, offset } of outYears) {
        const ry = offset - lag;
        if (ry < 0 || ry >= span) {
          continue;
        }
        for (let k = yearRunStart[ry] ?? 0, kEnd = yearRunStart[ry + 1] ?? 0; k < kEnd; k++) {
          for (let r = yearRuns[2 * k] ?? 0, end = yearRuns[2 * k + 1] ?? 0; r < end; r++) {
            const v = col[r] ?? 0;
            if (v !== 0) {
              const i = (rowUnit[r] ?? 0) * nYears + j;
              cells[i] = (cells[i] ?? 0) + v;
            }
          }
        }
      }
      continue;
    }
    if (g.linear !== null && !isExtreme && isTree) {
      // A sum of elements (filtered or scoped) on a tree: the same sums as below, without a call per row.
      const cols = g.linear.codes.map((c) => elementColumn(p, c));
      const coefs = Float64Array.from(g.linear.coefs);
      const m = cols.length;
      for (const { index: j, offset } of outYears) {
        const ry = offset - lag;
        if (ry < 0 || ry >= span) {
          continue;
        }
        for (let k = yearRunStart[ry] ?? 0, kEnd = yearRunStart[ry + 1] ?? 0; k < kEnd; k++) {
          for (let r = yearRuns[2 * k] ?? 0, end = yearRuns[2 * k + 1] ?? 0; r < end; r++) {
            const isSchool = (schoolType[r] ?? -1) >= 0;
            if ((onlySchools && !isSchool) || (onlyAreas && isSchool) || (pass !== null && !pass(r))) {
              continue;
            }
            let v: number;
            if (m === 1 && coefs[0] === 1) {
              v = (cols[0] as Float64Array)[r] ?? 0;
            } else {
              v = 0;
              for (let c = 0; c < m; c++) {
                v += (coefs[c] ?? 0) * ((cols[c] as Float64Array)[r] ?? 0);
              }
            }
            if (v !== 0) {
              const i = (rowUnit[r] ?? 0) * nYears + j;
              cells[i] = (cells[i] ?? 0) + v;
            }
          }
        }
      }
      continue;
    }
    const value = groupValue(p, g, zeroDivisions);
    for (const { index: j, offset } of outYears) {
      eachRow(offset - lag, (r) => {
        if (pass !== null && !pass(r)) {
          return;
        }
        const isSchool = (schoolType[r] ?? -1) >= 0;
        if ((onlySchools && !isSchool) || (onlyAreas && isSchool)) {
          return;
        }
        const v = value(r);
        if (v !== 0 || isExtreme) {
          add(r, j, v);
        }
      });
    }
  }
  if (isTree) {
    rollUp(p, cells, nYears, outYears, isExtreme ? (isMax ? "max" : "min") : "sum");
  }
}

/** Adds (or maxes/mins) children into parents, deepest units first, for the filled years only. */
function rollUp(
  p: PreparedRows,
  cells: Float64Array,
  nYears: number,
  outYears: readonly OutYear[],
  how: "sum" | "max" | "min",
): void {
  const { rollupOrder, parentUnit } = p;
  const js = Int32Array.from(outYears, (o) => o.index);
  for (let k = 0; k < rollupOrder.length; k++) {
    const u = rollupOrder[k] ?? 0;
    const parent = parentUnit[u] ?? -1;
    if (parent < 0) {
      continue;
    }
    for (let t = 0; t < js.length; t++) {
      const j = js[t] ?? 0;
      const from = cells[u * nYears + j] ?? 0;
      const i = parent * nYears + j;
      if (how === "sum") {
        cells[i] = (cells[i] ?? 0) + from;
      } else if (!Number.isNaN(from)) {
        const old = cells[i] ?? Number.NaN;
        cells[i] = Number.isNaN(old) || (how === "max" ? from > old : from < old) ? from : old;
      }
    }
  }
}

/** The per-row value of a lag group: linear combinations read columns directly. */
function groupValue(p: PreparedRows, g: LagGroup, zeroDivisions: { count: number }): RowFn {
  if (g.linear === null) {
    return compileRowExpr(p, g.expr, zeroDivisions);
  }
  const cols = g.linear.codes.map((c) => elementColumn(p, c));
  const coefs = g.linear.coefs;
  if (cols.length === 1 && coefs[0] === 1) {
    const col = cols[0] as Float64Array;
    return (r) => col[r] ?? 0;
  }
  const m = cols.length;
  return (r) => {
    let s = 0;
    for (let j = 0; j < m; j++) {
      s += (coefs[j] ?? 0) * ((cols[j] as Float64Array)[r] ?? 0);
    }
    return s;
  };
}

/**
 * Evaluates one compiled formula for every unit the rows reach and every output year. Issues:
 * `division-by-zero` (warning; value null — listed for the first `maxIssues` cells, then summarised),
 * `row-division-by-zero` (warning: a per-record division inside an aggregate, counted as 0; only rows
 * that feed an output year are counted).
 */
export function evaluateCompiled(
  p: PreparedRows,
  code: string,
  compiled: CompiledExpression,
  options: EvaluateOptions = {},
): { table: IndicatorTable; issues: Issue[] } {
  const nUnits = p.unitCodes.length;
  const years = options.years ?? p.years;
  const maxIssues = options.maxIssues ?? 20;
  const zeroDivisions = { count: 0 };
  const nYears = years.length;
  const outYears: OutYear[] = [];
  years.forEach((year, index) => {
    const offset = year - p.minYear;
    if (offset >= 0 && offset < p.yearSpan) {
      outYears.push({ index, offset });
    }
  });
  ensureColumns(p, compiled.elements);
  const size = nUnits * nYears;
  const cache = options.aggregates;
  const yearsKey = years.join(",");
  if (cache !== undefined && cache.boundTo === null) {
    cache.boundTo = { rows: p, years: yearsKey };
  }
  const shared =
    cache !== undefined && cache.boundTo?.rows === p && cache.boundTo.years === yearsKey ? cache : null;
  const cells = compiled.aggregates.map((plan) => {
    const key = shared === null ? "" : aggregateKey(plan);
    const left = shared === null ? 0 : (shared.uses.get(key) ?? 0) - 1;
    if (shared !== null && left >= 0) {
      shared.uses.set(key, left);
    }
    const kept = shared?.kept.get(key);
    if (kept !== undefined) {
      zeroDivisions.count += kept.zeroDivisions;
      if (left <= 0) {
        shared?.kept.delete(key);
      }
      return kept.cells;
    }
    const c = new Float64Array(size);
    const own = { count: 0 };
    accumulate(p, plan, c, nYears, outYears, own);
    zeroDivisions.count += own.count;
    if (shared !== null && left > 0) {
      shared.kept.set(key, { cells: c, zeroDivisions: own.count });
    }
    return c;
  });
  const divisionByZero = new Uint8Array(size);
  const values = evaluateFormula(compiled.formula, cells, size, divisionByZero);
  const ratio = compiled.ratio;
  const scratch = new Uint8Array(size);
  const numerators = ratio === null ? null : evaluateFormula(ratio.numerator, cells, size, scratch);
  const denominators = ratio === null ? null : evaluateFormula(ratio.denominator, cells, size, scratch);
  const isDefined = new Uint8Array(size);
  const issues: Issue[] = [];
  let undefinedByZero = 0;
  for (let i = 0; i < size; i++) {
    if (Number.isFinite(values[i] ?? Number.NaN)) {
      isDefined[i] = 1;
    } else {
      values[i] = 0;
      if (divisionByZero[i] === 1) {
        undefinedByZero += 1;
        if (undefinedByZero <= maxIssues) {
          const unitCode = p.unitCodes[Math.floor(i / nYears)] ?? "";
          const year = years[i % nYears];
          issues.push({
            code: "division-by-zero",
            severity: "warning",
            message: `${unitCode} ${year ?? ""}年：分母为 0，指标“${code}”无法计算`,
            where: { unitCode, year, indicator: code },
          });
        }
      }
    }
    if (numerators !== null && !Number.isFinite(numerators[i] ?? 0)) {
      numerators[i] = 0;
    }
    if (denominators !== null && !Number.isFinite(denominators[i] ?? 0)) {
      denominators[i] = 0;
    }
  }
  if (undefinedByZero > maxIssues) {
    issues.push({
      code: "division-by-zero",
      severity: "warning",
      message: `另有 ${undefinedByZero - maxIssues} 个单位年度的指标“${code}”分母为 0，无法计算`,
      where: { indicator: code },
    });
  }
  if (zeroDivisions.count > 0) {
    issues.push({
      code: "row-division-by-zero",
      severity: "warning",
      message: `指标“${code}”有 ${zeroDivisions.count} 条记录内的除法分母为 0，已按 0 计`,
      where: { indicator: code },
    });
  }
  return {
    table: { code, unitCodes: p.unitCodes, years: [...years], values, isDefined, numerators, denominators },
    issues,
  };
}

/** The value of one unit and year in a table, or null when the unit or year is not in it. */
export function tableValue(table: IndicatorTable, unitCode: string, year: number): IndicatorValue | null {
  const u = table.unitCodes.indexOf(unitCode);
  const yi = table.years.indexOf(year);
  if (u < 0 || yi < 0) {
    return null;
  }
  const i = u * table.years.length + yi;
  const value = table.isDefined[i] === 1 ? (table.values[i] ?? null) : null;
  if (table.numerators === null || table.denominators === null) {
    return { value };
  }
  return { value, numerator: table.numerators[i] ?? 0, denominator: table.denominators[i] ?? 0 };
}
