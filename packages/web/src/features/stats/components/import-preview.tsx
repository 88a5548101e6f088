import { Alert, Button, Card, Descriptions, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { StatsImportResult } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { ImportProblems } from "./import-problems.tsx";

type Change = StatsImportResult["changes"][number] & { key: number };

/**
 * 导入预览: what a checked file would change before anything is written — rows, schools and 乡镇 read,
 * values that change (the first 200 listed, before → after), stored values an empty cell would clear
 * (located by sheet, row and column) and warnings — with 确认导入 and 取消.
 */
export function ImportPreview({
  preview,
  applying,
  onApply,
  onCancel,
}: {
  preview: StatsImportResult;
  applying: boolean;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const value = (v: number | null) => (v === null ? t("imp.previewNone") : v.toLocaleString("zh-CN"));
  const columns: TableColumnsType<Change> = [
    { title: t("imp.previewSchool"), dataIndex: "code", width: 140 },
    { title: t("imp.previewElement"), dataIndex: "label" },
    { title: t("imp.previewBefore"), key: "before", width: 140, render: (_: unknown, c) => value(c.before) },
    { title: t("imp.previewAfter"), key: "after", width: 140, render: (_: unknown, c) => value(c.after) },
  ];
  const nothing = preview.changedValues === 0;
  return (
    <Card size="small" title={t("imp.previewTitle", { year: preview.year, file: preview.fileName })}>
      <Typography.Paragraph type="secondary">{t("imp.previewHint")}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={4}
        items={[
          { key: "rows", label: t("imp.rows"), children: preview.rows },
          { key: "schools", label: t("imp.schools"), children: preview.schools },
          { key: "areas", label: t("imp.areas"), children: preview.areas },
          { key: "changed", label: t("imp.changed"), children: preview.changedValues },
          { key: "units", label: t("imp.previewUnits"), children: preview.changedUnits },
          { key: "blanked", label: t("imp.previewBlanked"), children: preview.blankedValues },
        ]}
      />
      {nothing && <Alert type="info" showIcon title={t("imp.previewNothing")} style={{ marginTop: 12 }} />}
      {preview.blankedValues > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t("imp.previewBlankWarn", { count: preview.blankedValues })}
            style={{ margin: "12px 0" }}
          />
          <ImportProblems
            problems={preview.blanked}
            fileName={preview.fileName}
            title={t("imp.previewBlankList")}
          />
        </>
      )}
      {preview.changes.length > 0 && (
        <section aria-label={t("imp.previewChanges")} style={{ marginTop: 12 }}>
          <Typography.Text strong>
            {t("imp.previewChanges")}
            {preview.changedValues > preview.changes.length &&
              t("imp.problemsShown", { shown: preview.changes.length })}
          </Typography.Text>
          <Table<Change>
            size="small"
            columns={columns}
            dataSource={preview.changes.map((c, i) => ({ ...c, key: i }))}
            pagination={preview.changes.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          />
        </section>
      )}
      {preview.warnings.length > 0 && (
        <ImportProblems problems={preview.warnings} title={t("imp.warnings")} fileName={preview.fileName} />
      )}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={applying} disabled={nothing} onClick={onApply}>
          {t("imp.apply")}
        </Button>
        <Button disabled={applying} onClick={onCancel}>
          {t("imp.cancel")}
        </Button>
      </Space>
    </Card>
  );
}
