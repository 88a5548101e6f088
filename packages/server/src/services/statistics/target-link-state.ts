/** The link state of a plan target's indicator, as stored: shared by 确认指标关联's audit and its answer. */
import type { TargetMonitorItem } from "@luoshi/contracts";
import type { PlanTargetRow } from "@luoshi/db";

/** The stored link state of a target: confirmed by staff, suggested by the parser, or none. */
export function linkStateOf(
  row: Pick<PlanTargetRow, "indicator_code" | "indicator_confirmed_at">,
): TargetMonitorItem["linkState"] {
  if (row.indicator_confirmed_at !== null) {
    return "confirmed";
  }
  return row.indicator_code === null ? "none" : "suggested";
}
