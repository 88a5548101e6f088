import { useState } from "react";
import { Alert, App, Button, Descriptions, Tabs } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { Link, useNavigate } from "react-router";
import type { PlanDetail } from "@luoshi/contracts";
import { PageHeader } from "../../../components/page-header.tsx";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useCan } from "../../auth/api/session.ts";
import { planExportUrl } from "../api/plans.ts";
import { DocumentLevel } from "./document-level.tsx";
import { NodeTree } from "./node-tree.tsx";
import { PlanStatusTag, usePlanLabels } from "./plan-labels.tsx";
import { TargetTable } from "./target-table.tsx";
import { TaskTable } from "./task-table.tsx";

/**
 * A confirmed (or superseded, or discarded) plan, read-only: its particulars, then 条目树, 任务分解表
 * and 目标指标, and 导出Excel for the workbook the server builds.
 */
export function PlanOverview({ plan, canWrite }: { plan: PlanDetail; canWrite: boolean }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const canBatch = useCan("task.write");
  const navigate = useNavigate();
  const labels = usePlanLabels();
  const [isExporting, setIsExporting] = useState(false);
  const none = t("common.none");
  const title = plan.title || plan.sourceFileName;

  const exportXlsx = async () => {
    setIsExporting(true);
    try {
      await downloadFile(planExportUrl(plan.id), `${title}.xlsx`);
    } catch (error) {
      void message.error(t("plan.exportFailed", { message: errorText(error, tOr) }));
    } finally {
      setIsExporting(false);
    }
  };

  const notice =
    plan.status === "discarded"
      ? t("plan.discardedNotice")
      : plan.status === "superseded"
        ? t("plan.supersededNotice")
        : t("plan.readOnly");

  return (
    <>
      <PageHeader
        title={title}
        extra={
          <>
            {canWrite && plan.status === "confirmed" && plan.documentLevel === "higher" && (
              <Button type="primary" onClick={() => void navigate(`/plans/${plan.id}/adopt`)}>
                {t("adopt.button")}
              </Button>
            )}
            {plan.status === "confirmed" && plan.documentLevel === "own" && (
              <Button onClick={() => void navigate(`/plans/${plan.id}/report`)}>{t("report.button")}</Button>
            )}
            {canBatch && plan.status === "confirmed" && (
              <Button type="primary" onClick={() => void navigate(`/plans/${plan.id}/batch`)}>
                {t("batch.crumb")}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} loading={isExporting} onClick={() => void exportXlsx()}>
              {t("plan.export")}
            </Button>
          </>
        }
      />
      <div className="panel">
        <Alert
          type={plan.status === "confirmed" ? "info" : "warning"}
          showIcon
          title={notice}
          className="form-alert"
        />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: "docNumber", label: t("plans.docNumber"), children: plan.docNumber ?? none },
            { key: "issuer", label: t("plans.issuer"), children: plan.issuer ?? none },
            { key: "issuedOn", label: t("plans.issuedOn"), children: plan.issuedOn ?? none },
            { key: "period", label: t("plans.period"), children: labels.period(plan) || none },
            { key: "status", label: t("plans.status"), children: <PlanStatusTag plan={plan} /> },
            {
              key: "level",
              label: t("plan.documentLevel"),
              span: "filled",
              children: <DocumentLevel plan={plan} canWrite={canWrite && plan.status === "confirmed"} />,
            },
            { key: "version", label: t("plans.version"), children: t("plans.versionN", { n: plan.version }) },
            { key: "owner", label: t("plans.owner"), children: plan.orgUnitName || none },
            { key: "source", label: t("plans.sourceFile"), children: plan.sourceFileName },
            {
              key: "counts",
              label: `${t("plans.nodeCount")} / ${t("plans.taskCount")} / ${t("plans.targetCount")}`,
              children: `${String(plan.nodeCount)} / ${String(plan.taskCount)} / ${String(plan.targetCount)}`,
            },
            { key: "createdAt", label: t("plans.createdAt"), children: formatDateTime(plan.createdAt) },
            {
              key: "confirmedAt",
              label: t("plans.confirmedAt"),
              children: formatDateTime(plan.confirmedAt) || none,
            },
            ...(plan.adoptsPlanId === null
              ? []
              : [
                  {
                    key: "adopts",
                    label: t("adopt.adopts"),
                    children: <Link to={`/plans/${plan.adoptsPlanId}`}>{t("adopt.adoptsLink")}</Link>,
                  },
                ]),
            ...(plan.revisesPlanId === null
              ? []
              : [
                  {
                    key: "revises",
                    label: t("plans.revises"),
                    children: <Link to={`/plans/${plan.revisesPlanId}`}>{t("plans.revisesLink")}</Link>,
                  },
                ]),
          ]}
        />
        <Tabs
          className="plan-tabs"
          defaultActiveKey="tasks"
          items={[
            {
              key: "tree",
              label: t("plan.tabTree"),
              children: <NodeTree nodes={plan.nodes} label={t("plan.tabTree")} />,
            },
            { key: "tasks", label: t("plan.tabTasks"), children: <TaskTable plan={plan} /> },
            { key: "targets", label: t("plan.tabTargets"), children: <TargetTable plan={plan} /> },
          ]}
        />
      </div>
    </>
  );
}
