import { useMemo } from "react";
import { Table } from "antd";
import type { TableColumnsType } from "antd";
import type { PlanDetail } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { taskRows } from "../lib/plan-model.ts";
import type { TaskRow } from "../lib/plan-model.ts";

/** 任务分解表: 序号, 任务, 牵头单位, 责任单位, 目标, 时限 — one row per task item. */
export function TaskTable({ plan }: { plan: PlanDetail }) {
  const { t } = useI18n();
  const rows = useMemo(() => taskRows(plan), [plan]);
  const columns: TableColumnsType<TaskRow> = [
    { title: t("tasks.index"), dataIndex: "path", width: 90 },
    { title: t("tasks.task"), dataIndex: "title", width: 260 },
    { title: t("tasks.leadUnit"), dataIndex: "leadUnit", width: 140 },
    { title: t("tasks.units"), dataIndex: "units", width: 260 },
    { title: t("tasks.targets"), dataIndex: "targets" },
    { title: t("tasks.deadline"), dataIndex: "deadline", width: 110 },
  ];
  return (
    <Table<TaskRow>
      rowKey="key"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t("tasks.empty") }}
      scroll={{ x: 1000 }}
    />
  );
}
