import type { OrgUnit } from "@luoshi/contracts";

/** What every tab of 指标监测 and 督导评估 is given: the chosen unit and 统计年度. */
export interface UnitYearProps {
  unit: OrgUnit;
  year: number;
}
