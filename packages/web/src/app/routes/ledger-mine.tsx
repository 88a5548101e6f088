import { useState } from "react";
import { App, Button, Space, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router";
import type { TaskSummary } from "@luoshi/contracts";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan, useSessionUser } from "../../features/auth/api/session.ts";
import { useTaskChange, useTasks } from "../../features/ledger/api/tasks.ts";
import { LightTag, StateTag } from "../../features/ledger/components/ledger-labels.tsx";
import { ReportModal } from "../../features/ledger/components/report-modal.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";

const OPEN_STATES: readonly string[] = ["assigned", "inProgress"];

/** 签收 for an assigned task, 报送进展 for one in progress. */
function MineActions({ task, isLead }: { task: TaskSummary; isLead: boolean }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const canReport = useCan("task.report");
  const change = useTaskChange(task.id);
  const [isReporting, setIsReporting] = useState(false);
  if (!canReport) {
    return null;
  }
  return (
    <Space>
      {task.state === "assigned" && isLead && (
        <Button
          type="primary"
          size="small"
          loading={change.isPending}
          onClick={() => {
            change.mutate(
              { kind: "action", action: "accept" },
              { onError: (error) => void message.error(errorText(error, tOr)) },
            );
          }}
        >
          {t("action.accept")}
        </Button>
      )}
      {task.state === "inProgress" && (
        <Button
          size="small"
          onClick={() => {
            setIsReporting(true);
          }}
        >
          {t("report.title")}
        </Button>
      )}
      <ReportModal
        task={task}
        isLead={isLead}
        open={isReporting}
        onClose={() => {
          setIsReporting(false);
        }}
        onDone={() => void message.success(t("report.done"))}
      />
    </Space>
  );
}

/** /ledger/mine — 我的任务: the unit's open tasks and what each needs now. */
export function LedgerMineRoute() {
  const { t } = useI18n();
  const user = useSessionUser();
  const tasks = useTasks({ mine: true, page: 1, pageSize: 200, sort: "light" });
  const items = (tasks.data?.items ?? []).filter((task) => OPEN_STATES.includes(task.state));
  const todo = (task: TaskSummary) =>
    task.state === "assigned"
      ? t("ledger.todoAccept")
      : task.light === "red" || task.light === "yellow"
        ? t("ledger.todoFix")
        : t("ledger.todoReport");
  const columns: TableColumnsType<TaskSummary> = [
    {
      title: t("ledger.taskTitle"),
      key: "title",
      render: (_: unknown, task) => <Link to={`/ledger/tasks/${task.id}`}>{task.title}</Link>,
    },
    {
      title: t("ledger.leadUnit"),
      key: "lead",
      width: 150,
      render: (_: unknown, task) => task.leadUnit.name,
    },
    { title: t("ledger.deadline"), key: "deadline", width: 110, render: (_: unknown, task) => task.deadline },
    {
      title: t("ledger.state"),
      key: "state",
      width: 100,
      render: (_: unknown, task) => <StateTag task={task} />,
    },
    {
      title: t("ledger.light"),
      key: "light",
      width: 90,
      render: (_: unknown, task) => <LightTag light={task.light} reason={task.lightReason} />,
    },
    {
      title: t("ledger.mineHint"),
      key: "todo",
      width: 90,
      render: (_: unknown, task) => <Tag color="orange">{todo(task)}</Tag>,
    },
    {
      title: t("ledger.open"),
      key: "actions",
      width: 180,
      render: (_: unknown, task) => <MineActions task={task} isLead={task.leadUnit.id === user.orgUnit.id} />,
    },
  ];
  return (
    <>
      <PageHeader title={t("ledger.mineTitle")} />
      <div className="panel">
        {tasks.isError ? (
          <ErrorResult error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <Table<TaskSummary>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={tasks.isFetching}
            pagination={false}
            locale={{ emptyText: t("ledger.mineEmpty") }}
          />
        )}
      </div>
    </>
  );
}
