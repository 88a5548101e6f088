/**
 * Compiles a parsed 指标表达式 into an evaluation plan: the aggregates (each a filter and, per year lag,
 * a per-record expression — linear ones as coefficient lists, the fast path) and the formula over the
 * aggregated values. Checks element codes against the data element catalogue.
 */
import type { Issue } from "../issues.ts";
import { DATA_ELEMENT_INDEX, type DataElement } from "../stats/data-elements.ts";
import type { AggregateName, ExprNode, FilterNode, IndicatorExpression, ScalarFunctionName } from "./ast.ts";
import { parseIndicatorExpression } from "./parser.ts";

/** A per-record expression for the records of one year offset, linear when possible. */
export interface LagGroup {
  /** Records of `year − lag` feed the value of `year`. */
  lag: number;
  expr: ExprNode;
  /** Σ coefs[k] × element codes[k], when the expression is such a sum (the fast path). */
  linear: { codes: string[]; coefs: number[] } | null;
}

/** One aggregate of the formula. */
export interface AggregatePlan {
  name: AggregateName;
  /** Local filter AND the expression's global `where`; null = every record. */
  filter: FilterNode | null;
  /** Empty for count(). */
  groups: LagGroup[];
  /** Rows it reads: school rows, area (population) rows, or both. */
  scope: "school" | "area" | "any";
}

/** The formula over aggregated values: aggregates are replaced by references. */
export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "ref"; index: number }
  | { kind: "negate"; operand: FormulaNode }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: FormulaNode; right: FormulaNode; pos: number }
  | { kind: "scalar"; name: ScalarFunctionName; args: FormulaNode[] };

/** A compiled indicator formula. */
export interface CompiledExpression {
  source: string;
  aggregates: AggregatePlan[];
  formula: FormulaNode;
  /** 分子 / 分母 and the constant factor when the formula is (numerator × factor) / denominator, possibly capped. */
  ratio: { numerator: FormulaNode; denominator: FormulaNode; factor: number } | null;
  /** Every element code the plan reads. */
  elements: string[];
}

const err = (code: string, message: string, pos: number): Issue => ({
  code,
  severity: "error",
  message,
  where: { offset: pos },
});

/** The constant value of a subtree made only of numbers, else null. */
export function constantValue(node: ExprNode): number | null {
  switch (node.kind) {
    case "number":
      return node.value;
    case "negate": {
      const v = constantValue(node.operand);
      return v === null ? null : -v;
    }
    case "binary": {
      const a = constantValue(node.left);
      const b = constantValue(node.right);
      if (a === null || b === null) {
        return null;
      }
      switch (node.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          return b === 0 ? null : a / b;
      }
      return null;
    }
    default:
      return null;
  }
}

/** Σ coef × element when `node` is such a sum (no constant term), else null. */
function linearForm(node: ExprNode): Map<string, number> | null {
  const scale = (m: Map<string, number> | null, k: number): Map<string, number> | null =>
    m === null ? null : new Map([...m].map(([c, v]) => [c, v * k]));
  switch (node.kind) {
    case "element":
      return new Map([[node.code, 1]]);
    case "negate":
      return scale(linearForm(node.operand), -1);
    case "binary": {
      if (node.op === "+" || node.op === "-") {
        const a = linearForm(node.left);
        const b = linearForm(node.right);
        if (a === null || b === null) {
          return null;
        }
        const out = new Map(a);
        for (const [c, v] of b) {
          out.set(c, (out.get(c) ?? 0) + (node.op === "+" ? v : -v));
        }
        return out;
      }
      const kr = constantValue(node.right);
      if (node.op === "*") {
        const kl = constantValue(node.left);
        return kr !== null
          ? scale(linearForm(node.left), kr)
          : kl !== null
            ? scale(linearForm(node.right), kl)
            : null;
      }
      return kr !== null && kr !== 0 ? scale(linearForm(node.left), 1 / kr) : null;
    }
    default:
      return null;
  }
}

