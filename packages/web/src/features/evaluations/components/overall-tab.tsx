import { ComingSoonPanel } from "../../../components/coming-soon.tsx";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";

/** Placeholder until this tab is built. */
export function OverallTab({ unit, year }: UnitYearProps) {
  return <ComingSoonPanel detail={`${unit.name} ${String(year)}`} />;
}
