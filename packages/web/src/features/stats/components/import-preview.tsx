import { Alert, Button, Card, Descriptions, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { CheckOutlined } from "@ant-design/icons";
import type { StatsImportResult } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { ImportProblems } from "./import-problems.tsx";

type Change = StatsImportResult["changes"][number] & { key: number };

const shown = (v: number | null): string => (v === null ? "—" : String(v));

/**
 * 预览: what a checked file would change, nothing written yet — counts, the first changed values (学校或
 * 乡镇代码, 数据项, 原值 → 新值), the stored values it would blank and its warnings — and 确认导入, which
 * sends the same file again to be stored.
 */
export function ImportPreview({
  result,
  confirming,
  onConfirm,
}: {
  result: StatsImportResult;
  confirming: boolean;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<Change> = [
    { title: t("imp.preview.unit"), dataIndex: "code", width: 140 },
    { title: t("imp.preview.element"), dataIndex: "label", render: (_: unknown, c) => c.label ?? "—" },
    {
      title: t("imp.preview.before"),
      dataIndex: "before",
      width: 120,
      render: (_: unknown, c) => shown(c.before),
    },
    {
      title: t("imp.preview.after"),
      dataIndex: "after",
      width: 120,
      render: (_: unknown, c) => shown(c.after),
    },
  ];
  const title = t("imp.preview.changes", {
    count: result.changedValues,
    shown:
      result.changedValues > result.changes.length
        ? t("imp.problemsShown", { shown: result.changes.length })
        : "",
  });
  return (
    <Card size="small">
      <Alert
        type="info"
        showIcon
        title={t("imp.preview.title", { year: result.year, file: result.fileName })}
        description={t("imp.preview.hint")}
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        size="small"
        column={5}
        items={[
          { key: "rows", label: t("imp.rows"), children: result.rows },
          { key: "schools", label: t("imp.schools"), children: result.schools },
          { key: "areas", label: t("imp.areas"), children: result.areas },
          { key: "changed", label: t("imp.changed"), children: result.changedValues },
          { key: "blanked", label: t("imp.preview.blanked"), children: result.blankedValues },
        ]}
      />
      <section aria-label={title} style={{ marginTop: 8 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {result.changes.length === 0 ? (
          <Typography.Paragraph type="secondary">{t("imp.preview.noChanges")}</Typography.Paragraph>
        ) : (
          <Table<Change>
            size="small"
            columns={columns}
            dataSource={result.changes.map((c, i) => ({ ...c, key: i }))}
            pagination={result.changes.length > 10 ? { pageSize: 10 } : false}
          />
        )}
      </section>
      {result.blanked.length > 0 && (
        <ImportProblems
          problems={result.blanked}
          title={t("imp.preview.blankedList")}
          fileName={result.fileName}
        />
      )}
      {result.warnings.length > 0 && (
        <ImportProblems problems={result.warnings} title={t("imp.warnings")} fileName={result.fileName} />
      )}
      <Button
        type="primary"
        icon={<CheckOutlined />}
        loading={confirming}
        onClick={onConfirm}
        style={{ marginTop: 16 }}
      >
        {t("imp.preview.confirm")}
      </Button>
    </Card>
  );
}
