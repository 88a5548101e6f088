/**
 * Quantities in one sentence: a number (arabic or, for a few units, Chinese), its 万/亿 magnitude, unit,
 * range, the comparator words around it (达到…以上, 不低于, 控制在…以内, 下降, 新增 …) and the metric it
 * measures. A single left-to-right scan per sentence; no regex runs over more than a few characters.
 */
import { CHINESE_NUMERAL_CHARS } from "./numbers.ts";
import type { Comparator } from "./types.ts";
import {
  isCountAhead,
  isDigit,
  isNotQuantity,
  isRatioColon,
  readGroup,
  readNumber,
  type NumberToken,
} from "./quantity-values.ts";
import {
  BEFORE,
  LEADING_VERB,
  METRIC_FILLER_END,
  METRIC_FILLER_START,
  STAGE_WORD,
} from "./quantity-words.ts";

/** One quantity found in a sentence; offsets are relative to the sentence. */
export interface Quantity {
  start: number;
  end: number;
  /** Where the (first) number starts and the value group (number, unit, 以上 …) ends. */
  valueStart: number;
  valueEnd: number;
  metric: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
}

const SHIELD_OPENERS = /[“《〔【[]/;
const NO_SHIELD = new Uint8Array(0);
let scratch = new Uint8Array(1024);

/** Tracks quotes, book titles and brackets: numbers inside them are names, not quantities. */
function shieldedMask(sentence: string): Uint8Array {
  if (!SHIELD_OPENERS.test(sentence)) {
    return NO_SHIELD;
  }
  // One scratch buffer, reused: sentences with quotes are common and the mask dies with the scan.
  if (scratch.length < sentence.length) {
    scratch = new Uint8Array(Math.max(sentence.length, 2 * scratch.length));
  }
  const mask = scratch;
  let quote = 0;
  let book = 0;
  let bracket = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charAt(i);
    if (c === "“") {
      quote++;
    } else if (c === "”") {
      quote = Math.max(0, quote - 1);
    } else if (c === "《") {
      book++;
    } else if (c === "》") {
      book = Math.max(0, book - 1);
    } else if (c === "〔" || c === "【" || c === "[") {
      bracket++;
    } else if (c === "〕" || c === "】" || c === "]") {
      bracket = Math.max(0, bracket - 1);
    }
    mask[i] = quote + book + bracket > 0 ? 1 : 0;
  }
  return mask;
}

const CLAUSE_BREAKS = ",;:()";
const CLAUSE_BREAK = 1;
const DIGIT = 2;
const NUMERAL = 3;
/** Cheap gate: a sentence without a digit or a Chinese count (两届, 一小时, 一次) holds no quantity. */
const MAY_HOLD_QUANTITY = /[0-9]|[一二两三四五六七八九十](?:小时|届|次)/;
let classTable: Uint8Array | undefined;

/** Character classes for the scan loop (a table beats string searches per character). */
function charClasses(): Uint8Array {
  if (classTable === undefined) {
    classTable = new Uint8Array(65536);
    for (const c of CLAUSE_BREAKS) {
      classTable[c.charCodeAt(0)] = CLAUSE_BREAK;
    }
    for (let d = 0x30; d <= 0x39; d++) {
      classTable[d] = DIGIT;
    }
    for (const c of CHINESE_NUMERAL_CHARS) {
      classTable[c.charCodeAt(0)] = NUMERAL;
    }
  }
  return classTable;
}

function cleanMetric(text: string): string {
  let m = text.trim();
  for (let k = 0; k < 3; k++) {
    const next = m.replace(METRIC_FILLER_START, "").replace(METRIC_FILLER_END, "").replace(/^的/, "").trim();
    if (next === m) {
      break;
    }
    m = next;
  }
  m = m.replace(/[。；;，,！!？?:：]+$/, "");
  return m.includes("“") || m.includes("”") ? m.replaceAll(/[“”]/g, "") : m;
}

/** How the name of a rate or count ends; 与 joins two metrics only after one (A率与B率), else it relates (A与B联网率). */
const METRIC_END = /(?:率|比|比例|数|量|额)$/;

