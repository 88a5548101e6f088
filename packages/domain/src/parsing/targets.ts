/**
 * Targets (目标值) and baselines (现状值) of each node: the quantities of its own sentences, with the year
 * they are due or were measured, plus qualitative targets (基本消除大班额) that carry a deadline.
 *
 * Years follow how plans are written: a year in the same sentence (到2025年, 2022年底前, 十三五末) binds
 * the figures of that sentence; a 发展目标 section's opening "到2025年" binds its whole list; figures in
 * 发展基础 describe the year before the plan starts; an annual 工作要点 dates everything to its year.
 */
import { linkMetric } from "./metrics.ts";
import { fiveYearPlanYears } from "./numbers.ts";
import { scanQuantities } from "./quantities.ts";
import type { Segment } from "./structure.ts";
import type { Comparator, NodeRole } from "./types.ts";

/** A target in clean offsets (the caller maps spans to the original). */
export interface RawTarget {
  path: string;
  text: string;
  metric: string;
  indicatorCode: string | null;
  comparator: Comparator;
  value: number | null;
  valueMax: number | null;
  unit: string;
  year: number | null;
  kind: "target" | "baseline";
  start: number;
  end: number;
}

/** What target extraction needs to know about a node. */
export interface TargetNodeInput {
  path: string;
  role: NodeRole;
  segments: readonly Segment[];
  /** Index of the parent in the same list, -1 at the top. */
  parent: number;
}

/**
 * Roles whose figures are not targets: principles restate policy, safeguards describe procedure, and
 * `other` sections (对象范围) say whom the plan covers.
 */
const SKIPPED_ROLES = new Set<NodeRole>(["principle", "safeguard", "other"]);

/** A year the text ties figures to, with its position in the sentence. */
interface YearMention {
  at: number;
  year: number;
}

function shieldMask(s: string): Uint8Array {
  const mask = new Uint8Array(s.length);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === "《" || c === "(" || c === "〔" || c === "【") {
      depth++;
    } else if ((c === "》" || c === ")" || c === "〕" || c === "】") && depth > 0) {
      depth--;
    }
    mask[i] = depth > 0 ? 1 : 0;
  }
  return mask;
}

/**
 * Year mentions of a sentence that can bind figures: 2025年, 到2025年底, 十三五末, 年内 (when the plan is
 * annual). Years in titles and brackets, dates with a month, and "以来" are left out.
 */
