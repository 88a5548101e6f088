/**
 * 统计记录: one school's figures for one 统计年度 (教育事业统计 基层表, 学年初), and one 乡镇's population
 * by single year of age. Values are keyed by data element code; an absent element is "not reported" (it
 * counts as 0 in indicators, and validation can tell the two apart).
 */
import { findDataElement } from "./data-elements.ts";

/** Values by data element code. */
export type ElementValues = Readonly<Partial<Record<string, number>>>;

/**
 * One school-year record (学校年度统计记录). `year` is the 统计年度: the 2020 record is the 2020/21 学年初
 * report, whose 毕业生数 are the pupils who left in summer 2020.
 */
export interface SchoolYearRecord {
  /** 学校标识码. */
  schoolCode: string;
  year: number;
  values: ElementValues;
}

/**
 * 乡镇人口 by single year of age (`population.age0` … `population.age17`), the denominators of 毛入园率
 * and 毛入学率 (spec §4).
 */
export interface PopulationRecord {
  /** 行政区划代码 of the 乡镇（街道）. */
  areaCode: string;
  year: number;
  values: ElementValues;
}

/**
 * A 招生 series for cohort formulas (巩固率 needs 招生数 3 or 9 years earlier, spec §4): school records
 * that carry only `entrants.*` for years before full statistics were kept. It is the same shape as a full
 * record so the indicator engine treats it alike.
 */
export type EnrolmentHistoryRecord = SchoolYearRecord;

/** The value of `code` in a record's values: 0 when absent. Derived elements are summed from their parts. */
export function elementValue(values: ElementValues, code: string): number {
  const direct = values[code];
  if (direct !== undefined) {
    return direct;
  }
  const parts = findDataElement(code)?.sumOf;
  if (parts === undefined) {
    return 0;
  }
  let total = 0;
  for (const p of parts) {
    total += values[p] ?? 0;
  }
  return total;
}
