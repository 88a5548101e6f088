/**
 * 印发月通报: what an issued bulletin adds to the month's figures — the 发文字号, the default 表扬 and
 * 批评 texts, and the ranked unit table.
 */
import type { BulletinUnitRow } from "./bulletin.ts";

/** `崆教督通`, 2026, 3 → `崆教督通〔2026〕3号` (the year in 六角括号, the 期号 without leading zeros). */
export function docNumberText(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${String(year)}〕${String(serial)}号`;
}

/**
 * Units to praise and to criticise by default. 表扬: units that owed reports in the month and sent every
 * one on time, with no overdue task. 批评: units with a red light (an open task past its deadline).
 */
export function commendations(perUnit: readonly BulletinUnitRow[]): {
  praised: string[];
  criticised: string[];
} {
  return {
    praised: perUnit
      .filter((u) => u.dueReports > 0 && u.onTimeReports === u.dueReports && u.overdue === 0)
      .map((u) => u.unit.name),
    criticised: perUnit.filter((u) => u.overdue > 0).map((u) => u.unit.name),
  };
}

/** The default 表扬 paragraph (editable by staff before issuing). */
export function praiseText(names: readonly string[]): string {
  return names.length === 0
    ? "本月无全部按时报送且无逾期任务的单位。"
    : `${names.join("、")}本月按时报送全部工作进展，无逾期任务，予以通报表扬。`;
}

/** The default 批评 paragraph (editable by staff before issuing). */
export function criticismText(names: readonly string[]): string {
  return names.length === 0
    ? "本月无红灯（逾期未办结）任务的单位。"
    : `${names.join("、")}有逾期未办结（红灯）任务，予以通报批评，请于下月5日前书面报送整改情况。`;
}

/** A unit's row with its 名次 (equal figures share a place: 1, 1, 3). */
export interface RankedUnitRow extends BulletinUnitRow {
  rank: number;
}

/** Compares two rows: fewer overdue, then higher 报送及时率 (none due ranks last), then more 按期办结. */
function compareRows(a: BulletinUnitRow, b: BulletinUnitRow): number {
  const rate = (u: BulletinUnitRow) => u.punctuality ?? -1;
  return a.overdue - b.overdue || rate(b) - rate(a) || b.onTime - a.onTime;
}

/**
 * 各单位排名: fewer overdue (红灯) tasks first, then the higher 报送及时率 for reports due in the
 * month (a unit with none due comes after those with a rate), then more tasks closed on time; units equal
 * on all three share a place and keep their registry order.
 */
export function rankUnits(perUnit: readonly BulletinUnitRow[]): RankedUnitRow[] {
  const sorted = perUnit.map((u, i) => ({ u, i })).sort((x, y) => compareRows(x.u, y.u) || x.i - y.i);
  const out: RankedUnitRow[] = [];
  sorted.forEach(({ u }, i) => {
    const prev = out[i - 1];
    const rank = prev !== undefined && compareRows(prev, u) === 0 ? prev.rank : i + 1;
    out.push({ ...u, rank });
  });
  return out;
}
