import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { SupervisionPartTable } from "./supervision-part-table.tsx";

/** 政府保障程度 15 项 (spec §1.1c): computed from statistics where possible, else on reviewed evidence. */
export function GovernmentTab({ unit, year }: UnitYearProps) {
  return <SupervisionPartTable unit={unit} year={year} part="government" />;
}
