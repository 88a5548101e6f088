/**
 * The public numbers a draw is seeded with, in the canonical text form of RFC 3797 §4: each source's
 * integers sorted ascending, each followed by ".", each source closed by "/". A source whose digits
 * are positional (福彩3D, 排列三) is written as one integer, so that sorting cannot reorder its digits.
 */
export interface EntropySource {
  /** What the numbers are, e.g. "中国福利彩票 双色球 2027031 期开奖号码". Not part of the key. */
  readonly name: string;
  readonly numbers: readonly number[];
}

/** Which published input a problem is in: the frozen list, the public numbers, or the commitment. */
export type DrawInputField = "labels" | "entropy" | "reveal";

/** A draw's input that cannot be used, with the input it is in (a CLI names the file, a page the box). */
export class DrawInputError extends Error {
  override readonly name = "DrawInputError";
  readonly field: DrawInputField | null;
  constructor(message: string, field: DrawInputField | null = null) {
    super(message);
    this.field = field;
  }
}

/** RFC 3797's key string for a list of sources. */
export function entropyKey(sources: readonly EntropySource[]): string {
  if (sources.length === 0)
    throw new DrawInputError("至少需要一组公开随机数（如指定一期彩票开奖号码）", "entropy");
  return sources
    .map((source, index) => {
      if (source.numbers.length === 0) {
        throw new DrawInputError(`第 ${index + 1} 组随机数“${source.name}”没有数字`, "entropy");
      }
      for (const value of source.numbers) {
        if (!Number.isSafeInteger(value) || value < 0) {
          throw new DrawInputError(
            `第 ${index + 1} 组随机数“${source.name}”含有非自然数：${value}`,
            "entropy",
          );
        }
      }
      const sorted = [...source.numbers].sort((a, b) => a - b);
      return `${sorted.map((value) => `${value}.`).join("")}/`;
    })
    .join("");
}

/**
 * Reads sources written one per line as "name: 1 2 3" (name optional), the form a 公告 prints them in.
 * Blank lines and lines starting with # are ignored.
 */
export function parseEntropyText(text: string): EntropySource[] {
  const sources: EntropySource[] = [];
  for (const [index, raw] of text.split(/\r?\n/u).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const colon = line.search(/[:：]/u);
    const name = colon >= 0 ? line.slice(0, colon).trim() : `第 ${sources.length + 1} 组`;
    const digits = (colon >= 0 ? line.slice(colon + 1) : line).trim();
    const parts = digits.split(/[\s,，、]+/u).filter((part) => part !== "");
    const numbers = parts.map((part) => {
      if (!/^\d{1,15}$/u.test(part)) {
        throw new DrawInputError(`随机数第 ${index + 1} 行：“${part}”不是自然数`, "entropy");
      }
      return Number(part);
    });
    if (numbers.length === 0) throw new DrawInputError(`随机数第 ${index + 1} 行没有数字`, "entropy");
    sources.push({ name, numbers });
  }
  return sources;
}
