import { Descriptions, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { AuditEntry, AuditPage } from "@luoshi/contracts";
import { formatDateTime, formatJson } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";

function JsonBlock({ value }: { value: unknown }) {
  const text = formatJson(value);
  return text === "" ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <pre className="json-block">{text}</pre>
  );
}

/** What was there before and after, plus the request id and the row's chain hash. */
function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={[
        { key: "before", label: t("audit.before"), children: <JsonBlock value={entry.before} /> },
        { key: "after", label: t("audit.after"), children: <JsonBlock value={entry.after} /> },
        { key: "details", label: t("audit.details"), span: 2, children: <JsonBlock value={entry.details} /> },
        { key: "entityId", label: t("audit.entityIdRaw"), children: entry.entityId ?? "—" },
        { key: "requestId", label: t("audit.requestId"), children: entry.requestId ?? "—" },
        {
          key: "hash",
          label: t("audit.hash"),
          children: (
            <Typography.Text code className="hash">
              {entry.hash}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** The audit table: 时间, 操作人, 角色, 操作, 对象类型, 对象, 结果, 来源地址; rows expand to before/after. */
export function AuditTable({
  data,
  loading,
  page,
  pageSize,
  onPageChange,
}: {
  data: AuditPage | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t, tOr } = useI18n();
  const columns: TableColumnsType<AuditEntry> = [
    { title: t("audit.at"), dataIndex: "at", width: 170, render: (_: unknown, e) => formatDateTime(e.at) },
    {
      title: t("audit.actor"),
      dataIndex: "actorLogin",
      width: 120,
      render: (_: unknown, e) =>
        e.actorLogin === null ? (
          t("audit.system")
        ) : (
          <span title={e.actorLogin}>{e.actorName ?? e.actorLogin}</span>
        ),
    },
    {
      title: t("audit.role"),
      dataIndex: "actorRole",
      width: 130,
      render: (_: unknown, e) => (e.actorRole === null ? "—" : tOr(`role.${e.actorRole}`, e.actorRole)),
    },
    {
      title: t("audit.action"),
      dataIndex: "actionLabel",
      render: (_: unknown, e) => e.actionLabel || e.action,
    },
    {
      title: t("audit.entityType"),
      dataIndex: "entityTypeLabel",
      width: 120,
    },
    {
      title: t("audit.entityId"),
      dataIndex: "entityName",
      ellipsis: true,
      // the name when the object has one; the id stays in the row's details and in the export
      render: (_: unknown, e) => e.entityName ?? (e.entityId === null ? "—" : t("audit.entityNoName")),
    },
    {
      title: t("audit.result"),
      dataIndex: "result",
      width: 90,
      render: (_: unknown, e) =>
        e.result === "success" ? (
          <Tag color="success">{t("audit.resultSuccess")}</Tag>
        ) : e.result === "failure" || e.result === "denied" ? (
          <Tag color="error">{t("audit.resultFailure")}</Tag>
        ) : (
          <Tag>{e.result}</Tag>
        ),
    },
    {
      title: t("audit.clientIp"),
      dataIndex: "clientIp",
      width: 140,
      render: (_: unknown, e) => e.clientIp ?? "—",
    },
  ];
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => t("common.total", { total }),
        onChange: onPageChange,
      }}
    />
  );
}
