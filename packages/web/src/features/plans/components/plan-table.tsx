import { Table } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router";
import type { PlanSummary } from "@luoshi/contracts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { PlanStatusTag, usePlanLabels } from "./plan-labels.tsx";

/** 规划文件列表: each title opens the plan (the review page while it is a draft). */
export function PlanTable({ items, loading }: { items: readonly PlanSummary[]; loading: boolean }) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const none = t("common.none");
  const columns: TableColumnsType<PlanSummary> = [
    {
      title: t("plans.docTitle"),
      dataIndex: "title",
      render: (_, plan) => <Link to={`/plans/${plan.id}`}>{plan.title || plan.sourceFileName}</Link>,
    },
    { title: t("plans.docNumber"), dataIndex: "docNumber", render: (v: string | null) => v ?? none },
    { title: t("plans.issuer"), dataIndex: "issuer", render: (v: string | null) => v ?? none },
    { title: t("plans.period"), key: "period", render: (_, plan) => labels.period(plan) || none },
    { title: t("plans.status"), dataIndex: "status", render: (_, plan) => <PlanStatusTag plan={plan} /> },
    { title: t("plans.version"), dataIndex: "version", align: "right" },
    { title: t("plans.nodeCount"), dataIndex: "nodeCount", align: "right" },
    { title: t("plans.taskCount"), dataIndex: "taskCount", align: "right" },
    { title: t("plans.targetCount"), dataIndex: "targetCount", align: "right" },
    { title: t("plans.createdAt"), dataIndex: "createdAt", render: (v: string) => formatDateTime(v) },
  ];
  return (
    <Table<PlanSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={{
        pageSize: 20,
        hideOnSinglePage: true,
        showTotal: (total) => t("common.total", { total }),
      }}
      locale={{ emptyText: t("plans.empty") }}
      scroll={{ x: "max-content" }}
    />
  );
}