/**
 * Splits 小学、初中入学率 into 小学入学率 and 初中入学率 (a shared tail after a stage word). 、 always
 * separates; 和/及/与 only between two phrases of three or more characters, so 普及率 stays whole, and 与
 * only after a metric (视频监控系统与公安机关联网率 is one rate).
 */
export function splitMetricList(metric: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < metric.length; i++) {
    const c = metric.charAt(i);
    const isWeak = c === "和" || c === "及" || (c === "与" && METRIC_END.test(current));
    if (c === "、" || (isWeak && current.length >= 3 && metric.length - i - 1 >= 3)) {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  const kept = parts.map((p) => p.trim()).filter((p) => p.length > 0);
  const last = kept[kept.length - 1];
  if (kept.length < 2 || last === undefined) {
    return [metric];
  }
  const stage = STAGE_WORD.exec(last);
  const tail = stage ? last.slice(stage[0].length) : "";
  return kept.map((p, k) => (k < kept.length - 1 && p.length <= 6 && tail.length >= 2 ? p + tail : p));
}

/** The metric named after a value when nothing before it does (建成45所“数字校园示范校”). */
function followingNoun(s: string, from: number, clauseEnd: number): { noun: string; end: number } {
  let e = from;
  while (e < clauseEnd && e < from + 24 && s.charAt(e) !== "、" && !isDigit(s.charCodeAt(e))) {
    e++;
  }
  return { noun: cleanMetric(s.slice(from, e)), end: e };
}

/**
 * All quantities of one sentence; callers decide kinds and years. Ratios (6:1, 1:4.5) are read as value with unit ":1" / "1:".
 */
export function scanQuantities(s: string): Quantity[] {
  if (!MAY_HOLD_QUANTITY.test(s)) {
    return [];
  }
  const classes = charClasses();
  const out: Quantity[] = [];
  const shielded = shieldedMask(s);
  let clauseStart = 0;
  let lastEnd = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const cls = classes[code] ?? 0;
    if (cls === 0) {
      continue;
    }
    if (cls === CLAUSE_BREAK) {
      if (!isRatioColon(s, i)) {
        clauseStart = i + 1;
        lastEnd = i + 1;
      }
      continue;
    }
    if ((cls === DIGIT && isDigit(s.charCodeAt(i - 1))) || shielded[i] === 1) {
      continue;
    }
    // A Chinese numeral counts only right before 届/次/小时 (两届, 一次, 一小时): check before parsing.
    if (cls === NUMERAL && !isCountAhead(s, i)) {
      continue;
    }
    const token = readNumber(s, i);
    if (token === null || isNotQuantity(s, token)) {
      if (token !== null) {
        i = token.end - 1;
      }
      continue;
    }
    let clauseEnd = token.end;
    while (
      clauseEnd < s.length &&
      (classes[s.charCodeAt(clauseEnd)] !== CLAUSE_BREAK || isRatioColon(s, clauseEnd))
    ) {
      clauseEnd++;
    }
    const q = readQuantity(s, token, Math.max(clauseStart, lastEnd), clauseStart, clauseEnd);
    // The next number's metric may be the noun this one borrowed (为202所学校更新设备4353台).
    i = Math.max(i, (q[q.length - 1]?.valueEnd ?? token.end) - 1);
    if (q.length > 0) {
      out.push(...q);
      lastEnd = q[q.length - 1]?.valueEnd ?? lastEnd;
    }
  }
  return out;
}

/** Verbs that lead the first item of a list: 取得大专、本科 → 大专. */
const LIST_LEAD = /^(?:取得|达到|实现|对于|对|为|在|将|使|其中|包括)/;

/**
 * The nearest 、-list of exactly `n` items before a 分别 group of `n` values in the same sentence (items of
 * one to eight Han characters; a trailing 等 ends the list), with no other figure between them; or null.
 */
function pairedList(before: string, n: number): string[] | null {
  for (const m of [...before.matchAll(/[\u4e00-\u9fff]{1,8}(?:、[\u4e00-\u9fff]{1,8})+/g)].reverse()) {
    if (/\d/.test(before.slice(m.index + m[0].length))) {
      // figures between the list and the values are what the values pair with, not the list
      return null;
    }
    const items = m[0].split("、");
    if (items.length !== n) {
      continue;
    }
    const last = items.length - 1;
    items[0] = (items[0] ?? "").replace(LIST_LEAD, "");
    items[last] = (items[last] ?? "").replace(/等.*$/, "");
    return items.every((i) => i.length > 0) ? items : null;
  }
  return null;
}

