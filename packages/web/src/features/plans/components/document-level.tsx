import { App, Button, Popconfirm, Space, Tag, Typography } from "antd";
import type { PlanDetail } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { usePlanEdit } from "../api/plans.ts";

/**
 * 文件层级: whether the plan is the area's own (its targets judge the area's indicators) or a document
 * from above or another area — with why the importer read it so, and for staff with plan.write the
 * switch to the other level.
 */
export function DocumentLevel({ plan, canWrite }: { plan: PlanDetail; canWrite: boolean }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const edit = usePlanEdit(plan.id);
  const other = plan.documentLevel === "own" ? "higher" : "own";
  const change = () => {
    edit.mutate(
      { kind: "documentLevel", body: { documentLevel: other } },
      {
        onSuccess: () => void message.success(t("plan.levelChanged")),
        onError: (error) => void message.error(errorText(error, tOr)),
      },
    );
  };
  return (
    <Space size={4} wrap className="plan-document-level">
      <Tag color={plan.documentLevel === "own" ? "blue" : "orange"}>{plan.documentLevelLabel}</Tag>
      {plan.documentLevel === "higher" && (
        <Typography.Text type="secondary">{t("plan.higherNotice")}</Typography.Text>
      )}
      {plan.documentLevelReason !== null && (
        <Typography.Text type="secondary">（{plan.documentLevelReason}）</Typography.Text>
      )}
      {canWrite && (
        <Popconfirm
          title={other === "own" ? t("plan.toOwnConfirm") : t("plan.toHigherConfirm")}
          okText={t("common.ok")}
          cancelText={t("common.cancel")}
          onConfirm={change}
        >
          <Button size="small" type="link" loading={edit.isPending}>
            {other === "own" ? t("plan.toOwn") : t("plan.toHigher")}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
