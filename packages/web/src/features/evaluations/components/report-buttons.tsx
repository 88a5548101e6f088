import { useState } from "react";
import { App, Button, Space } from "antd";
import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { type BalanceReportQuery, balanceReportUrl, type ReportFormat } from "./report-url.ts";

/** What a report is of: the evaluation as the page shows it. */
export type ReportButtonsProps = BalanceReportQuery;

/**
 * 导出 Excel / 导出评估报告（Word）: downloads the evaluation shown on the page (same unit, year, 教学点
 * policy and rule set) as the server writes it; a refusal shows as a message.
 */
export function ReportButtons(props: ReportButtonsProps) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ReportFormat | null>(null);

  const download = async (format: ReportFormat) => {
    setBusy(format);
    try {
      await downloadFile(
        balanceReportUrl(format, props),
        `${t("evr.fileName")}-${String(props.year)}.${format}`,
      );
    } catch (error) {
      void message.error(errorText(error, tOr));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      <Button
        icon={<FileExcelOutlined />}
        loading={busy === "xlsx"}
        disabled={busy !== null}
        title={t("evr.xlsxHint")}
        onClick={() => void download("xlsx")}
      >
        {t("evr.xlsx")}
      </Button>
      <Button
        icon={<FileWordOutlined />}
        loading={busy === "docx"}
        disabled={busy !== null}
        title={t("evr.docxHint")}
        onClick={() => void download("docx")}
      >
        {t("evr.docx")}
      </Button>
    </Space>
  );
}
