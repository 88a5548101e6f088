/**
 * Writing indicator figures the way the server publishes them (94.08%, 6:1, 1:15), for values the web
 * derives itself: goals, deltas, projections and chart axes.
 */
import { formatDecimal, formatIndicatorValue } from "@luoshi/common";
import type { DashboardIndicator } from "@luoshi/contracts";

type Shape = Pick<DashboardIndicator, "display" | "decimals" | "unit">;

/** A value in the indicator's published form (the server's own rule, from @luoshi/common); "—" for null. */
export function formatValue(indicator: Shape, value: number | null): string {
  return formatIndicatorValue(indicator, value);
}

/** A goal such as "≥ 85%" or "≤ 1:15": written as set, without padding zeros (85, not 85.00). */
export function formatGoal(indicator: Shape, comparator: string, value: number | null): string {
  const symbol: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };
  const decimals = value === null ? 0 : Math.min(indicator.decimals, significantDecimals(value));
  const text = value === null ? "" : formatValue({ ...indicator, decimals }, value);
  return `${symbol[comparator] ?? comparator} ${text}`.trim();
}

/** Decimals a number needs (4.5 → 1, 85 → 0), up to 6. */
function significantDecimals(value: number): number {
  for (let d = 0; d < 6; d++) {
    if (Math.abs(Number(value.toFixed(d)) - value) < 1e-9) {
      return d;
    }
  }
  return 6;
}

/** The change between two values: "+1.23" (percentage points for rates); null when either is missing. */
export function formatDelta(indicator: Shape, from: number | null, to: number | null): string | null {
  if (from === null || to === null) {
    return null;
  }
  const d = to - from;
  const text = formatDecimal(d, indicator.decimals);
  return Number(text) > 0 ? `+${text}` : text;
}

/** Whether a change is for the better (+1), worse (−1) or none (0), given which way is better. */
export function deltaTone(
  indicator: Pick<DashboardIndicator, "direction" | "decimals">,
  from: number | null,
  to: number | null,
): -1 | 0 | 1 {
  if (from === null || to === null) {
    return 0;
  }
  const d = Number(formatDecimal(to - from, indicator.decimals));
  if (d === 0) {
    return 0;
  }
  return d > 0 === (indicator.direction === "higher") ? 1 : -1;
}
