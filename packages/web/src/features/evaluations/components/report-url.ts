import type { ReportButtonsProps } from "./report-buttons.tsx";

/** File formats of the 资源配置 evaluation report. */
export type ReportFormat = "xlsx" | "docx";

/** URL of the report file, with the same query as GET /api/evaluations/balance. */
export function balanceReportUrl(format: ReportFormat, props: ReportButtonsProps): string {
  const query = new URLSearchParams({ orgUnitId: props.orgUnitId, year: String(props.year) });
  if (props.policy !== undefined) {
    query.set("policy", props.policy);
  }
  if (props.ruleSet !== undefined) {
    query.set("ruleSet", props.ruleSet);
  }
  return `/api/evaluations/balance/report.${format}?${query.toString()}`;
}
