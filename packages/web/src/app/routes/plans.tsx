import { useState } from "react";
import { App, Button, Select, Space } from "antd";
import { ImportOutlined, TagsOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { PLAN_STATUS_VALUES } from "@luoshi/contracts";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorResult } from "../../components/error-result.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { usePlans } from "../../features/plans/api/plans.ts";
import type { PlanStatus } from "../../features/plans/api/plans.ts";
import { PlanImportModal } from "../../features/plans/components/plan-import-modal.tsx";
import { usePlanLabels } from "../../features/plans/components/plan-labels.tsx";
import { PlanTable } from "../../features/plans/components/plan-table.tsx";
import { UnitNameRulesDrawer } from "../../features/plans/components/unit-name-rules-drawer.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** /plans — 规划文件: the list by status, and 导入文件 for those who may write plans. */
export function PlansRoute() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = usePlanLabels();
  const navigate = useNavigate();
  const canWrite = useCan("plan.write");
  const [status, setStatus] = useState<PlanStatus | undefined>(undefined);
  const [isImporting, setIsImporting] = useState(false);
  const [isEditingRules, setIsEditingRules] = useState(false);
  const plans = usePlans(status);

  return (
    <>
      <PageHeader
        title={t("plans.title")}
        extra={
          canWrite ? (
            <Space wrap>
              <Button
                icon={<TagsOutlined />}
                onClick={() => {
                  setIsEditingRules(true);
                }}
              >
                {t("unitRules.open")}
              </Button>
              <Button
                type="primary"
                icon={<ImportOutlined />}
                onClick={() => {
                  setIsImporting(true);
                }}
              >
                {t("plans.import")}
              </Button>
            </Space>
          ) : undefined
        }
      />
      <div className="panel">
        <div className="filter-form">
          <Select<PlanStatus | undefined>
            aria-label={t("plans.status")}
            className="filter-select"
            value={status}
            allowClear
            placeholder={t("plans.allStatuses")}
            onChange={setStatus}
            options={PLAN_STATUS_VALUES.map((s) => ({
              value: s,
              label: labels.status({ status: s, statusLabel: s }),
            }))}
          />
        </div>
        {plans.isError ? (
          <ErrorResult error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <PlanTable items={plans.data?.items ?? []} loading={plans.isFetching} />
        )}
      </div>
      <UnitNameRulesDrawer
        open={isEditingRules}
        onClose={() => {
          setIsEditingRules(false);
        }}
      />
      <PlanImportModal
        open={isImporting}
        onClose={() => {
          setIsImporting(false);
        }}
        onImported={(plan) => {
          setIsImporting(false);
          void message.success(t("plans.imported"));
          void navigate(`/plans/${plan.id}`);
        }}
      />
    </>
  );
}
