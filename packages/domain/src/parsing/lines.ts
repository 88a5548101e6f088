/**
 * Second pass: the clean text as lines, each classified once (blank, page chrome, signature, date or
 * text), and the numbering marker a line may start with. A single linear classifier keeps the parser
 * fast and free of backtracking regexes over whole documents.
 */
import { isHan } from "./chars.ts";
import type { MarkerStyle } from "./types.ts";
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral, parseDate } from "./numbers.ts";

/** What a line is, as far as structure is concerned. */
type LineKind = "blank" | "chrome" | "signature" | "date" | "duplicate" | "text";

/** One line of the clean text, trimmed: `[start, end)` are clean offsets. */
export interface Line {
  start: number;
  end: number;
  kind: LineKind;
}

/** Site furniture met at the top of pages: breadcrumbs, counters, font switches, index tables. */
const HEAD_CHROME =
  /^(?:当前位置|您的位置|您现在的位置|首页\s*>|>|欢迎(?:来到|访问)|索引号|信息名称|发布机构|主题分类|【\s*字体)|(?:发布日期|发布时间|生成日期|成文日期|浏览次数|浏览量|阅读次数|点击数|访问量)\s*[:：]|字体\s*[:：]?\s*[[【大]/;

/** Furniture and link lists after the document: once one appears, the document has ended. */
const TAIL_CHROME =
  /^(?:信息来源|来源\s*[:：]|责任编辑|本文链接|本文关键词|相关政策|最新政策|相关链接|相关文章|相关阅读|推荐阅读|上一篇|下一篇|分享到|扫描二维码|【\s*打印|【\s*关闭|produced by|版权所有|主办单位|承办单位|技术支持|网站地图|联系我们)|二维码|微信公众号|打印本页|关闭本页|关闭窗口|icp备|https?:\/\//i;

/** An organisation name standing alone, as in a signature block (落款). */
const ORG_LINE =
  /^[\u4e00-\u9fff()]{2,30}(?:局|厅|委|委员会|政府|办公室|办公厅|中心|院|部|处|会|办|所|站|学校)$/;

function hasWordChar(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x7a)) {
      return true;
    }
  }
  return false;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0x0b || code === 0x0c;
}

/** Splits into trimmed lines (offsets into `text`), each provisionally of kind "text". */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) {
      nl = text.length;
    }
    let s = pos;
    let e = nl;
    while (s < e && isSpace(text.charCodeAt(s))) {
      s++;
    }
    while (e > s && isSpace(text.charCodeAt(e - 1))) {
      e--;
    }
    lines.push({ start: s, end: e, kind: "text" });
    pos = nl + 1;
  }
  return lines;
}

/** Strips the "…" a truncated abstract ends with, so it can be compared with the full line. */
function abstractKey(line: string): string {
  return line.replace(/(?:\.{3,}|…+)$/, "").slice(0, 60);
}

/**
 * Classifies every line. `firstMarkerLine` tells where the document body starts: tail furniture is
 * only looked for after it, so an early "来源:" cannot swallow the document.
 */
export function classifyLines(text: string): Line[] {
  const lines = splitLines(text);
  let bodyStarted = false;
  let tailCut = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) {
      continue;
    }
    const length = line.end - line.start;
    // Long lines are prose: only short ones can be furniture, dates or signatures, so only they are sliced.
    if (length >= 80) {
      // searched within the line only: a search to the end of the text is quadratic over many lines
      const stop = tailCut ? text.slice(line.start, line.end).indexOf("。") : -1;
      if (stop >= 0) {
        // Link lists and widgets are short; a real paragraph after them means the text goes on.
        tailCut = false;
      }
      if (tailCut) {
        line.kind = "chrome";
      } else if (!bodyStarted && readMarker(text, line.start, line.end) !== null) {
        bodyStarted = true;
      }
      continue;
    }
    const content = text.slice(line.start, line.end);
    if (length === 0) {
      line.kind = "blank";
    } else if (length <= 20 && parseDate(content) !== null) {
      line.kind = "date";
    } else if (length <= 32 && ORG_LINE.test(content) && nextNonBlankIsDate(text, lines, i)) {
      line.kind = "signature";
    } else if (tailCut) {
      line.kind = "chrome";
    } else if (!hasWordChar(text, line.start, line.end) || HEAD_CHROME.test(content)) {
      line.kind = "chrome";
    } else if (bodyStarted && TAIL_CHROME.test(content)) {
      line.kind = "chrome";
      tailCut = true;
    } else if (!bodyStarted && readMarker(text, line.start, line.end) !== null) {
      bodyStarted = true;
    }
  }
  markDuplicateAbstracts(text, lines);
  return lines;
}

function nextNonBlankIsDate(text: string, lines: readonly Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const l = lines[j];
    if (l === undefined || l.end === l.start) {
      continue;
    }
    return parseDate(text.slice(l.start, l.end)) !== null;
  }
  return false;
}

/**
 * Pages often repeat the opening paragraph as a truncated abstract before the full text. A line whose
 * text (without its trailing "…") starts a later line is such a copy.
 */
