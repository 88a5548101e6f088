/**
 * Recursive-descent parser of the 指标表达式 language:
 *
 * ```
 * indicator  := expr [ "where" filter ]
 * expr       := term (("+" | "-") term)*
 * term       := unary (("*" | "/") unary)*
 * unary      := "-" unary | primary
 * primary    := number | element ["@" "-" integer] | "(" expr ")"
 *             | aggregate "(" [expr] ["where" filter] ")" | scalar "(" expr ("," expr)+ ")"
 * filter     := conj ("or" conj)*        conj := neg ("and" neg)*
 * neg        := "not" neg | "(" filter ")" | attribute ("=" | "!=") value
 *             | attribute ["not"] "in" "(" value ("," value)* ")" | "inclusive"
 * ```
 *
 * Aggregates: sum, count, maxOf, minOf; scalars: min, max. An element outside an aggregate stands for
 * sum(element). Errors come back as issues with the offset of the offending token; nothing throws.
 */
import type { Issue } from "../issues.ts";
import { OWNERSHIP_LABELS, SCHOOL_TYPE_LABELS, URBAN_RURAL_LABELS } from "../org/org-unit.ts";
import { EDU_LEVEL_LABELS } from "../stats/levels.ts";
import {
  AGGREGATES,
  FILTER_ATTRIBUTES,
  SCALAR_FUNCTIONS,
  type AggregateName,
  type ExprNode,
  type FilterAttribute,
  type FilterNode,
  type IndicatorExpression,
  type ScalarFunctionName,
} from "./ast.ts";
import { tokenize, type Token } from "./tokenizer.ts";

/** Accepted spellings of each filter attribute's values → canonical key. */
export const FILTER_VALUES: Readonly<Record<FilterAttribute, ReadonlyMap<string, string>>> = {
  schoolType: vocabulary(SCHOOL_TYPE_LABELS, { 教学点: "teachingPoint", 初中: "junior", 高中: "senior" }),
  level: vocabulary(EDU_LEVEL_LABELS, { 高中: "senior", 特教: "special", 幼儿园: "preschool" }),
  urbanRural: vocabulary(URBAN_RURAL_LABELS, { 农村: "rural", 城镇: "town" }),
  ownership: vocabulary(OWNERSHIP_LABELS, {}),
  inclusive: new Map([
    ["true", "true"],
    ["false", "false"],
    ["是", "true"],
    ["否", "false"],
    ["普惠", "true"],
    ["非普惠", "false"],
  ]),
};

function vocabulary(
  labels: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>>,
): Map<string, string> {
  const m = new Map<string, string>();
  for (const [key, label] of Object.entries(labels)) {
    m.set(key, key);
    m.set(label, key);
  }
  for (const [word, key] of Object.entries(extra)) {
    m.set(word, key);
  }
  return m;
}

/** Internal: the first syntax error aborts the parse; it is turned into an issue at the top. */
class SyntaxProblem extends Error {
  readonly code: string;
  readonly pos: number;
  constructor(code: string, message: string, pos: number) {
    super(message);
    this.code = code;
    this.pos = pos;
  }
}

const describe = (t: Token): string => (t.kind === "eof" ? "表达式结尾" : `“${t.text}”`);

