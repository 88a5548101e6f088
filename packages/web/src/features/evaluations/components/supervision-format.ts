/**
 * Display of supervision check values: rates as percentages (2 decimals, half-up), amounts and counts
 * as plain numbers. Verdicts come from the server; this only formats.
 */
import type { CheckView } from "@luoshi/contracts";
import { formatDecimal } from "@luoshi/common";

/** Threshold keys whose values are not rates even though they may be ≤ 1. */
const PLAIN_KEYS = new Set(["quality.monitoringGap"]);

/** Whether a check's value reads as a percentage (its threshold is a fraction). */
function isRateCheck(c: Pick<CheckView, "threshold" | "thresholdKey">): boolean {
  return c.threshold <= 1 && !PLAIN_KEYS.has(c.thresholdKey);
}

/** A value as the check reads it: "88.00%", "6,000", "—". */
export function formatCheckValue(
  c: Pick<CheckView, "threshold" | "thresholdKey">,
  value: number | null,
): string {
  if (value === null) {
    return "—";
  }
  if (isRateCheck(c)) {
    return `${formatDecimal(value * 100, 2)}%`;
  }
  return Number.isInteger(value) ? value.toLocaleString("zh-CN") : formatDecimal(value, 2);
}

/** The threshold with its direction: "≥ 85.00%", "≤ 15", "< 0.15". */
export function formatThreshold(
  c: Pick<CheckView, "threshold" | "thresholdKey" | "direction" | "isStrict">,
): string {
  const sign = c.direction === "min" ? (c.isStrict ? ">" : "≥") : c.isStrict ? "<" : "≤";
  return `${sign} ${formatCheckValue(c, c.threshold)}`;
}
