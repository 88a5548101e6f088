/**
 * Rounding for display only (spec §1.1b: compute at full precision, print 3 decimals). Verdicts never
 * use these functions.
 */

/**
 * Rounds half away from zero at `digits` decimals, the way official tables print (0.5155 → 0.516),
 * removing binary noise first (0.5155 × 1000 is 515.4999… in floating point).
 */
export function roundHalfUp(x: number, digits: number): number {
  if (!Number.isFinite(x)) {
    return x;
  }
  const p = 10 ** digits;
  const shifted = Number((Math.abs(x) * p).toPrecision(15));
  return (Math.sign(x) * Math.round(shifted)) / p;
}

/** Formats a number with exactly `digits` decimals after half-up rounding; "—" when undefined. */
export function formatDecimal(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) {
    return "—";
  }
  return roundHalfUp(x, digits).toFixed(digits);
}

/** 差异系数 as official tables print it: 3 decimals (0.51529… → "0.515"); "—" when undefined. */
export function formatDifferenceCoefficient(cv: number | null | undefined): string {
  return formatDecimal(cv, 3);
}

/** An indicator value (全县平均值, 标准差, school value) for display: 2 decimals by default. */
export function formatIndicatorValue(value: number | null | undefined, digits = 2): string {
  return formatDecimal(value, digits);
}

/** A rate (0.9512) as a percentage with one decimal ("95.1%"). */
export function formatRate(rate: number | null | undefined, digits = 1): string {
  const s = formatDecimal(rate === null || rate === undefined ? rate : rate * 100, digits);
  return s === "—" ? s : `${s}%`;
}
