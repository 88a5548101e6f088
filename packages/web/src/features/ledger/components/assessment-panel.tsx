import { App, Button, Descriptions, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { formatNumber } from "@luoshi/common";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { percent } from "../api/ledger.ts";
import { assessmentUrl, useAssessment, type Assessment } from "../api/issue.ts";

type Row = Assessment["rows"][number];

/** 年度考核评分: the bureau's scheme, the units scored and ranked, and the Excel/Word exports. */
export function AssessmentPanel({ year }: { year: number }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const assessment = useAssessment(year, true);
  const a = assessment.data;
  const pts = (n: number) => formatNumber(n, 2);
  const download = async (format: "xlsx" | "docx") => {
    try {
      await downloadFile(assessmentUrl(year, format), `年度考核-${String(year)}.${format}`);
    } catch (error) {
      void message.error(errorText(error, tOr));
    }
  };
  const columns: TableColumnsType<Row> = [
    { title: t("assess.rank"), dataIndex: "rank", width: 70 },
    { title: t("dispatch.unit"), key: "unit", render: (_: unknown, r) => r.unit.name },
    { title: t("bulletin.tasks"), key: "tasks", width: 80, render: (_: unknown, r) => r.tally.tasks },
    { title: t("bulletin.closed"), key: "closed", width: 90, render: (_: unknown, r) => r.tally.closed },
    {
      title: t("assess.overdueOpen"),
      key: "overdue",
      width: 100,
      render: (_: unknown, r) => r.tally.overdue,
    },
    {
      title: t("score.punctuality"),
      key: "p",
      width: 110,
      render: (_: unknown, r) => percent(r.tally.punctuality),
    },
    {
      title: t("assess.deductions"),
      key: "off",
      render: (_: unknown, r) =>
        t("assess.deductionText", {
          late: pts(r.deductions.lateReports),
          missing: pts(r.deductions.missingReports),
          red: pts(r.deductions.redTasks),
          overdue: pts(r.deductions.overdueOpen),
          interview: pts(r.deductions.interviews),
        }),
    },
    { title: t("assess.score"), key: "score", width: 80, render: (_: unknown, r) => pts(r.score) },
  ];
  return (
    <section className="bulletin-section" aria-label={t("assess.title")}>
      <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
        <Typography.Title level={2}>{t("assess.title")}</Typography.Title>
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void download("xlsx")}>
            {t("assess.exportXlsx")}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download("docx")}>
            {t("assess.exportDocx")}
          </Button>
        </Space>
      </Space>
      {a !== undefined && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} title={t("assess.scheme")}>
          <Descriptions.Item label={t("assess.base")}>{pts(a.scheme.base)}</Descriptions.Item>
          <Descriptions.Item label={t("assess.weight")}>{pts(a.scheme.defaultWeight)}</Descriptions.Item>
          <Descriptions.Item label={t("assess.lateReport")}>
            {pts(a.scheme.deductions.lateReport)}
          </Descriptions.Item>
          <Descriptions.Item label={t("assess.missingReport")}>
            {pts(a.scheme.deductions.missingReport)}
          </Descriptions.Item>
          <Descriptions.Item label={t("assess.redLight")}>
            {pts(a.scheme.deductions.redLight)}
          </Descriptions.Item>
          <Descriptions.Item label={t("assess.overdueOpenPts")}>
            {pts(a.scheme.deductions.overdueOpen)}
          </Descriptions.Item>
          <Descriptions.Item label={t("assess.interview")}>
            {pts(a.scheme.deductions.interview)}
          </Descriptions.Item>
          <Descriptions.Item label={t("assess.asOf")}>{a.asOf}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<Row>
        rowKey={(r) => r.unit.id}
        size="small"
        columns={columns}
        dataSource={a?.rows ?? []}
        loading={assessment.isFetching}
        pagination={false}
      />
    </section>
  );
}
