/**
 * First pass: the original text becomes a "clean" text for matching — simplified, half width, no
 * injected pinyin, no carriage returns — plus a map from every clean offset back to the original, so
 * every node and target can point at the words a person actually reads.
 */
import type { Issue } from "../issues.ts";
import { charTable } from "./chars.ts";

/**
 * The cleaned text and its way back to the original. Removals are rare (pinyin groups, `\r`), so the
 * map is kept sparse: `gapAt[k]` is a clean offset from which `gapShift[k]` original characters in
 * total have been removed before it. A dense per-character map cost more than the cleaning itself.
 */
export interface CleanText {
  /** The original text, untouched. */
  original: string;
  /** Simplified, half width, pinyin and `\r` removed. Same line structure as the original. */
  text: string;
  gapAt: readonly number[];
  gapShift: readonly number[];
}

/** The original offset of clean offset `i`. */
function originalOffset(clean: CleanText, i: number): number {
  const { gapAt, gapShift } = clean;
  let lo = 0;
  let hi = gapAt.length - 1;
  let shift = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((gapAt[mid] ?? 0) <= i) {
      shift = gapShift[mid] ?? 0;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return i + shift;
}

const TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
const PLAIN_SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]{1,3})(?:ng|n|r)?$/;

function isPinyinLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || TONE_VOWELS.includes(String.fromCharCode(code));
}

/**
 * Length of an injected pinyin group `(guān)` starting at `i` (an opening parenthesis right after a Han
 * character), or 0. Pages converted by some CMS plug-ins carry these after many characters; they must
 * not reach titles or break words such as 关于.
 */
function pinyinLength(src: string, i: number): number {
  const open = src.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) {
    return 0;
  }
  let from = i + 1;
  while (src.charCodeAt(from) === 0x20) {
    from++;
  }
  let j = from;
  while (j < src.length && j - from < 7 && isPinyinLetter(src.charCodeAt(j))) {
    j++;
  }
  const letters = src.slice(from, j);
  // Some converters leave a space before the closing parenthesis: 创(chuàng ).
  while (src.charCodeAt(j) === 0x20 && j - from < 9) {
    j++;
  }
  const close = src.charCodeAt(j);
  if (letters.length === 0 || (close !== 0x29 && close !== 0xff09)) {
    return 0;
  }
  let hasTone = false;
  for (let k = 0; k < letters.length; k++) {
    const ch = letters.charAt(k);
    hasTone ||= ch !== "ü" && TONE_VOWELS.includes(ch);
  }
  return hasTone || PLAIN_SYLLABLE.test(letters) ? j - i + 1 : 0;
}

type Utf16Decoder = new (label: string) => { decode(input: Uint16Array): string };

/** The platform's UTF-16LE decoder when there is one and the platform is little-endian. */
const utf16Decoder = ((): { decode(input: Uint16Array): string } | null => {
  const Decoder = (globalThis as unknown as { TextDecoder?: Utf16Decoder }).TextDecoder;
  const isLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return Decoder !== undefined && isLittleEndian ? new Decoder("utf-16le") : null;
})();

/** Turns a code-unit buffer into a string (TextDecoder where available: ~5× faster than fromCharCode). */
function decodeUnits(units: Uint16Array, length: number): string {
  if (utf16Decoder !== null) {
    return utf16Decoder.decode(units.subarray(0, length));
  }
  const parts: string[] = [];
  for (let i = 0; i < length; i += 4096) {
    // apply() takes the typed array directly; spreading it is an order of magnitude slower.
    const chunk = units.subarray(i, Math.min(length, i + 4096)) as unknown as number[];
    parts.push(String.fromCharCode.apply(null, chunk));
  }
  return parts.join("");
}

/**
 * Cleans a document. Never throws; reports what it removed or could not repair as `info`/`warning`
 * issues (`pinyin-removed`, `traditional-converted`, `mojibake`).
 */
export function cleanText(original: string): { clean: CleanText; issues: Issue[] } {
  const table = charTable();
  const length = original.length;
  const out = new Uint16Array(length);
  const gapAt: number[] = [];
  const gapShift: number[] = [];
  let removed = 0;
  const remove = (at: number, count: number): void => {
    removed += count;
    if (gapAt[gapAt.length - 1] === at) {
      gapShift[gapShift.length - 1] = removed;
    } else {
      gapAt.push(at);
      gapShift.push(removed);
    }
  };
  let n = 0;
  let pinyin = 0;
  let converted = 0;
  let mojibake = 0;
  for (let i = 0; i < length; i++) {
    const code = original.charCodeAt(i);
    const mapped = table[code] ?? code;
    // The hot path is one lookup and one store; the few special characters take the branch below.
    if (code !== 0x0d && code !== 0x28 && code !== 0xff08 && code !== 0x3f && code !== 0xfffd) {
      // Only Han characters count as converted: full-width punctuation folded to half width is not 繁体.
      if (mapped !== code && code >= 0x3400 && code < 0xfe30) {
        converted++;
      }
      out[n++] = mapped;
      continue;
    }
    if (code === 0x0d) {
      remove(n, 1);
      continue;
    }
    const prev = original.charCodeAt(i - 1);
    const isAfterHan = (prev >= 0x4e00 && prev <= 0x9fff) || (prev >= 0x3400 && prev <= 0x4dbf);
    const skip = isAfterHan && code !== 0x3f && code !== 0xfffd ? pinyinLength(original, i) : 0;
    if (skip > 0) {
      pinyin++;
      remove(n, skip);
      i += skip - 1;
      continue;
    }
    if (code === 0xfffd || (code === 0x3f && original.charCodeAt(i + 1) === 0x3f)) {
      mojibake++;
    }
    out[n++] = mapped;
  }
  const issues: Issue[] = [];
  if (pinyin > 0) {
    issues.push({
      code: "pinyin-removed",
      severity: "info",
      message: `已去除正文中夹带的拼音注音 ${pinyin} 处`,
    });
  }
  if (converted > 0) {
    issues.push({
      code: "traditional-converted",
      severity: "info",
      message: `已将 ${converted} 个繁体字转换为简体用于识别，原文保留`,
    });
  }
  if (mojibake > 0) {
    issues.push({
      code: "mojibake",
      severity: "warning",
      message: `原文有 ${mojibake} 处乱码（如“??”），相关标题或语句可能不完整`,
    });
  }
  return {
    clean: { original, text: decodeUnits(out, n), gapAt, gapShift },
    issues,
  };
}

/** Maps a clean `[start, end)` range to the original text. */
export function toOriginalSpan(clean: CleanText, start: number, end: number): { start: number; end: number } {
  const s = originalOffset(clean, start);
  // The end maps through the last included character so trailing removed pinyin stays outside.
  const last = end > start ? originalOffset(clean, end - 1) + 1 : s;
  return { start: s, end: last };
}