class Parser {
  private i = 0;
  private readonly tokens: readonly Token[];
  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? { kind: "eof", text: "", pos: 0 };
  }
  private next(): Token {
    const t = this.peek();
    this.i = Math.min(this.i + 1, this.tokens.length - 1);
    return t;
  }
  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === "op" && t.text === text;
  }
  private isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === "ident" && t.text.toLowerCase() === word;
  }
  private expectOp(text: string): Token {
    const t = this.peek();
    if (t.kind !== "op" || t.text !== text) {
      throw new SyntaxProblem(
        "expected-token",
        `第 ${t.pos + 1} 个字符处应为“${text}”，实为${describe(t)}`,
        t.pos,
      );
    }
    return this.next();
  }

  indicator(): { expr: ExprNode; filter: FilterNode | null } {
    const expr = this.expr();
    let filter: FilterNode | null = null;
    if (this.isWord("where")) {
      this.next();
      filter = this.filter();
    }
    const t = this.peek();
    if (t.kind !== "eof") {
      throw new SyntaxProblem("unexpected-token", `第 ${t.pos + 1} 个字符处多出${describe(t)}`, t.pos);
    }
    return { expr, filter };
  }

  private expr(): ExprNode {
    let left = this.term();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next();
      left = { kind: "binary", op: op.text as "+" | "-", left, right: this.term(), pos: op.pos };
    }
    return left;
  }

  private term(): ExprNode {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.next();
      left = { kind: "binary", op: op.text as "*" | "/", left, right: this.unary(), pos: op.pos };
    }
    return left;
  }

  private unary(): ExprNode {
    if (this.isOp("-")) {
      const op = this.next();
      return { kind: "negate", operand: this.unary(), pos: op.pos };
    }
    return this.primary();
  }

  private primary(): ExprNode {
    const t = this.next();
    if (t.kind === "number") {
      const value = Number(t.text);
      if (!Number.isFinite(value) || t.text.split(".").length > 2) {
        throw new SyntaxProblem("bad-number", `第 ${t.pos + 1} 个字符处的数字“${t.text}”无效`, t.pos);
      }
      return { kind: "number", value, pos: t.pos };
    }
    if (t.kind === "op" && t.text === "(") {
      const inner = this.expr();
      this.expectOp(")");
      return inner;
    }
    if (t.kind === "ident") {
      if (this.isOp("(")) {
        return this.call(t);
      }
      return this.element(t);
    }
    throw new SyntaxProblem("unexpected-token", `第 ${t.pos + 1} 个字符处不应出现${describe(t)}`, t.pos);
  }

  private element(t: Token): ExprNode {
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/.test(t.text)) {
      throw new SyntaxProblem(
        "bad-element-name",
        `第 ${t.pos + 1} 个字符处的“${t.text}”不是数据元素代码`,
        t.pos,
      );
    }
    let lag = 0;
    if (this.isOp("@")) {
      this.next();
      this.expectOp("-");
      const n = this.next();
      if (n.kind !== "number" || !/^\d+$/.test(n.text)) {
        throw new SyntaxProblem("bad-lag", `第 ${n.pos + 1} 个字符处应为年数（整数），如 @-9`, n.pos);
      }
      lag = Number(n.text);
    }
    return { kind: "element", code: t.text, lag, pos: t.pos };
  }

  private call(t: Token): ExprNode {
    this.expectOp("(");
    if ((AGGREGATES as readonly string[]).includes(t.text)) {
      const name = t.text as AggregateName;
      const arg = name === "count" || this.isWord("where") ? null : this.expr();
      if (arg === null && name !== "count") {
        throw new SyntaxProblem("missing-argument", `第 ${t.pos + 1} 个字符处的 ${name}() 缺少参数`, t.pos);
      }
      let filter: FilterNode | null = null;
      if (this.isWord("where")) {
        this.next();
        filter = this.filter();
      }
      this.expectOp(")");
      return { kind: "aggregate", name, arg, filter, pos: t.pos };
    }
    if ((SCALAR_FUNCTIONS as readonly string[]).includes(t.text)) {
      const args = [this.expr()];
      while (this.isOp(",")) {
        this.next();
        args.push(this.expr());
      }
      this.expectOp(")");
      if (args.length < 2) {
        throw new SyntaxProblem(
          "missing-argument",
          `第 ${t.pos + 1} 个字符处的 ${t.text}() 至少需要两个参数`,
          t.pos,
        );
      }
      return { kind: "scalar", name: t.text as ScalarFunctionName, args, pos: t.pos };
    }
    throw new SyntaxProblem(
      "unknown-function",
      `第 ${t.pos + 1} 个字符处的函数“${t.text}”不存在（可用：${[...AGGREGATES, ...SCALAR_FUNCTIONS].join("、")}）`,
      t.pos,
    );
  }

  private filter(): FilterNode {
    let left = this.conj();
    while (this.isWord("or")) {
      const op = this.next();
      left = { kind: "or", left, right: this.conj(), pos: op.pos };
    }
    return left;
  }

  private conj(): FilterNode {
    let left = this.neg();
    while (this.isWord("and")) {
      const op = this.next();
      left = { kind: "and", left, right: this.neg(), pos: op.pos };
    }
    return left;
  }

  private neg(): FilterNode {
    if (this.isWord("not")) {
      const op = this.next();
      return { kind: "not", operand: this.neg(), pos: op.pos };
    }
    if (this.isOp("(")) {
      this.next();
      const inner = this.filter();
      this.expectOp(")");
      return inner;
    }
    return this.compare();
  }

  private compare(): FilterNode {
    const t = this.next();
    if (t.kind !== "ident" || !(FILTER_ATTRIBUTES as readonly string[]).includes(t.text)) {
      throw new SyntaxProblem(
        "unknown-attribute",
        `第 ${t.pos + 1} 个字符处应为筛选属性（${FILTER_ATTRIBUTES.join("、")}），实为${describe(t)}`,
        t.pos,
      );
    }
    const attribute = t.text as FilterAttribute;
    if (this.isOp("=") || this.isOp("!=")) {
      const negated = this.next().text === "!=";
      return { kind: "compare", attribute, negated, values: [this.value(attribute)], pos: t.pos };
    }
    let negated = false;
    if (this.isWord("not")) {
      this.next();
      negated = true;
      if (!this.isWord("in")) {
        const u = this.peek();
        throw new SyntaxProblem("expected-token", `第 ${u.pos + 1} 个字符处应为“in”`, u.pos);
      }
    }
    if (this.isWord("in")) {
      this.next();
      this.expectOp("(");
      const values = [this.value(attribute)];
      while (this.isOp(",")) {
        this.next();
        values.push(this.value(attribute));
      }
      this.expectOp(")");
      return { kind: "compare", attribute, negated, values, pos: t.pos };
    }
    if (attribute === "inclusive") {
      return { kind: "compare", attribute, negated: false, values: ["true"], pos: t.pos };
    }
    const u = this.peek();
    throw new SyntaxProblem("expected-token", `第 ${u.pos + 1} 个字符处应为“=”、“!=”或“in”`, u.pos);
  }

  private value(attribute: FilterAttribute): string {
    const t = this.next();
    const key = t.kind === "ident" ? FILTER_VALUES[attribute].get(t.text) : undefined;
    if (key === undefined) {
      const allowed = [...new Set(FILTER_VALUES[attribute].values())].join("、");
      throw new SyntaxProblem(
        "unknown-attribute-value",
        `第 ${t.pos + 1} 个字符处：${attribute} 没有取值${describe(t)}（可用：${allowed}）`,
        t.pos,
      );
    }
    return key;
  }
}

/**
 * Parses an indicator formula (指标表达式) into its syntax tree. On a syntax error returns no expression
 * and one issue (`unexpected-character`, `unexpected-token`, `expected-token`, `unknown-function`,
 * `unknown-attribute`, `unknown-attribute-value`, `bad-lag`, `bad-number`, `missing-argument`,
 * `bad-element-name`, `empty-expression`) whose `where.offset` is the 0-based position.
 */
export function parseIndicatorExpression(source: string): {
  expression?: IndicatorExpression;
  issues: Issue[];
} {
  const { tokens, issues } = tokenize(source);
  if (issues.length > 0) {
    return { issues };
  }
  if (tokens.length === 1) {
    return {
      issues: [
        { code: "empty-expression", severity: "error", message: "指标表达式为空", where: { offset: 0 } },
      ],
    };
  }
  try {
    const { expr, filter } = new Parser(tokens).indicator();
    return { expression: { source, expr, filter }, issues: [] };
  } catch (e) {
    if (e instanceof SyntaxProblem) {
      return { issues: [{ code: e.code, severity: "error", message: e.message, where: { offset: e.pos } }] };
    }
    throw e;
  }
}
