/**
 * 指标显示: values are computed unrounded; rounding happens only here, the way published figures are
 * written — 94.08%, 生机比 6:1, 幼儿园专任教师与幼儿比 1:15.
 */
import type { IndicatorDefinition } from "./definition.ts";

/** Rounds half away from zero to `decimals` places (published figures use this rule). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(value) * f;
  // Nudge by a relative epsilon so that 94.075 (stored as 94.07499…) rounds as a person expects.
  const rounded = Math.round(scaled * (1 + Number.EPSILON * 4)) / f;
  return value < 0 ? -rounded : rounded;
}

/** The value as shown for its definition ("—" for null). */
export function formatIndicatorValue(
  definition: Pick<IndicatorDefinition, "display" | "decimals" | "unit">,
  value: number | null,
): string {
  if (value === null) {
    return "—";
  }
  const text = roundTo(value, definition.decimals).toFixed(definition.decimals);
  switch (definition.display) {
    case "percent":
      return `${text}%`;
    case "ratio":
      return `${text}:1`;
    case "inverseRatio":
      return `1:${text}`;
    case "number":
      return definition.unit === "" ? text : `${text}${definition.unit}`;
  }
}