function collectLags(node: ExprNode, into: Set<number>): void {
  switch (node.kind) {
    case "element":
      into.add(node.lag);
      return;
    case "negate":
      collectLags(node.operand, into);
      return;
    case "binary":
      collectLags(node.left, into);
      collectLags(node.right, into);
      return;
    case "scalar":
      node.args.forEach((a) => {
        collectLags(a, into);
      });
      return;
    default:
      return;
  }
}

/** Splits a per-record expression into additive parts by lag; a non-additive part must use one lag. */
function splitByLag(node: ExprNode, negate: boolean, parts: Map<number, ExprNode[]>, issues: Issue[]): void {
  if (node.kind === "binary" && (node.op === "+" || node.op === "-")) {
    splitByLag(node.left, negate, parts, issues);
    splitByLag(node.right, node.op === "-" ? !negate : negate, parts, issues);
    return;
  }
  if (node.kind === "negate") {
    splitByLag(node.operand, !negate, parts, issues);
    return;
  }
  const lags = new Set<number>();
  collectLags(node, lags);
  if (lags.size > 1) {
    issues.push(
      err("mixed-lag", `第 ${node.pos + 1} 个字符处：乘除运算中不能混用不同年份（@-n）的数据`, node.pos),
    );
    return;
  }
  const lag = lags.size === 0 ? 0 : ([...lags][0] ?? 0);
  const list = parts.get(lag) ?? [];
  list.push(negate ? { kind: "negate", operand: node, pos: node.pos } : node);
  parts.set(lag, list);
}

function checkRecordExpr(node: ExprNode, agg: AggregateName, elements: Set<string>, issues: Issue[]): void {
  switch (node.kind) {
    case "element": {
      const e: DataElement | undefined = DATA_ELEMENT_INDEX.get(node.code);
      if (e === undefined) {
        issues.push(
          err("unknown-data-element", `第 ${node.pos + 1} 个字符处的数据元素“${node.code}”不存在`, node.pos),
        );
      } else if (!e.isAdditive && agg === "sum") {
        issues.push(
          err(
            "non-additive-element",
            `第 ${node.pos + 1} 个字符处：“${e.label}”不能求和，请用 maxOf()`,
            node.pos,
          ),
        );
      }
      elements.add(node.code);
      return;
    }
    case "negate":
      checkRecordExpr(node.operand, agg, elements, issues);
      return;
    case "binary":
      checkRecordExpr(node.left, agg, elements, issues);
      checkRecordExpr(node.right, agg, elements, issues);
      return;
    case "scalar":
      node.args.forEach((a) => {
        checkRecordExpr(a, agg, elements, issues);
      });
      return;
    case "aggregate":
      issues.push(err("nested-aggregate", `第 ${node.pos + 1} 个字符处：聚合函数不能嵌套`, node.pos));
      return;
    case "number":
      return;
  }
}

const and = (a: FilterNode | null, b: FilterNode | null): FilterNode | null =>
  a === null ? b : b === null ? a : { kind: "and", left: a, right: b, pos: a.pos };

