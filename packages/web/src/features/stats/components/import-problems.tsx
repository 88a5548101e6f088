import { App, Button, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { CopyOutlined, DownloadOutlined } from "@ant-design/icons";
import { writeCsv } from "@luoshi/common";
import type { StatsProblem } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";

type Header = readonly [string, string, string, string];

/**
 * The problems as CSV (BOM first, so Excel opens the Chinese text as UTF-8), with the shared writer's
 * formula-injection guard: a cell quoted from the uploaded file may start with "=".
 */
function problemsCsv(header: Header, problems: readonly StatsProblem[]): string {
  return writeCsv([header, ...problems.map((p) => [p.sheet, p.row, p.column, p.message])]);
}

/** The problems as tab-separated lines, to paste into a spreadsheet or a message. */
function problemsTsv(header: Header, problems: readonly StatsProblem[]): string {
  const lines = [header, ...problems.map((p) => [p.sheet, String(p.row), p.column, p.message] as const)];
  return lines.map((l) => l.join("\t")).join("\n");
}

function saveText(text: string, name: string, type: string): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => {
    URL.revokeObjectURL(href);
  }, 10_000);
}

/**
 * 问题清单: every problem of a refused or warned file by 工作表, 行, 列, 问题, with export (CSV) and copy
 * (tab-separated) so the person who fills in the file can work through it.
 */
export function ImportProblems({
  problems,
  title,
  fileName,
}: {
  problems: readonly StatsProblem[];
  title: string;
  fileName: string;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const header: Header = [t("imp.sheet"), t("imp.row"), t("imp.column"), t("imp.problem")];
  const columns: TableColumnsType<StatsProblem & { key: number }> = [
    { title: header[0], dataIndex: "sheet", width: 140 },
    { title: header[1], dataIndex: "row", width: 80, render: (_: unknown, p) => (p.row > 0 ? p.row : "—") },
    { title: header[2], dataIndex: "column", width: 180 },
    { title: header[3], dataIndex: "message" },
  ];
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(problemsTsv(header, problems));
      void message.success(t("imp.copied"));
    } catch {
      void message.error(t("imp.copyFailed"));
    }
  };
  const base = fileName.replace(/\.(xlsx|csv)$/i, "");
  return (
    <section aria-label={title} className="import-problems">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Text strong>{title}</Typography.Text>
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              saveText(problemsCsv(header, problems), `${base}-问题清单.csv`, "text/csv;charset=utf-8");
            }}
          >
            {t("imp.export")}
          </Button>
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t("imp.copy")}
          </Button>
        </Space>
      </Space>
      <Table<StatsProblem & { key: number }>
        size="small"
        columns={columns}
        dataSource={problems.map((p, i) => ({ ...p, key: i }))}
        pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      />
    </section>
  );
}
