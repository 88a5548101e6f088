/**
 * The indicator engine (指标计算): evaluates a compiled formula for every org unit and year in one pass
 * over the rows. Each row adds its per-record values to the accumulators of itself and all its ancestors
 * (学校 → 乡镇 → 县 → 市 → 省); the formula is then applied to each unit's sums — so a county's ratio is
 * Σ numerators ÷ Σ denominators of its schools, never an average of school ratios. Division by zero gives
 * null with an issue, never NaN.
 */
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
 * Accumulates one aggregate into acc[unit × span + year]. On a tree each row is added to its own unit
 * only and the output years are then rolled up children-first; otherwise each row is added to every
 * ancestor.
 */
function accumulate(
  p: PreparedRows,
  plan: AggregatePlan,
  acc: Float64Array,
  outYears: Int32Array,
  zeroDivisions: { count: number },
): void {
  const span = p.yearSpan;
  const { rowYear, targetStart, targets, schoolType, rowUnit, isTree } = p;
  const pass = plan.filter === null ? null : compileFilter(p, plan.filter);
  const isMax = plan.name === "maxOf";
  const isMin = plan.name === "minOf";
  const isExtreme = isMax || isMin;
  if (isExtreme) {
    acc.fill(Number.NaN);
  }
  const combine = (i: number, v: number): void => {
    const old = acc[i] ?? 0;
    acc[i] = !isExtreme ? old + v : Number.isNaN(old) || (isMax ? v > old : v < old) ? v : old;
  };
  const add = (r: number, y: number, v: number): void => {
    if (isTree) {
      combine((rowUnit[r] ?? 0) * span + y, v);
      return;
    }
    for (let k = targetStart[r] ?? 0, end = targetStart[r + 1] ?? 0; k < end; k++) {
      combine((targets[k] ?? 0) * span + y, v);
    }
  };
  if (plan.name === "count") {
    for (let r = 0; r < p.rowCount; r++) {
      if ((schoolType[r] ?? -1) >= 0 && (pass === null || pass(r))) {
        add(r, rowYear[r] ?? 0, 1);
      }
    }
  }
  const onlySchools = plan.scope === "school";
  const onlyAreas = plan.scope === "area";
  for (const g of plan.groups) {
    const lag = g.lag;
    if (g.linear?.codes.length === 1 && g.linear.coefs[0] === 1 && !isExtreme && isTree && pass === null) {
      // Fast path: one element, no filter (absent elements are 0, so the scope needs no check).
      const col = elementColumn(p, g.linear.codes[0] ?? "");
      for (let r = 0; r < p.rowCount; r++) {
        const v = col[r] ?? 0;
        const y = (rowYear[r] ?? 0) + lag;
        if (v !== 0 && y < span) {
          const i = (rowUnit[r] ?? 0) * span + y;
          acc[i] = (acc[i] ?? 0) + v;
        }
      }
      continue;
    }
    const value = groupValue(p, g, zeroDivisions);
    for (let r = 0; r < p.rowCount; r++) {
      const y = (rowYear[r] ?? 0) + lag;
      if (y >= span || (pass !== null && !pass(r))) {
        continue;
      }
      const isSchool = (schoolType[r] ?? -1) >= 0;
      if ((onlySchools && !isSchool) || (onlyAreas && isSchool)) {
        continue;
      }
      const v = value(r);
      if (v !== 0 || isExtreme) {
        add(r, y, v);
      }
    }
  }
  if (isTree) {
    rollUp(p, acc, outYears, isExtreme ? (isMax ? "max" : "min") : "sum");
  }
}

/** Adds (or maxes/mins) children into parents, deepest units first, for the output years only. */
function rollUp(p: PreparedRows, acc: Float64Array, outYears: Int32Array, how: "sum" | "max" | "min"): void {
  const span = p.yearSpan;
  const { rollupOrder, parentUnit } = p;
  for (let k = 0; k < rollupOrder.length; k++) {
    const u = rollupOrder[k] ?? 0;
    const parent = parentUnit[u] ?? -1;
    if (parent < 0) {
      continue;
    }
    for (let j = 0; j < outYears.length; j++) {
      const y = outYears[j] ?? 0;
      const from = acc[u * span + y] ?? 0;
      const i = parent * span + y;
      if (how === "sum") {
        acc[i] = (acc[i] ?? 0) + from;
      } else if (!Number.isNaN(from)) {
        const old = acc[i] ?? Number.NaN;
        acc[i] = Number.isNaN(old) || (how === "max" ? from > old : from < old) ? from : old;
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

/** Each aggregate's values at the output years: cells[u × nYears + yi]. */
function gatherCells(
  p: PreparedRows,
  plan: AggregatePlan,
  acc: Float64Array,
  years: readonly number[],
): Float64Array {
  const span = p.yearSpan;
  const nYears = years.length;
  const nUnits = p.unitCodes.length;
  const cells = new Float64Array(nUnits * nYears);
  const missing = plan.name === "sum" || plan.name === "count" ? 0 : Number.NaN;
  const offsets = years.map((year) => year - p.minYear);
  for (let u = 0; u < nUnits; u++) {
    const base = u * span;
    const out = u * nYears;
    for (let yi = 0; yi < nYears; yi++) {
      const y = offsets[yi] ?? -1;
      cells[out + yi] = y >= 0 && y < span ? (acc[base + y] ?? 0) : missing;
    }
  }
  return cells;
}

/**
 * Evaluates one compiled formula for every unit the rows reach and every output year. Issues:
 * `division-by-zero` (warning; value null — listed for the first `maxIssues` cells, then summarised),
 * `row-division-by-zero` (warning: a per-record division inside an aggregate, counted as 0).
 */
export function evaluateCompiled(
  p: PreparedRows,
  code: string,
  compiled: CompiledExpression,
  options: EvaluateOptions = {},
): { table: IndicatorTable; issues: Issue[] } {
  const span = p.yearSpan;
  const nUnits = p.unitCodes.length;
  const years = options.years ?? p.years;
  const maxIssues = options.maxIssues ?? 20;
  const zeroDivisions = { count: 0 };
  const nYears = years.length;
  const outYears = Int32Array.from(years.map((y) => y - p.minYear).filter((y) => y >= 0 && y < span));
  ensureColumns(p, compiled.elements);
  const acc = new Float64Array(nUnits * Math.max(span, 0));
  const cells = compiled.aggregates.map((plan) => {
    acc.fill(0);
    accumulate(p, plan, acc, outYears, zeroDivisions);
    return gatherCells(p, plan, acc, years);
  });
  const size = nUnits * nYears;
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
