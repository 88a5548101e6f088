/**
 * Evaluates a formula over aggregated values for all cells (unit × year) at once, one tight loop per
 * node, instead of a closure call per cell. NaN marks an undefined cell inside this module only; the
 * engine turns it into `isDefined = 0` before anything leaves.
 */
import type { FormulaNode } from "./compile.ts";

type Vec = { scalar: number } | { vec: Float64Array };

function evalNode(node: FormulaNode, cells: readonly Float64Array[], size: number, zero: Uint8Array): Vec {
  switch (node.kind) {
    case "number":
      return { scalar: node.value };
    case "ref":
      return { vec: cells[node.index] ?? new Float64Array(size).fill(Number.NaN) };
    case "negate": {
      const a = evalNode(node.operand, cells, size, zero);
      return "scalar" in a ? { scalar: -a.scalar } : { vec: a.vec.map((x) => -x) };
    }
    case "binary": {
      const a = evalNode(node.left, cells, size, zero);
      const b = evalNode(node.right, cells, size, zero);
      return {
        vec: binary(node.op, "vec" in a ? a.vec : a.scalar, "vec" in b ? b.vec : b.scalar, size, zero),
      };
    }
    case "scalar": {
      const args = node.args.map((x) => evalNode(x, cells, size, zero));
      const isMin = node.name === "min";
      const out = new Float64Array(size).fill(isMin ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
      for (const a of args) {
        for (let i = 0; i < size; i++) {
          const x = "vec" in a ? (a.vec[i] ?? Number.NaN) : a.scalar;
          const o = out[i] ?? 0;
          out[i] = Number.isNaN(x) || Number.isNaN(o) ? Number.NaN : isMin ? Math.min(o, x) : Math.max(o, x);
        }
      }
      return { vec: out };
    }
  }
}

/** One loop per operator and operand shape (vector or scalar), so the loop body has no branches. */
function binary(
  op: "+" | "-" | "*" | "/",
  a: Float64Array | number,
  b: Float64Array | number,
  size: number,
  zero: Uint8Array,
): Float64Array {
  const out = new Float64Array(size);
  const av = typeof a === "number" ? new Float64Array(size).fill(a) : a;
  if (op === "/") {
    // A division by zero makes the cell undefined and is remembered in `zero`.
    if (typeof b === "number") {
      if (b === 0) {
        out.fill(Number.NaN);
        zero.fill(1);
      } else {
        for (let i = 0; i < size; i++) {
          out[i] = (av[i] as number) / b;
        }
      }
      return out;
    }
    for (let i = 0; i < size; i++) {
      const y = b[i] as number;
      if (y === 0) {
        zero[i] = 1;
        out[i] = Number.NaN;
      } else {
        out[i] = (av[i] as number) / y;
      }
    }
    return out;
  }
  const bv = typeof b === "number" ? new Float64Array(size).fill(b) : b;
  switch (op) {
    case "+":
      for (let i = 0; i < size; i++) {
        out[i] = (av[i] as number) + (bv[i] as number);
      }
      break;
    case "-":
      for (let i = 0; i < size; i++) {
        out[i] = (av[i] as number) - (bv[i] as number);
      }
      break;
    case "*":
      for (let i = 0; i < size; i++) {
        out[i] = (av[i] as number) * (bv[i] as number);
      }
      break;
  }
  return out;
}

/**
 * The formula's value for every cell (a fresh array; NaN where undefined). `zero` gets 1 where a
 * division by zero made the cell undefined.
 */
export function evaluateFormula(
  node: FormulaNode,
  cells: readonly Float64Array[],
  size: number,
  zero: Uint8Array,
): Float64Array {
  const r = evalNode(node, cells, size, zero);
  if ("scalar" in r) {
    return new Float64Array(size).fill(r.scalar);
  }
  // A bare reference returns the aggregate's own cells: copy so that callers may modify the result.
  return node.kind === "ref" ? Float64Array.from(r.vec) : r.vec;
}