function markDuplicateAbstracts(text: string, lines: Line[]): void {
  const textLines = lines.filter((l) => l.kind === "text").slice(0, 12);
  for (let i = 0; i < textLines.length; i++) {
    const a = textLines[i];
    if (a === undefined) {
      continue;
    }
    const key = abstractKey(text.slice(a.start, a.end));
    if (key.length < 20) {
      continue;
    }
    for (let j = i + 1; j < textLines.length && j <= i + 3; j++) {
      const b = textLines[j];
      if (b !== undefined && b.end - b.start >= key.length && text.startsWith(key, b.start)) {
        a.kind = "duplicate";
        break;
      }
    }
  }
}

/** A numbering marker at the start of a line or run-in position. */
export interface MarkerMatch {
  style: MarkerStyle;
  /** Number as written; null for dashes. */
  number: number | null;
  /** The marker text (clean), e.g. "(一)", "1.", "7". */
  text: string;
  /** Offset where the heading text starts (after the marker and spaces). */
  contentStart: number;
  /** True for an arabic number lacking its dot ("7实施"): valid only where 7 is the expected number. */
  isDefective: boolean;
}

/** Characters that, right after a bare number, show it is a quantity or date rather than a marker. */
const QUANTITY_AFTER = "年月日号个所名人项次万亿元届期批级类家座套台间张千百十岁天周小分倍%";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

function skipSpaces(text: string, pos: number, end: number): number {
  let p = pos;
  while (p < end && isSpace(text.charCodeAt(p))) {
    p++;
  }
  return p;
}

function chineseRun(text: string, pos: number, end: number, max: number): number {
  let p = pos;
  while (p < end && p - pos < max && CHINESE_NUMERAL_CHARS.includes(text.charAt(p))) {
    p++;
  }
  return p;
}

function digitRun(text: string, pos: number, end: number): number {
  let p = pos;
  while (p < end && p - pos < 3) {
    const c = text.charCodeAt(p);
    if (c < 0x30 || c > 0x39) {
      break;
    }
    p++;
  }
  return p;
}

function match(
  text: string,
  pos: number,
  after: number,
  end: number,
  style: MarkerStyle,
  number: number | null,
  isDefective = false,
): MarkerMatch {
  return {
    style,
    number,
    text: text.slice(pos, after).trim(),
    contentStart: skipSpaces(text, after, end),
    isDefective,
  };
}

/**
 * Reads a numbering marker at `pos` (GB/T 9704 一、 (一) 1. (1) ①, plus 第一章, 一是, —— and the
 * defective "7实施"), or null. The heading text must follow: "1.5万" is a number, not item 1.
 */
export function readMarker(text: string, pos: number, end: number): MarkerMatch | null {
  const ch = text.charAt(pos);
  const next = text.charAt(pos + 1);
  if (ch === "第") {
    const p = chineseRun(text, pos + 1, end, 3);
    const n = parseChineseNumeral(text.slice(pos + 1, p));
    const word = /^(?:章|部分|篇)/.exec(text.slice(p, p + 2));
    return n !== null && word ? match(text, pos, p + word[0].length, end, "chapter", n) : null;
  }
  if (ch === "(") {
    const inner = skipSpaces(text, pos + 1, end);
    const cn = chineseRun(text, inner, end, 3);
    const digits = digitRun(text, inner, end);
    const stop = Math.max(cn, digits);
    const close = skipSpaces(text, stop, end);
    if (stop === inner || text.charAt(close) !== ")") {
      return null;
    }
    const inside = text.slice(inner, stop);
    const n = cn > inner ? parseChineseNumeral(inside) : Number(inside);
    return n === null ? null : match(text, pos, close + 1, end, cn > inner ? "cn-paren" : "arabic-paren", n);
  }
  if (CIRCLED.includes(ch)) {
    return match(text, pos, pos + 1, end, "circled", CIRCLED.indexOf(ch) + 1);
  }
  if (ch === "—" && next === "—") {
    let p = pos;
    while (p < end && text.charAt(p) === "—") {
      p++;
    }
    return isHan(text.charCodeAt(p)) ? match(text, pos, p, end, "dash", null) : null;
  }
  const cnEnd = chineseRun(text, pos, end, 3);
  if (cnEnd > pos) {
    const n = parseChineseNumeral(text.slice(pos, cnEnd));
    const sep = text.charAt(cnEnd);
    if (n === null || n === 0) {
      return null;
    }
    const first = text.charCodeAt(skipSpaces(text, cnEnd + 1, end));
    if (
      (sep === "、" || sep === "." || sep === ",") &&
      (isHan(first) || first === 0x201c || first === 0x300a)
    ) {
      return match(text, pos, cnEnd + 1, end, "cn-comma", n);
    }
    if (sep === "是" && cnEnd - pos <= 2 && isHan(text.charCodeAt(cnEnd + 1))) {
      return match(text, pos, cnEnd + 1, end, "cn-shi", n);
    }
    return null;
  }
  const dEnd = digitRun(text, pos, end);
  if (dEnd === pos || dEnd - pos > 2) {
    return null;
  }
  const n = Number(text.slice(pos, dEnd));
  const sep = text.charAt(dEnd);
  if (sep === "." || sep === "、") {
    const after = skipSpaces(text, dEnd + 1, end);
    const c = text.charCodeAt(after);
    return isHan(c) || c === 0x201c ? match(text, pos, dEnd + 1, end, "arabic-dot", n) : null;
  }
  if (isHan(text.charCodeAt(dEnd)) && !QUANTITY_AFTER.includes(sep)) {
    return match(text, pos, dEnd, end, "arabic-dot", n, true);
  }
  return null;
}
