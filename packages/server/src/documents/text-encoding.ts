/**
 * Bytes of a plain-text file → string. Bureau documents arrive as UTF-8 (with or without BOM), GBK /
 * GB18030 from older Windows tools, and now and then UTF-16 from Word's "Unicode text" export.
 */
import * as chardet from "chardet";
import iconv from "iconv-lite";

/** The outcome of decoding text bytes. */
export type TextDecodeResult =
  | {
      ok: true;
      text: string;
      encoding: string;
      isGuessed: boolean;
      /** Invalid byte sequences replaced by U+FFFD in otherwise valid UTF-8 (0 when none). */
      replaced?: number;
    }
  | { ok: false; reason: "binary" };

/**
 * Valid multi-byte characters needed per invalid sequence for bytes to count as UTF-8 with a few stray
 * bytes rather than as a legacy encoding: GBK read as UTF-8 is nearly all invalid sequences.
 */
const UTF8_GOOD_PER_BAD = 50;

/** U+FFFD and other non-ASCII characters in a leniently decoded text. */
function utf8Damage(text: string): { bad: number; good: number } {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      bad++;
    } else if (c >= 0x80) {
      good++;
    }
  }
  return { bad, good };
}

function hasBom(bytes: Uint8Array, bom: readonly number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

/** Share of zero bytes at even and odd positions of a sample: UTF-16 text has many on one side. */
function zeroProfile(bytes: Uint8Array): { even: number; odd: number } {
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) {
        even++;
      } else {
        odd++;
      }
    }
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half };
}

/**
 * True when the bytes are not text: NUL bytes that are not UTF-16's pattern, or many control bytes
 * (images, executables, zip archives, old .doc files).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) {
    return false;
  }
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) {
      control++;
    }
  }
  return control / n > 0.1;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** chardet's names → iconv-lite's; all Chinese GB encodings decode as their superset GB18030. */
function iconvName(detected: string): string {
  const name = detected.toLowerCase();
  if (name.startsWith("gb") || name === "big5" || name === "iso-2022-cn") {
    return name === "big5" ? "big5" : "gb18030";
  }
  return name;
}

/** Decodes text bytes, detecting the encoding; reports binary data instead of decoding it. */
export function decodeTextBytes(bytes: Uint8Array): TextDecodeResult {
  if (hasBom(bytes, [0xef, 0xbb, 0xbf])) {
    return {
      ok: true,
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
      encoding: "utf-8",
      isGuessed: false,
    };
  }
  if (hasBom(bytes, [0xff, 0xfe])) {
    return {
      ok: true,
      text: iconv.decode(bytes.subarray(2), "utf-16le"),
      encoding: "utf-16le",
      isGuessed: false,
    };
  }
  if (hasBom(bytes, [0xfe, 0xff])) {
    return {
      ok: true,
      text: iconv.decode(bytes.subarray(2), "utf-16be"),
      encoding: "utf-16be",
      isGuessed: false,
    };
  }
  const zeros = zeroProfile(bytes);
  // UTF-16 without BOM: ASCII and CJK mixed text leaves zero bytes on one side only.
  if (zeros.odd > 0.2 && zeros.even < 0.05) {
    return { ok: true, text: iconv.decode(bytes, "utf-16le"), encoding: "utf-16le", isGuessed: true };
  }
  if (zeros.even > 0.2 && zeros.odd < 0.05) {
    return { ok: true, text: iconv.decode(bytes, "utf-16be"), encoding: "utf-16be", isGuessed: true };
  }
  if (looksBinary(bytes)) {
    return { ok: false, reason: "binary" };
  }
  if (isValidUtf8(bytes)) {
    return { ok: true, text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", isGuessed: false };
  }
  // A UTF-8 file with a few stray or flipped bytes is still UTF-8: read it so, the bad bytes replaced,
  // rather than as a legacy encoding that turns the whole text into nonsense.
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const damage = utf8Damage(lenient);
  if (damage.good >= UTF8_GOOD_PER_BAD * damage.bad) {
    return { ok: true, text: lenient, encoding: "utf-8", isGuessed: false, replaced: damage.bad };
  }
  const detected = chardet.detect(bytes);
  const name = detected === null ? "gb18030" : iconvName(detected);
  const encoding = iconv.encodingExists(name) ? name : "gb18030";
  return { ok: true, text: iconv.decode(bytes, encoding), encoding, isGuessed: true };
}

/** Share of U+FFFD replacement characters: high values mean the encoding guess was wrong. */
export function replacementShare(text: string): number {
  if (text.length === 0) {
    return 0;
  }
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 0xfffd) {
      bad++;
    }
  }
  return bad / text.length;
}
