import { useState } from "react";
import { App, Button, Space } from "antd";
import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { taskExportUrl, useTasks } from "../../features/ledger/api/tasks.ts";
import type { TaskFilters } from "../../features/ledger/api/tasks.ts";
import { TaskCreateModal } from "../../features/ledger/components/task-create-modal.tsx";
import { TaskFilterBar } from "../../features/ledger/components/task-filter-bar.tsx";
import { TaskTable } from "../../features/ledger/components/task-table.tsx";
import { downloadFile } from "../../lib/download.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";

/** /ledger — 督办台账: filters, the table, 导出Excel and 新建任务. */
export function LedgerRoute() {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = useCan("task.write");
  const [filters, setFilters] = useState<TaskFilters>({ page: 1, pageSize: 20, sort: "deadline" });
  const [isCreating, setIsCreating] = useState(false);
  const [isExporting, setIsExporting] = useState(false);
  const tasks = useTasks(filters);

  const exportExcel = async () => {
    setIsExporting(true);
    try {
      await downloadFile(taskExportUrl(filters), "督办台账.xlsx");
    } catch (error) {
      void message.error(errorText(error, tOr));
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("ledger.title")}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} loading={isExporting} onClick={() => void exportExcel()}>
              {t("ledger.export")}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setIsCreating(true);
                }}
              >
                {t("ledger.create")}
              </Button>
            )}
          </Space>
        }
      />
      <div className="panel">
        <TaskFilterBar filters={filters} onChange={setFilters} />
        {tasks.isError ? (
          <ErrorResult error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <TaskTable
            data={tasks.data}
            loading={tasks.isFetching}
            page={filters.page ?? 1}
            pageSize={filters.pageSize ?? 20}
            sort={filters.sort ?? "deadline"}
            onChange={(next) => {
              setFilters({ ...filters, ...next });
            }}
          />
        )}
      </div>
      <TaskCreateModal
        open={isCreating}
        onClose={() => {
          setIsCreating(false);
        }}
        onCreated={(task) => {
          setIsCreating(false);
          void message.success(t("create.done"));
          void navigate(`/ledger/tasks/${task.id}`);
        }}
      />
    </>
  );
}
