/**
 * Reading one value: an arabic or Chinese number, its 万/亿 magnitude, range, approximation, unit and
 * 以上/以下 — and telling years, dates, ordinals and versions apart from quantities.
 */
import { CHINESE_NUMERAL_CHARS, magnitude, parseChineseNumeral, tidy } from "./numbers.ts";
import { CHINESE_UNITS, COUNT_UNITS, EVENT_VERBS, PERIOD_UNITS, VERB_ONLY_UNITS } from "./quantity-words.ts";
import type { Comparator } from "./types.ts";

/** True for an ASCII digit code. */
export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** True when 届, 次 or 小时 follows within three characters (a Chinese count may start here). */
export function isCountAhead(s: string, i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < s.length; k++) {
    const c = s.charAt(k);
    if (c === "届" || c === "次" || c === "小") {
      return true;
    }
  }
  return false;
}

/** A colon between digits (6:1) belongs to a ratio, not to the clause structure. */
export function isRatioColon(s: string, i: number): boolean {
  return s.charCodeAt(i) === 0x3a && isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1));
}

const byFirstChar = new Map<readonly string[], Map<string, string[]>>();

/** The first of `list` (longest first) that `text` has at `at`; lists are indexed by first character. */
function startsWithAny(text: string, at: number, list: readonly string[]): string | null {
  let index = byFirstChar.get(list);
  if (index === undefined) {
    index = new Map();
    for (const u of list) {
      const k = u.charAt(0);
      index.set(k, [...(index.get(k) ?? []), u]);
    }
    byFirstChar.set(list, index);
  }
  for (const u of index.get(text.charAt(at)) ?? []) {
    if (text.startsWith(u, at)) {
      return u;
    }
  }
  return null;
}

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  isChinese: boolean;
}

/** Reads an arabic number (with decimals) or, where allowed, a short Chinese numeral at `i`. */
export function readNumber(s: string, i: number): NumberToken | null {
  const c = s.charCodeAt(i);
  if (isDigit(c)) {
    let j = i;
    while (j < s.length && isDigit(s.charCodeAt(j))) {
      j++;
    }
    if (s.charAt(j) === "." && isDigit(s.charCodeAt(j + 1))) {
      j++;
      while (j < s.length && isDigit(s.charCodeAt(j))) {
        j++;
      }
    }
    return { start: i, end: j, value: Number(s.slice(i, j)), isChinese: false };
  }
  let j = i;
  while (j < s.length && j - i < 2 && CHINESE_NUMERAL_CHARS.includes(s.charAt(j))) {
    j++;
  }
  const unit = startsWithAny(s, j, CHINESE_UNITS);
  if (j === i || unit === null || s.charAt(i - 1) === "第") {
    return null;
  }
  // 一次 and 两届 count events only after 举办/开展… or at the head of a list item; 十九届 is an ordinal.
  const lead = s.slice(Math.max(0, i - 4), i);
  if (unit !== "小时" && !EVENT_VERBS.test(lead) && !(unit === "届" && /(?:^|[、,])$/.test(lead))) {
    return null;
  }
  const value = parseChineseNumeral(s.slice(i, j));
  return value === null ? null : { start: i, end: j, value, isChinese: true };
}

/** True when a number is a year, date, ordinal, version or code rather than a quantity. */
export function isNotQuantity(s: string, t: NumberToken): boolean {
  const before = s.charAt(t.start - 1);
  const after = s.charAt(t.end);
  if (
    before === "第" ||
    before === "+" ||
    after === "+" ||
    /[A-Za-z.]/.test(before) ||
    /[A-Za-z]/.test(after)
  ) {
    return true;
  }
  // A year (2020年, 2017-2022年) — but 2027套 and 2000多人次 are quantities.
  const isYearShaped = !t.isChinese && t.end - t.start === 4 && t.value >= 1900 && t.value <= 2100;
  if (isYearShaped && (after === "年" || ("-~至到".includes(after) && isDigit(s.charCodeAt(t.end + 1))))) {
    return true;
  }
  const next2 = s.slice(t.end, t.end + 2);
  return /^(?:月|日|号|周年|时|岁)/.test(next2) || (after === "." && isDigit(s.charCodeAt(t.end + 1)));
}

export interface Group {
  /** 每N年: a period, whose written value is an upper bound. */
  isPeriod?: boolean;
  values: number[];
  valueMax: number | null;
  unit: string;
  end: number;
  approx: boolean;
  suffixCmp: Comparator | null;
}

/** Reads unit, magnitude, range, approximation and 以上/以下 after a number; null when not a quantity. */
export function readGroup(s: string, first: NumberToken, allowVerbUnits: boolean): Group | null {
  const isPeriod = s.charAt(first.start - 1) === "每";
  const values: number[] = [];
  let valueMax: number | null = null;
  let unit = "";
  let token = first;
  for (;;) {
    let p = token.end;
    let value = token.value;
    // Ranges: 2-3所, 1至2项.
    const sep = s.charAt(p);
    const rangeEnd = sep === "-" || sep === "~" || sep === "至" || sep === "到" ? readNumber(s, p + 1) : null;
    let top: number | null = null;
    if (rangeEnd !== null && !rangeEnd.isChinese && !token.isChinese) {
      top = rangeEnd.value;
      p = rangeEnd.end;
    }
    const mag = magnitude(s.charAt(p));
    if (mag > 1) {
      p++;
    }
    const approxChar = s.charAt(p) === "多" || s.charAt(p) === "余";
    if (approxChar) {
      p++;
    }
    // "91 %": a space the page put between the number and its percent sign
    if (s.charAt(p) === " " && (s.charAt(p + 1) === "%" || s.charAt(p + 1) === "‰")) {
      p++;
    }
    // 年 counts after a verb (受教育年限达到10.8年), in a period (每3-5年) and in N年免费教育.
    const isYears = s.startsWith("年免费", p);
    const u =
      (isPeriod ? startsWithAny(s, p, PERIOD_UNITS) : null) ??
      startsWithAny(s, p, COUNT_UNITS) ??
      (allowVerbUnits || token.isChinese || isYears
        ? startsWithAny(s, p, [...VERB_ONLY_UNITS, ...CHINESE_UNITS])
        : null);
    if (u !== null) {
      unit = u;
      p += u.length;
    }
    value = tidy(value * mag);
    values.push(value);
    if (top !== null) {
      valueMax = tidy(top * mag);
    }
    // A list of values sharing one verb: 23.58、9.89、8.92个百分点; 33.5%和30.97%.
    const joiner = s.charAt(p);
    const nextToken = joiner === "、" || joiner === "和" ? readNumber(s, p + 1) : null;
    if (nextToken === null || nextToken.isChinese) {
      return { ...finishGroup(s, values, valueMax, unit, p, approxChar), isPeriod };
    }
    token = nextToken;
  }
}

function finishGroup(
  s: string,
  values: number[],
  valueMax: number | null,
  unit: string,
  end: number,
  approx: boolean,
): Group {
  let p = end;
  let suffixCmp: Comparator | null = null;
  const tail = s.slice(p, p + 2);
  if (tail === "以上") {
    suffixCmp = ">=";
    p += 2;
  } else if (tail === "以下" || tail === "以内") {
    suffixCmp = "<=";
    p += 2;
  } else if (tail === "左右") {
    p += 2;
  }
  return { values, valueMax, unit, end: p, approx, suffixCmp };
}
