/**
 * 数值修约 for display — the one rule of the official tables: round half up (away from zero) on the
 * decimal value as it is printed. 2.675 prints as "2.675", so it becomes 2.68 at two places, although
 * the binary double behind it is 2.67499999…; naive `Math.round(x * 100) / 100` and `toFixed` give 2.67.
 *
 * Verdicts never use these functions: the 差异系数 is compared with its limit unrounded (spec §1.1b);
 * rounding happens only where a figure is shown.
 */

/** The decimal digits of |x| as JavaScript prints it (shortest round trip), without exponent. */
function plainDigits(x: number): { int: string; frac: string } {
  const text = String(Math.abs(x));
  const exp = /^(\d+)(?:\.(\d*))?e([+-]\d+)$/.exec(text);
  if (exp === null) {
    const [int = "0", frac = ""] = text.split(".");
    return { int, frac };
  }
  const digits = `${exp[1] ?? ""}${exp[2] ?? ""}`;
  const point = (exp[1] ?? "").length + Number(exp[3]);
  if (point <= 0) {
    return { int: "0", frac: `${"0".repeat(-point)}${digits}` };
  }
  return point >= digits.length
    ? { int: `${digits}${"0".repeat(point - digits.length)}`, frac: "" }
    : { int: digits.slice(0, point), frac: digits.slice(point) };
}

/**
 * `x × 10^shift` written with exactly `digits` decimals, rounded half up on the printed decimal value
 * (`shift` 2 turns a rate into percent without the binary error of `x * 100`). No sign; the caller adds it.
 */
function roundedDigits(x: number, digits: number, shift: number): string {
  const { int, frac } = plainDigits(x);
  const padded = frac.padEnd(shift, "0");
  const whole = `${int}${padded.slice(0, shift)}`;
  const rest = padded.slice(shift);
  const kept = `${whole}${rest.slice(0, digits).padEnd(digits, "0")}`;
  const up = (rest.charCodeAt(digits) || 0) >= 53; // "5"
  const n = (BigInt(kept) + (up ? 1n : 0n)).toString().padStart(digits + 1, "0");
  return digits === 0 ? n : `${n.slice(0, n.length - digits)}.${n.slice(n.length - digits)}`;
}

/** The signed fixed-point text, never "-0.00". */
function signed(x: number, text: string): string {
  return x < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * Rounds half away from zero at `digits` decimals on the printed decimal value (0.5155 → 0.516,
 * 2.675 → 2.68, −2.5 → −3). Non-finite values come back unchanged.
 */
export function roundHalfUp(x: number, digits: number): number {
  if (!Number.isFinite(x)) {
    return x;
  }
  return Number(signed(x, roundedDigits(x, digits, 0)));
}

/** `x` with exactly `digits` decimals after {@link roundHalfUp}; "—" for a missing or non-finite value. */
export function formatDecimal(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) {
    return "—";
  }
  return signed(x, roundedDigits(x, digits, 0));
}

/** A number for reading: integers as they are, others half-up with up to `maxDigits` decimals (1.5, 94.08). */
export function formatNumber(x: number | null | undefined, maxDigits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) {
    return "—";
  }
  return String(roundHalfUp(x, maxDigits));
}

/**
 * A rate (0.9512) as a percentage with `digits` decimals ("95.1%"); the ×100 is done on the decimal
 * digits, so 0.0145 gives "1.5%" where `(0.0145 * 100).toFixed(1)` gives "1.4%". "—" when missing.
 */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return "—";
  }
  return `${signed(rate, roundedDigits(rate, digits, 2))}%`;
}

/** The display forms of an indicator value: 94.08%, 生机比 6.00:1, 师幼比 1:15.00, or a plain number. */
export const INDICATOR_DISPLAYS = ["percent", "ratio", "inverseRatio", "number"] as const;

/** One of {@link INDICATOR_DISPLAYS}. */
export type IndicatorDisplay = (typeof INDICATOR_DISPLAYS)[number];

/** What {@link formatIndicatorValue} needs to know of an indicator. */
export interface IndicatorFormat {
  display: IndicatorDisplay;
  decimals: number;
  unit: string;
}

/**
 * An indicator value in its published form (values of percent indicators are already in percent:
 * 94.075 → "94.08%"); "—" for a missing value.
 */
export function formatIndicatorValue(format: IndicatorFormat, value: number | null | undefined): string {
  const text = formatDecimal(value, format.decimals);
  if (text === "—") {
    return text;
  }
  switch (format.display) {
    case "percent":
      return `${text}%`;
    case "ratio":
      return `${text}:1`;
    case "inverseRatio":
      return `1:${text}`;
    case "number":
      return format.unit === "" ? text : `${text}${format.unit}`;
  }
}
