import { Alert, Spin } from "antd";
import { useParams } from "react-router";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useAdoptionForm } from "../../features/plans/api/adoption.ts";
import { PlanAdopt } from "../../features/plans/components/plan-adopt.tsx";
import { ApiError } from "../../lib/api.ts";
import { useI18n } from "../../lib/i18n.tsx";

/** /plans/:id/adopt — 制定承接方案 from a confirmed 上级文件. */
export function PlanAdoptRoute() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const form = useAdoptionForm(id);
  if (form.isError) {
    return form.error instanceof ApiError && form.error.status === 409 ? (
      <Alert type="info" showIcon title={t("adopt.notHigher")} />
    ) : (
      <ErrorResult error={form.error} onRetry={() => void form.refetch()} />
    );
  }
  if (form.data === undefined) {
    return (
      <div className="page-spinner">
        <Spin />
      </div>
    );
  }
  return (
    <>
      <PageHeader title={t("adopt.title", { plan: form.data.title })} />
      <PlanAdopt form={form.data} />
    </>
  );
}
