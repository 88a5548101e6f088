import type { TEACHING_POINT_POLICY_VALUES } from "@luoshi/contracts";

/** What a report is of: the evaluation as the page shows it (unit, year, 教学点 policy, rule set). */
export interface BalanceReportQuery {
  orgUnitId: string;
  year: number;
  policy?: (typeof TEACHING_POINT_POLICY_VALUES)[number];
  ruleSet?: string;
}

/** File formats of the 资源配置 evaluation report. */
export type ReportFormat = "xlsx" | "docx";

/** URL of the report file, with the same query as GET /api/evaluations/balance. */
export function balanceReportUrl(format: ReportFormat, props: BalanceReportQuery): string {
  const query = new URLSearchParams({ orgUnitId: props.orgUnitId, year: String(props.year) });
  if (props.policy !== undefined) {
    query.set("policy", props.policy);
  }
  if (props.ruleSet !== undefined) {
    query.set("ruleSet", props.ruleSet);
  }
  return `/api/evaluations/balance/report.${format}?${query.toString()}`;
}