function comparatorBefore(prefix: string): { cmp: Comparator; at: number } | null {
  // Comparator words sit right before the value (or, ending in 的, a short phrase after them): only the
  // last characters need testing.
  const from = Math.max(0, prefix.length - (prefix.endsWith("的") ? 20 : 10));
  const tail = prefix.slice(from);
  for (const [re, cmp] of BEFORE) {
    const m = re.exec(tail);
    if (m) {
      return { cmp, at: from + m.index };
    }
  }
  return null;
}

/** "…的标准配备": the figure before is a standard for what the verb staffs or builds. */
const STANDARD_AFTER = /^的(?:标准|比例|要求)(?:配备|配齐|配足|配置|核定|招聘|建设)/;

/** Nouns for places (学位, 园位, 托位, 床位) that a bare number right after counts in 个. */
const PLACES = /(?:学位|园位|托位|床位|学额)$/;

/**
 * A unitless value counts only as a bounded coefficient: a decimal below 10 after 不高于/不低于/低于…
 * (综合差异系数小学不高于0.50). A bare number elsewhere is a code, a count without its noun, or prose.
 */
function isBoundedCoefficient(s: string, token: NumberToken, cmp: Comparator | undefined): boolean {
  const isBound = cmp === ">=" || cmp === "<=" || cmp === ">" || cmp === "<";
  return isBound && !token.isChinese && token.value < 10 && s.slice(token.start, token.end).includes(".");
}

