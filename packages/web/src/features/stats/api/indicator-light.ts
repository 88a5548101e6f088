/**
 * The light on an indicator card: the status of the plan target tied to the indicator (from 目标监测),
 * or — without one — whether the value meets the spec's national reference value.
 */
import type { DashboardIndicator, TargetMonitorItem } from "@luoshi/contracts";

/** Card light states, as 目标监测 names them. */
export type LightStatus = TargetMonitorItem["status"];

/** Colours of the lights (antd Tag colours): green, blue, orange, red, grey. */
export const LIGHT_COLORS: Readonly<Record<LightStatus, string>> = {
  achieved: "green",
  "on-track": "blue",
  "at-risk": "orange",
  "off-track": "red",
  "no-data": "default",
};

/** What a card shows about its goal. */
export type CardGoal =
  | {
      kind: "target";
      status: LightStatus;
      comparator: string;
      value: number | null;
      year: number | null;
      projected: number | null;
      planTitle: string;
      text: string;
    }
  | { kind: "reference"; status: LightStatus; comparator: ">=" | "<="; value: number; source: string }
  | { kind: "none" };

const LINK_ORDER: Readonly<Record<TargetMonitorItem["linkState"], number>> = {
  confirmed: 0,
  suggested: 1,
  none: 2,
};

/**
 * The goal of one card. A plan target tied to the indicator wins (confirmed before suggested links, then
 * the nearest target year); otherwise the first area-level national reference value judges `value`.
 */
export function cardGoal(
  indicator: Pick<DashboardIndicator, "code" | "references">,
  value: number | null,
  targets: readonly TargetMonitorItem[],
): CardGoal {
  const linked = targets
    .filter((t) => t.indicatorCode === indicator.code && t.linkState !== "none")
    .sort(
      (a, b) =>
        LINK_ORDER[a.linkState] - LINK_ORDER[b.linkState] || (a.targetYear ?? 9999) - (b.targetYear ?? 9999),
    );
  const target = linked[0];
  if (target !== undefined) {
    return {
      kind: "target",
      status: target.status,
      comparator: target.comparator,
      value: target.value,
      year: target.targetYear,
      projected: target.projected,
      planTitle: target.planTitle,
      text: target.text,
    };
  }
  const reference = indicator.references.find((r) => r.scope === "area");
  if (reference === undefined) {
    return { kind: "none" };
  }
  const meets =
    value === null
      ? null
      : reference.comparator === ">="
        ? value >= reference.value
        : value <= reference.value;
  return {
    kind: "reference",
    status: meets === null ? "no-data" : meets ? "achieved" : "off-track",
    comparator: reference.comparator,
    value: reference.value,
    source: reference.source,
  };
}
