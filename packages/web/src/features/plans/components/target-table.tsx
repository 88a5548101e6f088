import { Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import type { PlanDetail, PlanTarget } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { usePlanLabels } from "./plan-labels.tsx";

/** 目标指标: 指标, 比较, 目标值, 单位, 年份, 类型 (目标/现状), 原文, 条目. */
export function TargetTable({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const titles = new Map(plan.nodes.map((n) => [n.path, n.title]));
  const none = t("common.none");
  const columns: TableColumnsType<PlanTarget> = [
    { title: t("targets.metric"), dataIndex: "metric", width: 200 },
    {
      title: t("targets.comparator"),
      dataIndex: "comparator",
      width: 110,
      render: (_, target) => labels.comparator(target.comparator),
    },
    {
      title: t("targets.value"),
      dataIndex: "value",
      align: "right",
      width: 100,
      render: (_, target) =>
        target.value === null
          ? none
          : target.valueMax === null
            ? target.value
            : `${String(target.value)}–${String(target.valueMax)}`,
    },
    { title: t("targets.unit"), dataIndex: "unit", width: 70 },
    { title: t("targets.year"), dataIndex: "year", width: 70, render: (v: number | null) => v ?? none },
    {
      title: t("targets.kind"),
      dataIndex: "kind",
      width: 80,
      render: (_, target) => (
        <Tag color={target.kind === "target" ? "orange" : "default"}>{labels.kind(target.kind)}</Tag>
      ),
    },
    { title: t("targets.text"), dataIndex: "text" },
    {
      title: t("targets.node"),
      dataIndex: "path",
      width: 200,
      render: (_, target) => `${target.path} ${titles.get(target.path) ?? ""}`,
    },
  ];
  return (
    <Table<PlanTarget>
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={plan.targets}
      pagination={false}
      scroll={{ x: 1100 }}
    />
  );
}
