import { ORG_KIND_LABELS, referenceDay } from "@luoshi/domain/org";
import { STATS_SHEET_LABELS, type ParsedRow } from "@luoshi/domain/stats";
import type { ScopeUnit } from "./stats-scope.service.ts";

/** A refused row, located as every import problem is. */
interface ClosedRowProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/**
 * Rows of a year's import that name a school (or 乡镇) closed before the year's reference day
 * (docs/org-units.md): such a unit did not exist in that statistical year, so its row is refused.
 */
export function closedUnitRows(
  rows: readonly ParsedRow[],
  units: ReadonlyMap<string, ScopeUnit>,
  year: number,
): ClosedRowProblem[] {
  const day = referenceDay(year);
  return rows.flatMap((r) => {
    const isArea = r.sheet === "population";
    const code = isArea ? r.areaCode : r.schoolCode;
    const unit = code === undefined ? undefined : units.get(code);
    if (unit?.closedOn === null || unit?.closedOn === undefined || unit.closedOn > day) {
      return [];
    }
    const how = unit.kind === "school" ? "撤并或撤销" : "撤销";
    return [
      {
        sheet: STATS_SHEET_LABELS[r.sheet],
        row: r.row,
        column: isArea ? "乡镇代码" : "学校标识码",
        message: `${STATS_SHEET_LABELS[r.sheet]} 第 ${String(r.row)} 行：${ORG_KIND_LABELS[unit.kind]} ${unit.code}（${unit.name}）已于 ${unit.closedOn} ${how}，不属于 ${String(year)} 年度（以 ${day} 为准），不能导入该行`,
      },
    ];
  });
}
