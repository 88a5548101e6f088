import { Spin } from "antd";
import { useParams } from "react-router";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { usePlan } from "../../features/plans/api/plans.ts";
import { PlanReport } from "../../features/plans/components/plan-report.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** The last full year in China, capped at the plan's last year. */
const defaultYear = (periodEnd: number | null) => {
  const last = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  return periodEnd === null ? last : Math.min(last, periodEnd);
};

/** /plans/:id/report — the plan's own 监测报告 for a year. */
export function PlanReportRoute() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const plan = usePlan(id);
  if (plan.isError) {
    return <ErrorResult error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  if (plan.data === undefined) {
    return (
      <div className="page-spinner">
        <Spin />
      </div>
    );
  }
  return (
    <>
      <PageHeader title={`${plan.data.title} · ${t("report.crumb")}`} />
      <PlanReport planId={plan.data.id} defaultYear={defaultYear(plan.data.periodEnd)} />
    </>
  );
}