function readQuantity(
  s: string,
  token: NumberToken,
  from: number,
  clauseStart: number,
  clauseEnd: number,
): Quantity[] {
  const prefix = s.slice(from, token.start);
  const verb = comparatorBefore(prefix);
  // Ratio 6:1 / 1:4.5.
  if (s.charAt(token.end) === ":" && isDigit(s.charCodeAt(token.end + 1))) {
    const second = readNumber(s, token.end + 1);
    if (second === null) {
      return [];
    }
    const isOneFirst = token.value === 1;
    // 1:4.5师生比: the ratio's name may follow it.
    const named = followingNoun(s, second.end, clauseEnd).noun;
    const before = cleanMetric(verb ? prefix.slice(0, verb.at) : prefix).replace(/^达到/, "");
    const metric = named.endsWith("比") ? before + named : before || named;
    return [
      {
        start: from,
        end: second.end,
        valueStart: token.start,
        valueEnd: second.end,
        metric,
        comparator: verb?.cmp === ">=" || verb?.cmp === "<=" ? verb.cmp : "=",
        value: isOneFirst ? second.value : token.value,
        valueMax: null,
        unit: isOneFirst ? "1:" : `:${String(second.value)}`,
      },
    ];
  }
  const group = readGroup(s, token, verb !== null);
  if (group !== null && group.unit === "" && PLACES.test(prefix) && !token.isChinese) {
    // 新增幼儿园园位3000: places are counted in 个 even where the text leaves the unit out
    group.unit = "个";
  }
  if (group === null || (group.unit === "" && !isBoundedCoefficient(s, token, verb?.cmp))) {
    return [];
  }
  // Conditions, not quantities: 不足100人的教学点, 按100人的标准, 在8名以上残疾学生就读的学校, 满10年的教师 —
  // unless what follows names a task (三年270学时的全员培训任务).
  const isAttributive = s.charAt(group.end) === "的" && group.unit !== "%" && verb === null;
  const namesTask = /任务|制度|目标|计划|工作量/.test(s.slice(group.end, clauseEnd));
  if ((isAttributive && !namesTask) || (verb === null && /[在凡满按]$/.test(prefix))) {
    return [];
  }
  // 作业、睡眠、手机、读物、体质等5项管理: the count of the items just listed names them, it sets no target
  if (verb === null && prefix.endsWith("等") && prefix.includes("、")) {
    return [];
  }
  let comparator: Comparator = verb?.cmp ?? "=";
  let metricStart = from;
  let metricText = verb ? prefix.slice(0, verb.at) : prefix;
  if (group.isPeriod === true) {
    // 每3-5年进行一次短期轮训: what recurs follows the period.
    metricStart = token.start - 1;
    metricText = "";
  } else if (verb === null && /[、和及与]$/.test(metricText)) {
    // 乡村少年宫和17个留守儿童之家: the counted thing follows the number.
    metricStart = token.start;
    metricText = "";
  } else if (verb === null) {
    // A count in a list: 学前教育项目108个、教师周转宿舍项目7个 — the metric starts after the last 、.
    const cut = metricText.lastIndexOf("、");
    if (cut >= 0 && metricText.length - cut > 2) {
      metricText = metricText.slice(cut + 1);
      metricStart = from + cut + 1;
    }
  }
  let metric = cleanMetric(metricText);
  if (s.charAt(group.end) === "的" && namesTask) {
    // 三年270学时的全员培训任务: the figure measures what follows it — 全员培训学时, not 严格落实三年.
    const named = followingNoun(s, group.end + 1, clauseEnd).noun.replace(
      /(?:任务|制度|目标|计划|工作量)$/,
      "",
    );
    if (named.length >= 2) {
      metric =
        named.endsWith(group.unit) || !/^[\u4e00-\u9fff]+$/.test(group.unit) ? named : named + group.unit;
    }
  }
  // 新增托位数400个以上: the bound the text states (>= 400) says more than "an increase"
  if (group.suffixCmp !== null && comparator === "=") {
    comparator = group.suffixCmp;
  } else if (/^(?:新增|增加)/.test(metric) && comparator === "=") {
    comparator = "increase";
  } else if (group.approx && comparator === "=") {
    comparator = ">";
  } else if (group.isPeriod === true && group.valueMax === null && comparator === "=") {
    // 每5年: at most five years apart; a period range (每3-5年) stays the range 3–5, comparator "="
    comparator = "<=";
  } else if (group.isPeriod !== true && group.valueMax !== null && comparator === "=") {
    comparator = ">=";
  }
  const isNounAfter = LEADING_VERB.test(metric) || metric.length < 2;
  // 不少于360学时的教师全员培训制度: the phrase runs on to what the figure qualifies.
  let end = s.charAt(group.end) === "的" && namesTask ? Math.min(clauseEnd, group.end + 24) : group.end;
  if (isNounAfter) {
    const following = followingNoun(s, group.end, clauseEnd);
    if (following.noun.length >= 2) {
      metric = metric.length >= 2 ? metric + following.noun : following.noun;
      end = following.end;
    }
  }
  // 按照每校不少于2名的标准配备专职保安员: a staffing standard — the figure counts what is staffed, per
  // what the standard is taken over (每校), not the clause's subject
  const standard = STANDARD_AFTER.exec(s.slice(group.end, clauseEnd));
  const per = /(?:按照|按)([^按]*)$/.exec(metricText);
  if (standard !== null && per?.[1] !== undefined) {
    const staffed = followingNoun(s, group.end + standard[0].length, clauseEnd);
    if (staffed.noun.length >= 2) {
      metric = cleanMetric(per[1]) + staffed.noun;
      metricStart += per.index;
      end = staffed.end;
    }
  }
  if (metric.length === 0) {
    return [];
  }
  const isSpread = group.unit === "%" || /(?:均|都|全部|分别)/.test(prefix);
  let metrics = verb !== null && isSpread ? splitMetricList(metric) : [metric];
  if (metrics.length === 1 && group.values.length > 1 && /分别/.test(prefix)) {
    // 取得大专、本科、研究生学历的，分别按照40%、50%、60%的比例: one value per item of the earlier list.
    const items = pairedList(s.slice(0, token.start), group.values.length);
    if (items !== null) {
      metrics = items.map((item) => `${metric}（${item}）`);
    }
  }
  const n = Math.max(metrics.length, group.values.length);
  const out: Quantity[] = [];
  for (let k = 0; k < n; k++) {
    out.push({
      start: Math.max(clauseStart, metricStart),
      end,
      valueStart: token.start,
      valueEnd: group.end,
      metric: metrics[metrics.length === n ? k : 0] ?? metric,
      comparator,
      value: group.values[group.values.length === n ? k : 0] ?? 0,
      valueMax: group.valueMax,
      unit: group.unit,
    });
  }
  return out;
}
