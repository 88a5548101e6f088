/** Number formatting of the 目标监测 tab. */
import { formatNumber } from "@luoshi/common";
import type { TargetMonitorItem } from "@luoshi/contracts";

/** A figure as published: integers as they are, others with up to two decimals. */
export function formatTargetNumber(v: number | null | undefined): string {
  return formatNumber(v, 2);
}

/** A figure with its unit (94.08%, 6:1 stays “6:1”, 300 人). */
export function withUnit(v: number | null | undefined, unit: string): string {
  const n = formatTargetNumber(v);
  if (n === "—" || unit === "") {
    return n;
  }
  return unit === "%" || unit.startsWith(":") ? `${n}${unit}` : `${n} ${unit}`;
}

const SYMBOLS: Readonly<Record<TargetMonitorItem["comparator"], string>> = {
  ">=": "≥",
  "<=": "≤",
  "=": "=",
  ">": ">",
  "<": "<",
  increase: "+",
  decrease: "−",
};

/** The target itself: “≥ 95%”, “= 100%”, “+ 3 个百分点”. */
export function formatGoal(item: Pick<TargetMonitorItem, "comparator" | "value" | "unit">): string {
  return `${SYMBOLS[item.comparator]} ${withUnit(item.value, item.unit)}`;
}

/** A yearly change with its sign: +1.67, −0.5. */
export function formatChange(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) {
    return "—";
  }
  const n = formatTargetNumber(Math.abs(v));
  return v > 0 ? `+${n}` : v < 0 ? `−${n}` : "0";
}

/** antd tag colours of the statuses (绿 达成, 蓝 正常, 橙 风险, 红 滞后, 灰 无数据). */
export const STATUS_COLORS: Readonly<Record<TargetMonitorItem["status"], string>> = {
  achieved: "success",
  "on-track": "processing",
  "at-risk": "warning",
  "off-track": "error",
  "no-data": "default",
};

/** antd tag colours of the projection methods (趋势外推 plain, 队列推算 marked). */
export const PROJECTION_COLORS: Readonly<Record<NonNullable<TargetMonitorItem["projectionMethod"]>, string>> =
  {
    trend: "default",
    cohort: "purple",
  };
