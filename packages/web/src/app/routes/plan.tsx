import { Spin } from "antd";
import { useParams } from "react-router";
import { ErrorResult } from "../../components/error-result.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { usePlan } from "../../features/plans/api/plans.ts";
import { PlanOverview } from "../../features/plans/components/plan-overview.tsx";
import { PlanReview } from "../../features/plans/components/plan-review.tsx";

/** /plans/:id — a draft opens for 核对 (review); anything else is the read-only plan page. */
export function PlanRoute() {
  const { id = "" } = useParams();
  const canWrite = useCan("plan.write");
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
  return plan.data.status === "draft" ? (
    <PlanReview key={plan.data.id} plan={plan.data} canWrite={canWrite} />
  ) : (
    <PlanOverview plan={plan.data} canWrite={canWrite} />
  );
}
