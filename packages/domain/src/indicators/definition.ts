/**
 * 指标定义: an indicator as a bureau sees it — code, Chinese name, unit, formula, which way is better,
 * where the definition comes from — and the calls that evaluate many of them over statistic rows.
 * User-defined indicators are just more definitions.
 */
import type { IndicatorDisplay } from "@luoshi/common";
import type { Issue } from "../issues.ts";
import { findDataElement } from "../stats/data-elements.ts";
import { compileIndicatorSource, type CompiledExpression } from "./compile.ts";
import { evaluateCompiled, type EvaluateOptions, type IndicatorTable } from "./engine.ts";
import { ensureColumns, prepareRows, type PreparedRows } from "./prepared-rows.ts";
import type { StatRow } from "./rows.ts";

/** How a value is shown: 94.08%, 6:1 (生机比), 1:15 (幼师比), or a plain number. */
export type { IndicatorDisplay };

/** Which way is better. */
export type IndicatorDirection = "higher" | "lower";

/** One indicator (指标). */
export interface IndicatorDefinition {
  /** Stable kebab-case code, shared with the policy parser's metric table. */
  code: string;
  /** 指标名称. */
  name: string;
  /** %, 人, 平方米, 元, 间, ":1" … */
  unit: string;
  /** The formula in the indicator language. */
  expression: string;
  direction: IndicatorDirection;
  display: IndicatorDisplay;
  /** Decimals when shown (published figures: 2 for percentages, 0 for 生机比). */
  decimals: number;
  /** Spec source tag, e.g. "standards §4 (S28) [S]". */
  source: string;
  /** 口径说明: what is counted and why, in Chinese. */
  description?: string;
}

/** A definition with its compiled plan. */
export interface CompiledIndicator {
  definition: IndicatorDefinition;
  plan: CompiledExpression;
}

/** Compiles definitions; a definition whose formula does not compile is left out with its issues. */
export function compileIndicators(definitions: readonly IndicatorDefinition[]): {
  compiled: CompiledIndicator[];
  issues: Issue[];
} {
  const compiled: CompiledIndicator[] = [];
  const issues: Issue[] = [];
  for (const definition of definitions) {
    const r = compileIndicatorSource(definition.expression);
    if (r.compiled === undefined) {
      issues.push(
        ...r.issues.map((i) => ({
          ...i,
          message: `指标“${definition.name}”（${definition.code}）：${i.message}`,
          where: { ...i.where, indicator: definition.code },
        })),
      );
    } else {
      compiled.push({ definition, plan: r.compiled });
    }
  }
  return { compiled, issues };
}

/**
 * Evaluates indicators for every org unit and year the rows reach, in one pass per indicator. Pass
 * prepared rows to evaluate several batches over the same data without re-indexing.
 */
export function evaluateIndicators(
  rows: readonly StatRow[] | PreparedRows,
  definitions: readonly IndicatorDefinition[] | readonly CompiledIndicator[],
  options: EvaluateOptions = {},
): { tables: Map<string, IndicatorTable>; issues: Issue[] } {
  const prepared = isPrepared(rows) ? rows : prepareRows(rows, options.compulsoryRules);
  const issues: Issue[] = [];
  let compiled: CompiledIndicator[];
  if (definitions.every(isCompiled)) {
    compiled = [...definitions];
  } else {
    const r = compileIndicators(definitions.map((d) => (isCompiled(d) ? d.definition : d)));
    compiled = r.compiled;
    issues.push(...r.issues);
  }
  // One pass over the rows builds every column the batch reads.
  ensureColumns(
    prepared,
    compiled.flatMap((c) => c.plan.elements),
  );
  const tables = new Map<string, IndicatorTable>();
  for (const c of compiled) {
    const r = evaluateCompiled(prepared, c.definition.code, c.plan, options);
    tables.set(c.definition.code, r.table);
    issues.push(...r.issues);
  }
  return { tables, issues };
}

/**
 * True when the indicator reads the 义务教育 part of schools (`compulsory.*` elements): its figures
 * depend on the rule set's 教学点 policy and split weights, which its results must show.
 */
export function readsSchoolParts(c: CompiledIndicator): boolean {
  return c.plan.elements.some((code) => findDataElement(code)?.computedFrom !== undefined);
}

function isPrepared(x: readonly StatRow[] | PreparedRows): x is PreparedRows {
  return !Array.isArray(x);
}

function isCompiled(x: IndicatorDefinition | CompiledIndicator): x is CompiledIndicator {
  return "plan" in x;
}
