/**
 * Hand-written tokenizer of the 指标表达式 language. Identifiers are dotted names
 * (`teachers.fullTime.junior`) or CJK words (filter values such as 乡村, 公办); full-width brackets,
 * commas and operators are read as their ASCII forms so that formulas pasted from Word still work.
 */
import type { Issue } from "../issues.ts";

/** Token kinds. */
export type TokenKind = "number" | "ident" | "op" | "eof";

/** One token with its offset and length in the source. */
export interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
  "（": "(",
  "）": ")",
  "，": ",",
  "＋": "+",
  "－": "-",
  "×": "*",
  "＊": "*",
  "÷": "/",
  "／": "/",
  "＝": "=",
  "＠": "@",
};

const isDigit = (c: string): boolean => c >= "0" && c <= "9";
const isIdentStart = (c: string): boolean =>
  (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || /\p{Script=Han}/u.test(c);
const isIdentPart = (c: string): boolean => isIdentStart(c) || isDigit(c) || c === ".";

/** Splits a formula into tokens; unknown characters become `unexpected-character` issues. */
export function tokenize(source: string): { tokens: Token[]; issues: Issue[] } {
  const tokens: Token[] = [];
  const issues: Issue[] = [];
  let i = 0;
  while (i < source.length) {
    const raw = source.charAt(i);
    const c = FULL_WIDTH[raw] ?? raw;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(source.charAt(i + 1)))) {
      const start = i;
      while (i < source.length && (isDigit(source.charAt(i)) || source.charAt(i) === ".")) {
        i += 1;
      }
      tokens.push({ kind: "number", text: source.slice(start, i), pos: start });
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (i < source.length && isIdentPart(source.charAt(i))) {
        i += 1;
      }
      tokens.push({ kind: "ident", text: source.slice(start, i), pos: start });
      continue;
    }
    if ((c === "!" || c === "<" || c === ">") && source.charAt(i + 1) === "=") {
      tokens.push({ kind: "op", text: `${c}=`, pos: i });
      i += 2;
      continue;
    }
    if ("()+-*/,=@:".includes(c)) {
      tokens.push({ kind: "op", text: c, pos: i });
      i += 1;
      continue;
    }
    issues.push({
      code: "unexpected-character",
      severity: "error",
      message: `第 ${i + 1} 个字符“${raw}”无法识别`,
      where: { offset: i },
    });
    i += 1;
  }
  tokens.push({ kind: "eof", text: "", pos: source.length });
  return { tokens, issues };
}