export function yearMentions(s: string, period: [number, number] | null): YearMention[] {
  const out: YearMention[] = [];
  if (!s.includes("年") && !s.includes("末")) {
    return out;
  }
  const mask = /[《(〔【]/.test(s) ? shieldMask(s) : new Uint8Array(0);
  // Not bound: dates with a month, 以来, a comparison base (较2015年), a plan's name (2017-2022年计划).
  for (const m of s.matchAll(/(\d{4})\s*年(?!\s*\d{1,2}\s*月|以来|度?[\u4e00-\u9fff]{0,2}版)/g)) {
    const year = Number(m[1]);
    const before = s.slice(Math.max(0, m.index - 1), m.index);
    if (year >= 1949 && year <= 2100 && mask[m.index] !== 1 && !/[较比-]/.test(before)) {
      out.push({ at: m.index, year });
    }
  }
  for (const m of s.includes("末")
    ? s.matchAll(/“?([一二三四五六七八九十]{1,3}五)”?(?:规划)?(?:期)?末/g)
    : []) {
    const years = m[1] === undefined ? null : fiveYearPlanYears(m[1]);
    if (years !== null && mask[m.index] !== 1 && !/[较比]/.test(s.slice(Math.max(0, m.index - 1), m.index))) {
      out.push({ at: m.index, year: years[1] });
    }
  }
  if (period !== null && period[0] === period[1]) {
    for (const m of s.matchAll(/年内|今年|本年度?|年底前/g)) {
      out.push({ at: m.index, year: period[0] });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

function clauseBreaks(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (s.charAt(i) === "," || s.charAt(i) === ";") {
      n++;
    }
  }
  return n;
}

/** Characters that make a sentence worth reading: digits, 年, 末, and the Chinese counts 届 次 (小)时. */
const TELLING = new Uint8Array(65536);
for (const c of "0123456789年末届次时") {
  TELLING[c.charCodeAt(0)] = 1;
}

/** 。 ! ? by code: the scans below run over every character of a document, so they compare numbers. */
function isSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0x21 || code === 0x3f;
}

/**
 * Calls `visit` for each sentence of `[start, end)` that holds a digit, a year word or a Chinese
 * count. Most sentences of a plan hold none; one scan to the next telling character skips them.
 */
function forEachTellingSentence(
  text: string,
  start: number,
  end: number,
  visit: (start: number, end: number) => void,
): void {
  let from = start;
  while (from < end) {
    // the search stays inside [from, end): a regex search running on to the end of the text made a
    // document of many short nodes without digits quadratic
    let at = from;
    while (at < end && TELLING[text.charCodeAt(at)] !== 1) {
      at++;
    }
    if (at >= end) {
      return;
    }
    let s = at;
    while (s > from && !isSentenceEnd(text.charCodeAt(s - 1))) {
      s--;
    }
    let e = at;
    while (e < end && !isSentenceEnd(text.charCodeAt(e))) {
      e++;
    }
    e = Math.min(end, e + 1);
    visit(s, e);
    from = e;
  }
}

const QUALITATIVE = /(?:基本|全面|彻底)(?:消除|普及|实现|建成|形成)[^,;。!?]{2,16}/g;

/** Extracts targets and baselines of every node (or of the preamble when there is no structure). */
export function extractTargets(
  text: string,
  nodes: readonly TargetNodeInput[],
  preamble: readonly Segment[],
  period: [number, number] | null,
): RawTarget[] {
  const out: RawTarget[] = [];
  const isAnnual = period !== null && period[0] === period[1];
  /** The first year each node's own text states, for goal lists under a "到2025年" lead sentence. */
  const leadYears: (number | null)[] = [];
  const units: { path: string; role: NodeRole; segments: readonly Segment[]; parent: number }[] =
    nodes.length > 0 ? [...nodes] : [{ path: "", role: "task", segments: preamble, parent: -1 }];
  for (const node of units) {
    let leadYear: number | null = null;
    if (SKIPPED_ROLES.has(node.role)) {
      leadYears.push(null);
      continue;
    }
    let inherited: number | null = null;
    for (let p = node.parent; p >= 0 && inherited === null; p = units[p]?.parent ?? -1) {
      inherited = units[p]?.role === "goal" ? (leadYears[p] ?? null) : null;
    }
    const visit = (ss: number, se: number): void => {
      const sentence = text.slice(ss, se);
      const years = yearMentions(sentence, period);
      leadYear ??= years[0]?.year ?? null;
      const fallback = fallbackYear(node.role, period, isAnnual, leadYear ?? inherited);
      for (const q of scanQuantities(sentence)) {
        const isBaseline = node.role === "background";
        const before = years.filter((y) => y.at < q.valueStart).pop();
        // A year after the figure binds it only from the next clause at most (…15年免费教育,十三五末覆盖全市).
        const afterYear = isBaseline
          ? undefined
          : years.find((y) => y.at >= q.valueStart && clauseBreaks(sentence, q.valueEnd, y.at) <= 1);
        out.push({
          path: node.path,
          text: sentence.slice(q.start, q.end),
          metric: q.metric,
          indicatorCode: linkMetric(q.metric),
          comparator: q.comparator,
          value: q.value,
          valueMax: q.valueMax,
          unit: q.unit,
          year: before?.year ?? afterYear?.year ?? fallback,
          kind: isBaseline ? "baseline" : "target",
          start: ss + q.start,
          end: ss + q.end,
        });
      }
      if (node.role !== "background" && years.length > 0) {
        out.push(...qualitative(node.path, sentence, ss, years[years.length - 1]?.year ?? null));
      }
    };
    for (const [segStart, segEnd] of node.segments) {
      forEachTellingSentence(text, segStart, segEnd, visit);
    }
    leadYears.push(leadYear);
  }
  return out;
}

/** The year figures take when their sentence names none. */
function fallbackYear(
  role: NodeRole,
  period: [number, number] | null,
  isAnnual: boolean,
  sectionYear: number | null,
): number | null {
  if (role === "background") {
    return period === null ? null : period[0] - 1;
  }
  if (isAnnual && period !== null) {
    return period[0];
  }
  if (role === "goal") {
    return sectionYear ?? period?.[1] ?? null;
  }
  return null;
}

/** Qualitative targets with a deadline: 到2020年，基本消除大班额. Value null, comparator "=". */
function qualitative(path: string, sentence: string, offset: number, year: number | null): RawTarget[] {
  const out: RawTarget[] = [];
  for (const m of sentence.matchAll(QUALITATIVE)) {
    out.push({
      path,
      text: m[0],
      metric: m[0],
      indicatorCode: linkMetric(m[0]),
      comparator: "=",
      value: null,
      valueMax: null,
      unit: "",
      year,
      kind: "target",
      start: offset + m.index,
      end: offset + m.index + m[0].length,
    });
  }
  return out;
}
