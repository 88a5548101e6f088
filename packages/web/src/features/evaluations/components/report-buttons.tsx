import type { TEACHING_POINT_POLICY_VALUES } from "@luoshi/contracts";

/** What a report is of: the evaluation as the page shows it. */
export interface ReportButtonsProps {
  orgUnitId: string;
  year: number;
  policy?: (typeof TEACHING_POINT_POLICY_VALUES)[number];
  ruleSet?: string;
}

/** Placeholder until the .xlsx and .docx downloads are built. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a stub until it is built
export function ReportButtons(_props: ReportButtonsProps) {
  return null;
}
