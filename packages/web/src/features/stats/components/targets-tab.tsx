import { ComingSoonPanel } from "../../../components/coming-soon.tsx";
import type { UnitYearProps } from "./tab-props.ts";

/** Placeholder until this tab is built. */
export function TargetsTab({ unit, year }: UnitYearProps) {
  return <ComingSoonPanel detail={`${unit.name} ${String(year)}`} />;
}
