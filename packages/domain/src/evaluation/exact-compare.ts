/**
 * Threshold comparisons that floating-point error cannot flip (spec §1.1a "以上" includes the number).
 *
 * Method: a verdict "m·R/P ≥ t" is never decided on the rounded quotient. The threshold t (a short
 * decimal such as 4.2 or 0.9) is turned into an exact ratio T/D of integers (42/10, 9/10) and the test
 * is cross-multiplied: m·R·D ≥ T·P. With integer counts (teachers, rooms, pupils) both sides are exact
 * integers below 2⁵³, so 9 rooms for 1,000 pupils meets 0.9 per 100 exactly (9·100·10 = 9·1000).
 * Non-integer quantities (areas, split facility shares) are compared with a relative tolerance of
 * 1e-12 of the larger side: far below data precision (0.01 m² in 10⁷ m² is 1e-9) and far above the
 * ~1e-16 error of one multiplication, so a value that is mathematically at the threshold meets it.
 */

/** Relative tolerance used for ties (see the module comment). */
export const RELATIVE_TOLERANCE = 1e-12;

/** A threshold prepared for cross-multiplied comparison: t·f = `numerator` / `denominator`. */
export interface PreparedThreshold {
  /** The threshold as given (after the factor), for display. */
  value: number;
  numerator: number;
  denominator: number;
}

/** Exact ratio of a short decimal (≤ 12 significant digits), or null when it has no short form. */
export function decimalToRatio(x: number): { numerator: number; denominator: number } | null {
  if (!Number.isFinite(x)) {
    return null;
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(x));
  if (!match) {
    return null;
  }
  const [, sign = "", whole = "", fraction = ""] = match;
  if (whole.length + fraction.length > 15) {
    return null;
  }
  const numerator = Number(sign + whole + fraction);
  return { numerator, denominator: 10 ** fraction.length };
}

/**
 * Prepares threshold t times factor f (e.g. 0.85 of 4.2 for the 85% rule) as one exact ratio.
 * Falls back to the floating value over 1 when either has no short decimal form.
 */
export function prepareThreshold(threshold: number, factor = 1): PreparedThreshold {
  const t = decimalToRatio(threshold);
  const f = decimalToRatio(factor);
  if (t && f) {
    return {
      value: threshold * factor,
      numerator: t.numerator * f.numerator,
      denominator: t.denominator * f.denominator,
    };
  }
  return { value: threshold * factor, numerator: threshold * factor, denominator: 1 };
}

/** Three-way comparison of two non-negative magnitudes with the relative tie tolerance. */
export function compareWithTolerance(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    return Number.NaN;
  }
  const diff = a - b;
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(diff) <= RELATIVE_TOLERANCE * scale) {
    return 0;
  }
  return diff < 0 ? -1 : 1;
}

/**
 * Compares the ratio m·numerator/denominator with a prepared threshold without dividing:
 * returns −1 (below), 0 (equal, within tolerance), 1 (above), or NaN when the denominator is not
 * positive or an input is not finite.
 */
export function compareRatio(
  numerator: number,
  denominator: number,
  threshold: PreparedThreshold,
  multiplier = 1,
): number {
  if (!(denominator > 0)) {
    return Number.NaN;
  }
  return compareWithTolerance(
    numerator * multiplier * threshold.denominator,
    threshold.numerator * denominator,
  );
}

/** Direction of a threshold: `min` = value must be ≥ (以上), `max` = value must be ≤ (不超过). */
export type ThresholdDirection = "min" | "max";

/**
 * Whether m·numerator/denominator meets threshold t in the given direction, ties meeting it
 * (以上/以下 include the number). `strict` makes ties fail (e.g. 校际差异率 "低于 0.15").
 */
export function ratioMeets(
  numerator: number,
  denominator: number,
  threshold: number,
  direction: ThresholdDirection,
  options: { multiplier?: number; strict?: boolean } = {},
): boolean {
  const c = compareRatio(numerator, denominator, prepareThreshold(threshold), options.multiplier ?? 1);
  if (Number.isNaN(c)) {
    return false;
  }
  const sign = direction === "min" ? c : -c;
  return options.strict === true ? sign > 0 : sign >= 0;
}

/** Whether a scalar meets a threshold (ties meet it unless `strict`), with the relative tolerance. */
export function valueMeets(
  value: number,
  threshold: number,
  direction: ThresholdDirection,
  strict = false,
): boolean {
  const c = compareWithTolerance(value, threshold);
  if (Number.isNaN(c)) {
    return false;
  }
  const sign = direction === "min" ? c : -c;
  return strict ? sign > 0 : sign >= 0;
}
