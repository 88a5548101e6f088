/**
 * 目标监测 glue: which indicator a plan target's metric most likely means (a suggestion staff confirm),
 * the base year a target is measured from, and a qualitative rule put into words.
 */
import {
  INDICATOR_SYNONYMS,
  QUALITATIVE_TARGET_RULES,
  findQualitativeRule,
  type IndicatorSynonym,
  type QualitativeTargetRule,
} from "./target-rules.ts";
import type { TargetComparator } from "./targets.ts";

/** What the suggestion needs of a catalogue entry. */
export interface CatalogueName {
  code: string;
  name: string;
  unit?: string;
}

const fold = (s: string): string =>
  s
    .normalize("NFKC")
    .replace(/[\s“”"'‘’、，,。.（）()《》]/g, "")
    .toLowerCase();

/**
 * The indicator a target's metric most likely means, among the catalogue's codes: the metric equal to a
 * catalogue name wins (幼儿园专任教师学历合格率); then the parser's code when the catalogue has it; then
 * the longest catalogue name or synonym the metric contains (初中三年巩固率 beats 巩固率). Null when
 * nothing fits — a metric the statistics cannot measure (人均受教育年限).
 */
export function suggestIndicator(
  metric: string,
  parserCode: string | null,
  catalogue: readonly CatalogueName[],
  synonyms: readonly IndicatorSynonym[] = INDICATOR_SYNONYMS,
): string | null {
  const known = new Set(catalogue.map((c) => c.code));
  const m = fold(metric);
  if (m === "") {
    return parserCode !== null && known.has(parserCode) ? parserCode : null;
  }
  const exact = catalogue.find((c) => fold(c.name) === m);
  if (exact !== undefined) {
    return exact.code;
  }
  if (parserCode !== null && known.has(parserCode)) {
    return parserCode;
  }
  let best: string | null = null;
  let bestLength = 0;
  const consider = (code: string, phrase: string) => {
    const p = fold(phrase);
    if (p.length > bestLength && known.has(code) && m.includes(p)) {
      best = code;
      bestLength = p.length;
    }
  };
  for (const c of catalogue) {
    consider(c.code, c.name);
  }
  for (const s of synonyms) {
    for (const phrase of [s.name, ...s.synonyms]) {
      consider(s.code, phrase);
    }
  }
  return best;
}

/**
 * The year a plan's targets are measured from when the plan states no baseline: the year before its
 * period (基期: 2020 for a 2021–2025 plan), else the year before the target year's five-year plan.
 */
export function baseYear(periodStart: number | null, targetYear: number | null): number | null {
  if (periodStart !== null) {
    return periodStart - 1;
  }
  return targetYear === null ? null : targetYear - 5;
}

const COMPARATOR_WORDS: Readonly<Record<TargetComparator, string>> = {
  ">=": "≥",
  "<=": "≤",
  "=": "=",
  ">": ">",
  "<": "<",
  increase: "提高",
  decrease: "降低",
};

/** A comparator as a symbol or word (≥, ≤, 提高 …). */
export function comparatorSymbol(comparator: TargetComparator): string {
  return COMPARATOR_WORDS[comparator];
}

/** A rule in words: “大班额比例 ≤ 5% 且 超大班额比例 ≤ 2%（standards §4 (S23) [C]）”. */
export function describeRule(rule: QualitativeTargetRule, names: readonly CatalogueName[]): string {
  const byCode = new Map(names.map((n) => [n.code, n]));
  const parts = rule.conditions.map((c) => {
    const n = byCode.get(c.indicatorCode);
    const unit = n?.unit ?? "";
    return `${n?.name ?? c.indicatorCode} ${comparatorSymbol(c.comparator)} ${String(c.value)}${unit}`;
  });
  return `${parts.join(" 且 ")}（${rule.source}）`;
}

/**
 * The comparator a target is judged by. Plans write “达到 90%” for “at least 90%”, which the parser keeps
 * as "="; on an indicator with a better direction, reaching means reaching or passing it (≥ where higher
 * is better, ≤ where lower is better). Other comparators, and "=" without a direction, stay as they are.
 */
export function judgedComparator(
  comparator: TargetComparator,
  direction: "higher" | "lower" | undefined,
): TargetComparator {
  if (comparator !== "=" || direction === undefined) {
    return comparator;
  }
  return direction === "higher" ? ">=" : "<=";
}

/** A sentence of a plan's text that states a qualitative target with a checkable rule. */
export interface RuleSentence {
  rule: QualitativeTargetRule;
  sentence: string;
  /** Offset of the sentence in the text given. */
  offset: number;
}

/**
 * The qualitative targets a passage states in running text (…城乡教育差距进一步缩小，大班额问题基本消除，…),
 * one per rule: the clause (split at ，；。) that carries the rule's longest phrase.
 */
export function findRuleSentences(
  text: string,
  rules: readonly QualitativeTargetRule[] = QUALITATIVE_TARGET_RULES,
): RuleSentence[] {
  const out = new Map<string, RuleSentence>();
  const clause = /[^，,；;。！!\n]+/g;
  for (const m of text.matchAll(clause)) {
    const rule = findQualitativeRule(m[0], rules);
    if (rule !== null && !out.has(rule.code)) {
      out.set(rule.code, { rule, sentence: m[0].trim(), offset: m.index });
    }
  }
  return [...out.values()];
}
