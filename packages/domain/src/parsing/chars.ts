/**
 * Character-level normalisation shared by the cleaner and by every comparison: traditional → simplified,
 * full width → half width, and the "normalised for matching" form the gold README describes.
 *
 * Why a table and not `OpenCC.Converter`: the converter walks a phrase trie at roughly 130 ns per
 * character (≈300 ms for 2 MB), far over the parser's budget, and it may change a string's length,
 * which would break the 1:1 offset map back to the original text. Matching needs only characters, so we
 * fold OpenCC's own character dictionaries (HK/TW variants → OpenCC traditional → simplified) into one
 * 64 K lookup table, built once on first use.
 */
import * as OpenCC from "opencc-js";

let table: Uint16Array | undefined;

/** Adds every single-character BMP pair of an OpenCC dictionary string ("丟 丢|並 并|…") to `into`. */
function addCharPairs(into: Map<number, number>, dict: unknown): void {
  if (typeof dict !== "string") {
    return;
  }
  for (const entry of dict.split("|")) {
    const space = entry.indexOf(" ");
    // Only length-preserving pairs: one UTF-16 unit on each side keeps offsets 1:1.
    if (space !== 1 || entry.length !== 3) {
      continue;
    }
    into.set(entry.charCodeAt(0), entry.charCodeAt(2));
  }
}

/**
 * The character dictionaries (last member of each dictionary group) of `OpenCC.Locale[direction][name]`.
 * opencc-js's bundled typings for `Locale` do not resolve under NodeNext, so the shape is checked here.
 */
function charDicts(direction: "from" | "to", name: string): unknown[] {
  const locale = (OpenCC as unknown as { Locale?: Record<string, Record<string, unknown> | undefined> })
    .Locale;
  const groups = locale?.[direction]?.[name];
  if (!Array.isArray(groups)) {
    return [];
  }
  return groups.map((group: unknown) =>
    Array.isArray(group) ? (group[group.length - 1] as unknown) : undefined,
  );
}

function buildTable(): Uint16Array {
  const variants = new Map<number, number>();
  for (const dict of [...charDicts("from", "tw"), ...charDicts("from", "hk")]) {
    addCharPairs(variants, dict);
  }
  const toSimplified = new Map<number, number>();
  for (const dict of charDicts("to", "cn")) {
    addCharPairs(toSimplified, dict);
  }
  const out = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    out[c] = c;
  }
  for (const [from, to] of toSimplified) {
    out[from] = to;
  }
  // A regional variant first becomes OpenCC traditional, then simplified.
  for (const [from, to] of variants) {
    out[from] = toSimplified.get(to) ?? to;
  }
  // Full-width ASCII (！ … ～) and the ideographic space become their half-width forms.
  for (let c = 0xff01; c <= 0xff5e; c++) {
    out[c] = c - 0xfee0;
  }
  out[0x3000] = 0x20;
  out[0xa0] = 0x20;
  out[0x2002] = 0x20;
  out[0x2003] = 0x20;
  out[0xfeff] = 0x20;
  out[0xfe5d] = 0x3014; // ﹝ → 〔
  out[0xfe5e] = 0x3015; // ﹞ → 〕
  return out;
}

/** The one-to-one character table (code unit → code unit), built on first use. */
export function charTable(): Uint16Array {
  table ??= buildTable();
  return table;
}

/** Traditional → simplified and full → half width, character by character; keeps the length. */
export function foldChars(text: string): string {
  const t = charTable();
  const codes: number[] = new Array<number>(text.length);
  let isChanged = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const m = t[c] ?? c;
    codes[i] = m;
    isChanged ||= m !== c;
  }
  if (!isChanged) {
    return text;
  }
  let out = "";
  for (let i = 0; i < codes.length; i += 4096) {
    out += String.fromCharCode(...codes.slice(i, i + 4096));
  }
  return out;
}

const NOT_WORD = /[\p{P}\p{S}\s]/gu;

/**
 * The README's comparison form: simplified, half width, without spaces or punctuation, lower case.
 * Titles, metrics and unit names are compared in this form.
 */
export function normalizeForMatch(text: string): string {
  return foldChars(text).replace(NOT_WORD, "").toLowerCase();
}

/** True for a CJK unified ideograph (the basic block and extension A). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}
