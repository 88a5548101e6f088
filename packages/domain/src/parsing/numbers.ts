/**
 * Numbers as policy documents write them: Chinese numerals (十四, 两, 二〇二一), arabic numbers with 万/亿,
 * five-year-plan names (十四五) and dates.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  "0": 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Characters that may appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = "零〇一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟";

/**
 * Value of a Chinese numeral below 10 000 (一 → 1, 十四 → 14, 二十三 → 23, 一百零五 → 105, 两 → 2),
 * or null when the string is not one.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) {
    return null;
  }
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = SMALL_UNITS[ch];
    if (unit === undefined) {
      return null;
    }
    // 十 alone means 10; 二十 means 20.
    total += (digit ?? 1) * unit;
    digit = null;
  }
  return total + (digit ?? 0);
}

/** A digit-by-digit Chinese year (二〇二一 → 2021), or null. */
function parseChineseYear(text: string): number | null {
  if (text.length !== 4) {
    return null;
  }
  let year = 0;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined) {
      return null;
    }
    year = year * 10 + d;
  }
  return year;
}

/** Rounds away binary noise (24177.05 × 10 000 = 241770500.00000003). */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The multiplier of a 万/亿 magnitude character, 1 when absent. */
export function magnitude(ch: string | undefined): number {
  if (ch === "万") {
    return 1e4;
  }
  if (ch === "亿") {
    return 1e8;
  }
  return 1;
}

/**
 * Start and end years of the n-th five-year plan named in Chinese (十三五 → 2016–2020, 十四五 →
 * 2021–2025). Counted from the 6th plan (1981–1985), after which the plans follow each other without
 * gaps; earlier plans are not met in current documents and give null.
 */
export function fiveYearPlanYears(name: string): [number, number] | null {
  const m = /^([一二三四五六七八九十]{1,3})五$/.exec(name);
  const n = m?.[1] === undefined ? null : parseChineseNumeral(m[1]);
  if (n === null || n < 6) {
    return null;
  }
  const start = 1981 + 5 * (n - 6);
  return [start, start + 4];
}

/** ISO date `yyyy-mm-dd` from parts, or null when they do not form a real calendar date. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1) {
    return null;
  }
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30];
  const more = [31, 31, 30, 31, 30, 31];
  const max = [...days, ...more][month - 1] ?? 31;
  if (day > max) {
    return null;
  }
  return `${String(year)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * A whole string that is a date — 2017年7月31日, 2019-12-04, 20211011, 二〇二一年十月十一日 — as ISO
 * `yyyy-mm-dd`, or null.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) {
      return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    }
  }
  const cn =
    /^([〇零一二三四五六七八九]{4})年([十一二三四五六七八九]{1,2})月([十一二三四五六七八九]{1,3})日$/.exec(s);
  if (cn?.[1] !== undefined && cn[2] !== undefined && cn[3] !== undefined) {
    const y = parseChineseYear(cn[1]);
    const mo = parseChineseNumeral(cn[2]);
    const d = parseChineseNumeral(cn[3]);
    return y === null || mo === null || d === null ? null : isoDate(y, mo, d);
  }
  return null;
}
