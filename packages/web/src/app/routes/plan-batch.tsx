import { Alert, Spin } from "antd";
import { useParams } from "react-router";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { usePlan } from "../../features/plans/api/plans.ts";
import { BatchCreate } from "../../features/ledger/components/batch-create.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** /plans/:id/batch — 批量立项 from a confirmed plan. */
export function PlanBatchRoute() {
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
      <PageHeader title={t("batch.title", { plan: plan.data.title })} />
      {plan.data.status === "confirmed" ? (
        <BatchCreate plan={plan.data} />
      ) : (
        <Alert type="info" showIcon title={t("batch.notConfirmed")} />
      )}
    </>
  );
}
