/**
 * The syntax tree of the 指标表达式 language. Every node keeps `pos`, the 0-based offset of its first
 * character in the source, so that messages can point at it.
 */

/** Aggregates run over school records (and area records for population elements). */
export const AGGREGATES = ["sum", "count", "maxOf", "minOf"] as const;
/** One of {@link AGGREGATES}. */
export type AggregateName = (typeof AGGREGATES)[number];

/** Scalar functions applied after aggregation. */
export const SCALAR_FUNCTIONS = ["min", "max"] as const;
/** One of {@link SCALAR_FUNCTIONS}. */
export type ScalarFunctionName = (typeof SCALAR_FUNCTIONS)[number];

/** School attributes a filter may test. */
export const FILTER_ATTRIBUTES = ["schoolType", "level", "urbanRural", "ownership", "inclusive"] as const;
/** One of {@link FILTER_ATTRIBUTES}. */
export type FilterAttribute = (typeof FILTER_ATTRIBUTES)[number];

/** A number literal. */
export interface NumberNode {
  kind: "number";
  value: number;
  pos: number;
}

/** A data element reference; `lag` = years earlier (`entrants.primary@-9` → 9). */
export interface ElementNode {
  kind: "element";
  code: string;
  lag: number;
  pos: number;
}

/** Unary minus. */
export interface NegateNode {
  kind: "negate";
  operand: ExprNode;
  pos: number;
}

/** + − × ÷. */
export interface BinaryNode {
  kind: "binary";
  op: "+" | "-" | "*" | "/";
  left: ExprNode;
  right: ExprNode;
  pos: number;
}

/** min(a, b, …) / max(a, b, …) over aggregated values. */
export interface ScalarCallNode {
  kind: "scalar";
  name: ScalarFunctionName;
  args: ExprNode[];
  pos: number;
}

/** sum(expr where filter), count(where filter), maxOf(expr), minOf(expr). */
export interface AggregateNode {
  kind: "aggregate";
  name: AggregateName;
  /** Null for count(). */
  arg: ExprNode | null;
  filter: FilterNode | null;
  pos: number;
}

/** An expression node. */
export type ExprNode = NumberNode | ElementNode | NegateNode | BinaryNode | ScalarCallNode | AggregateNode;

/** attribute = value, attribute != value, attribute in (v1, v2). Values are canonical keys. */
export interface CompareNode {
  kind: "compare";
  attribute: FilterAttribute;
  negated: boolean;
  values: string[];
  pos: number;
}

/** and / or. */
export interface LogicalNode {
  kind: "and" | "or";
  left: FilterNode;
  right: FilterNode;
  pos: number;
}

/** not. */
export interface NotNode {
  kind: "not";
  operand: FilterNode;
  pos: number;
}

/** A filter node. */
export type FilterNode = CompareNode | LogicalNode | NotNode;

/** A parsed indicator expression: the formula and an optional global `where` filter. */
export interface IndicatorExpression {
  source: string;
  expr: ExprNode;
  filter: FilterNode | null;
}