/** Compiles a parsed expression; issues are errors when the plan cannot be used. */
export function compileExpression(expression: IndicatorExpression): {
  compiled?: CompiledExpression;
  issues: Issue[];
} {
  const issues: Issue[] = [];
  const aggregates: AggregatePlan[] = [];
  const elements = new Set<string>();

  const addAggregate = (
    name: AggregateName,
    arg: ExprNode | null,
    filter: FilterNode | null,
  ): FormulaNode => {
    const groups: LagGroup[] = [];
    if (arg !== null) {
      checkRecordExpr(arg, name, elements, issues);
      const parts = new Map<number, ExprNode[]>();
      if (name === "sum") {
        splitByLag(arg, false, parts, issues);
      } else {
        const lags = new Set<number>();
        collectLags(arg, lags);
        if (lags.size > 1) {
          issues.push(
            err("mixed-lag", `第 ${arg.pos + 1} 个字符处：${name}() 中不能混用不同年份的数据`, arg.pos),
          );
        }
        parts.set([...lags][0] ?? 0, [arg]);
      }
      for (const [lag, list] of [...parts].sort((a, b) => a[0] - b[0])) {
        const first = list[0];
        if (first === undefined) {
          continue;
        }
        const merged = list
          .slice(1)
          .reduce<ExprNode>(
            (acc, p) => ({ kind: "binary", op: "+", left: acc, right: p, pos: acc.pos }),
            first,
          );
        const lin = name === "sum" ? linearForm(merged) : null;
        groups.push({
          lag,
          expr: merged,
          linear: lin === null ? null : { codes: [...lin.keys()], coefs: [...lin.values()] },
        });
      }
    }
    const scopes = new Set<string>();
    if (arg !== null) {
      const codes = new Set<string>();
      checkRecordExpr(arg, name, codes, []);
      for (const c of codes) {
        scopes.add(DATA_ELEMENT_INDEX.get(c)?.scope ?? "school");
      }
    }
    const scope =
      scopes.size === 1 ? ([...scopes][0] as "school" | "area") : name === "count" ? "school" : "any";
    aggregates.push({ name, filter: and(filter, expression.filter), groups, scope });
    return { kind: "ref", index: aggregates.length - 1 };
  };

  const formulaOf = (node: ExprNode): FormulaNode => {
    switch (node.kind) {
      case "number":
        return { kind: "number", value: node.value };
      case "element":
        return addAggregate("sum", node, null);
      case "aggregate":
        return addAggregate(node.name, node.arg, node.filter);
      case "negate":
        return { kind: "negate", operand: formulaOf(node.operand) };
      case "binary":
        return {
          kind: "binary",
          op: node.op,
          left: formulaOf(node.left),
          right: formulaOf(node.right),
          pos: node.pos,
        };
      case "scalar":
        return { kind: "scalar", name: node.name, args: node.args.map(formulaOf) };
    }
  };

  const formula = formulaOf(expression.expr);
  if (issues.length > 0) {
    return { issues };
  }
  return {
    compiled: {
      source: expression.source,
      aggregates,
      formula,
      ratio: findRatio(formula),
      elements: [...elements],
    },
    issues,
  };
}

function formulaConstant(node: FormulaNode): number | null {
  if (node.kind === "number") {
    return node.value;
  }
  if (node.kind === "negate") {
    const v = formulaConstant(node.operand);
    return v === null ? null : -v;
  }
  return null;
}

/** Finds (numerator × factor) / denominator at the top of a formula, looking through min/max caps. */
function findRatio(node: FormulaNode): CompiledExpression["ratio"] {
  if (node.kind === "scalar") {
    const varying = node.args.filter((a) => formulaConstant(a) === null);
    return varying.length === 1 && varying[0] !== undefined ? findRatio(varying[0]) : null;
  }
  if (node.kind !== "binary" || node.op !== "/") {
    return null;
  }
  const left = node.left;
  if (left.kind === "binary" && left.op === "*") {
    const kr = formulaConstant(left.right);
    const kl = formulaConstant(left.left);
    if (kr !== null) {
      return { numerator: left.left, denominator: node.right, factor: kr };
    }
    if (kl !== null) {
      return { numerator: left.right, denominator: node.right, factor: kl };
    }
  }
  return { numerator: left, denominator: node.right, factor: 1 };
}

/** Parses and compiles a formula in one step. */
export function compileIndicatorSource(source: string): { compiled?: CompiledExpression; issues: Issue[] } {
  const parsed = parseIndicatorExpression(source);
  if (parsed.expression === undefined) {
    return { issues: parsed.issues };
  }
  return compileExpression(parsed.expression);
}
