import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { SupervisionPartTable } from "./supervision-part-table.tsx";

/** 教育质量 9 项 (spec §1.1d): computed from statistics where possible, else on reviewed evidence. */
export function QualityTab({ unit, year }: UnitYearProps) {
  return <SupervisionPartTable unit={unit} year={year} part="quality" />;
}
