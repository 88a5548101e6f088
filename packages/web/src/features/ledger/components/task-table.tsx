import { Progress, Table, Tag, Typography } from "antd";
import type { TableColumnsType, TableProps } from "antd";
import { Link } from "react-router";
import type { TaskPage, TaskSummary } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { TaskSort } from "../api/tasks.ts";
import { LightTag, StateTag } from "./ledger-labels.tsx";
import { LEVEL_COLORS } from "./task-documents.tsx";

type SortKey = "deadline" | "title" | "light";

function orderOf(sort: TaskSort, key: SortKey): "ascend" | "descend" | null {
  if (sort === key) {
    return "ascend";
  }
  return sort === `-${key}` ? "descend" : null;
}

/**
 * The 台账: 序号, 任务内容 (a link to the task), 牵头单位, 责任单位, 完成时限, 进展情况, 状态, 亮灯.
 * Sorting and paging are the server's (`sort`, `page`, `pageSize`).
 */
export function TaskTable({
  data,
  loading,
  page,
  pageSize,
  sort,
  onChange,
}: {
  data: TaskPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  sort: TaskSort;
  onChange: (next: { page: number; pageSize: number; sort: TaskSort }) => void;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<TaskSummary> = [
    {
      title: t("ledger.index"),
      key: "index",
      width: 64,
      render: (_: unknown, _task, i) => (page - 1) * pageSize + i + 1,
    },
    {
      title: t("ledger.taskTitle"),
      key: "title",
      sorter: true,
      sortOrder: orderOf(sort, "title"),
      render: (_: unknown, task) => (
        <>
          <Link to={`/ledger/tasks/${task.id}`}>{task.title}</Link>
          {task.clausePath !== null && (
            <Typography.Text type="secondary" className="task-clause">
              {" "}
              {task.clausePath}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t("ledger.leadUnit"),
      key: "lead",
      width: 150,
      render: (_: unknown, task) => task.leadUnit.name,
    },
    {
      title: t("ledger.units"),
      key: "units",
      width: 200,
      render: (_: unknown, task) => task.coUnits.map((u) => u.name).join("、") || t("common.none"),
    },
    {
      title: t("ledger.deadline"),
      key: "deadline",
      width: 120,
      sorter: true,
      sortOrder: orderOf(sort, "deadline"),
      render: (_: unknown, task) => task.deadline,
    },
    {
      title: t("ledger.progress"),
      key: "progress",
      width: 140,
      render: (_: unknown, task) => <Progress percent={task.progress} size="small" />,
    },
    {
      title: t("ledger.state"),
      key: "state",
      width: 100,
      render: (_: unknown, task) => <StateTag task={task} />,
    },
    {
      title: t("ledger.light"),
      key: "light",
      width: 100,
      sorter: true,
      sortOrder: orderOf(sort, "light"),
      render: (_: unknown, task) => (
        <>
          <LightTag light={task.light} reason={task.lightReason} />
          {task.escalation !== null && (
            <Tag color={LEVEL_COLORS[task.escalation]}>{t(`escalation.${task.escalation}`)}</Tag>
          )}
        </>
      ),
    },
  ];
  const handleChange: TableProps<TaskSummary>["onChange"] = (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey;
    let next: TaskSort = "deadline";
    if ((key === "title" || key === "light") && one?.order === "ascend") {
      next = key;
    } else if (key === "deadline" && one?.order === "descend") {
      next = "-deadline";
    }
    onChange({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? pageSize, sort: next });
  };
  return (
    <Table<TaskSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      locale={{ emptyText: t("ledger.empty") }}
      onChange={handleChange}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t("common.total", { total }),
      }}
    />
  );
}
