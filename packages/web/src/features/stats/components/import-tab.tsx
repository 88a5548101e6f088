import { ComingSoonPanel } from "../../../components/coming-soon.tsx";

/** Placeholder until this tab is built. */
export function ImportTab({ year }: { year: number }) {
  return <ComingSoonPanel detail={String(year)} />;
}
