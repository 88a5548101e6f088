import { useState } from "react";
import { Alert, App, Button, Popconfirm, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { StatsImportListItem } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useStatsImports, useUndoStatsImport } from "../api/import-jobs.ts";

/**
 * 导入记录: who imported which file for which year, newest first, paged on the server; an import can be
 * undone as a whole (the server refuses, with the reason, when a later import changed the same data).
 */
export function ImportHistory() {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const undo = useUndoStatsImport();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const list = useStatsImports(page, pageSize);
  const columns: TableColumnsType<StatsImportListItem> = [
    { title: t("imp.at"), dataIndex: "importedAt", width: 170, render: (v: string) => formatDateTime(v) },
    { title: t("imp.by"), dataIndex: "importedBy", width: 200, render: (v: string | null) => v ?? "—" },
    { title: t("imp.year"), dataIndex: "year", width: 90 },
    { title: t("imp.fileName"), dataIndex: "fileName", ellipsis: true },
    { title: t("imp.rows"), dataIndex: "rows", width: 90, align: "right" },
    { title: t("imp.unit"), dataIndex: "orgUnitName", width: 160, render: (v: string | null) => v ?? "—" },
    {
      title: t("imp.actions"),
      key: "undo",
      width: 170,
      render: (_: unknown, item: StatsImportListItem) =>
        item.undoneAt !== null ? (
          <Typography.Text type="secondary">
            {t("imp.undoneAt", { at: formatDateTime(item.undoneAt) })}
          </Typography.Text>
        ) : item.undoable ? (
          <Popconfirm
            title={t("imp.undoAsk", { file: item.fileName })}
            okText={t("imp.undo")}
            cancelText={t("common.cancel")}
            onConfirm={() => {
              undo.mutate(item.id, {
                onSuccess: (r) =>
                  void message.success(t("imp.undone", { restored: r.restored, removed: r.removed })),
                onError: (e) => void message.error(errorText(e, tOr)),
              });
            }}
          >
            <Button size="small" danger loading={undo.isPending && undo.variables === item.id}>
              {t("imp.undo")}
            </Button>
          </Popconfirm>
        ) : (
          "—"
        ),
    },
  ];
  if (list.isError) {
    return <Alert type="error" showIcon title={errorText(list.error, tOr)} />;
  }
  return (
    <section aria-label={t("imp.history")}>
      <h3 className="import-section-title">{t("imp.history")}</h3>
      <Table<StatsImportListItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => t("common.total", { total }),
          onChange: (p, size) => {
            setPage(p);
            setPageSize(size);
          },
        }}
      />
    </section>
  );
}
