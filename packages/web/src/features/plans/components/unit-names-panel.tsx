import { useState } from "react";
import { Alert, App, Button, Empty, Table, Tag, Typography } from "antd";
import { TagsOutlined } from "@ant-design/icons";
import type { TableColumnsType } from "antd";
import type { PlanDetail, PlanUnitName } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { RegistryUnitSelect } from "./registry-unit-select.tsx";
import { UnitNameRulesDrawer } from "./unit-name-rules-drawer.tsx";
import type { usePlanEditor } from "./use-plan-editor.ts";

const RESOLUTION_COLORS: Record<PlanUnitName["resolution"], string> = {
  name: "green",
  alias: "green",
  renamed: "cyan",
  group: "purple",
  confirmed: "blue",
  none: "warning",
  mixed: "orange",
};

/**
 * 单位名称核对: every distinct unit name of the plan once, how it resolved, and — on a draft — one picker
 * that ties the name on every item that writes it (统一对应).
 */
export function UnitNamesPanel({
  plan,
  canWrite,
  editor,
}: {
  plan: PlanDetail;
  canWrite: boolean;
  editor: ReturnType<typeof usePlanEditor>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const groups = new Map(plan.unitGroups.map((g) => [g.name, g]));
  const editable = canWrite && plan.status === "draft";
  const [isEditingRules, setIsEditingRules] = useState(false);

  const map = async (name: string, orgUnitId: string | null, items: number) => {
    const done = await editor.run({ kind: "mapName", body: { name, orgUnitId } }, { done: null });
    if (done !== undefined) {
      void message.success(t("unitNames.mapped", { name, count: items }));
    }
  };

  const columns: TableColumnsType<PlanUnitName> = [
    { key: "name", title: t("unitNames.name"), dataIndex: "name" },
    { key: "items", title: t("unitNames.items"), dataIndex: "items", width: 80 },
    {
      key: "resolution",
      title: t("unitNames.resolution"),
      width: 280,
      render: (_: unknown, u) => (
        <>
          <Tag color={RESOLUTION_COLORS[u.resolution]}>{u.resolutionLabel}</Tag>
          {u.renameNote !== null && (
            <Typography.Text type="secondary" className="unit-name-note">
              {u.renameNote}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: "unit",
      title: t("unitNames.unit"),
      width: 320,
      render: (_: unknown, u) => {
        if (u.groupName !== null) {
          const group = groups.get(u.groupName);
          const count = group?.members.length ?? 0;
          return count === 0 ? (
            <Typography.Text type="warning">
              {t("unitNames.groupEmpty", { name: u.groupName })}
            </Typography.Text>
          ) : (
            <Typography.Text title={group?.members.map((m) => m.name).join("、")}>
              {t("unitNames.groupMembers", { name: u.groupName, count })}
            </Typography.Text>
          );
        }
        if (!editable) {
          return u.orgUnitName ?? "—";
        }
        return (
          <RegistryUnitSelect
            ariaLabel={`${t("unitNames.unit")}：${u.name}`}
            unit={{ orgUnitId: u.orgUnitId, orgUnitName: u.orgUnitName, suggestions: u.suggestions }}
            onChange={(choice) => void map(u.name, choice?.orgUnitId ?? null, u.items)}
          />
        );
      },
    },
  ];

  const rules = canWrite ? (
    <>
      <Button
        icon={<TagsOutlined />}
        className="form-alert"
        onClick={() => {
          setIsEditingRules(true);
        }}
      >
        {t("unitRules.open")}
      </Button>
      <UnitNameRulesDrawer
        open={isEditingRules}
        onClose={() => {
          setIsEditingRules(false);
        }}
      />
    </>
  ) : null;
  if (plan.unitNames.length === 0) {
    return (
      <>
        {rules}
        <Empty description={t("unitNames.empty")} />
      </>
    );
  }
  return (
    <>
      <Alert type="info" showIcon className="form-alert" title={t("unitNames.hint")} />
      {rules}
      {!editable && <Alert type="warning" showIcon className="form-alert" title={t("unitNames.readOnly")} />}
      <Table<PlanUnitName>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={plan.unitNames}
        pagination={false}
        loading={editor.isPending}
      />
    </>
  );
}
