/**
 * Rounding for display only (spec §1.1b: compute at full precision, print 3 decimals). Verdicts never
 * use these functions. The rule itself — half up on the printed decimal — lives in @luoshi/common; this
 * module names the evaluation's display formats.
 */
import { formatDecimal, formatPercent } from "@luoshi/common";

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
  return formatPercent(rate, digits);
}
