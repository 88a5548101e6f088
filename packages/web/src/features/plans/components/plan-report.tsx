import { useState } from "react";
import { Alert, App, Button, InputNumber, Space, Spin, Table, Tag, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import type { PlanReportView } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { ApiError } from "../../../lib/api.ts";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { planReportDocxUrl, usePlanReport } from "../api/adoption.ts";

const STATUS_COLORS: Record<string, string> = {
  achieved: "green",
  "on-track": "blue",
  "at-risk": "orange",
  "off-track": "red",
  "no-data": "default",
};

const num = (v: number | null | undefined) => (v === null || v === undefined ? "—" : String(v));

/**
 * 规划实施进展监测报告 (中期评估报告 in a five-year plan's middle year): the year's targets with baseline,
 * plan value, actual, projection, status and the units and tasks behind them; the tasks; the targets at risk.
 */
export function PlanReport({ planId, defaultYear }: { planId: string; defaultYear: number }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState(defaultYear);
  const report = usePlanReport(planId, year);
  const [isDownloading, setIsDownloading] = useState(false);

  const download = async (r: PlanReportView) => {
    setIsDownloading(true);
    try {
      await downloadFile(planReportDocxUrl(planId, year), `${r.title}.docx`);
    } catch (error) {
      void message.error(t("report.downloadFailed", { message: errorText(error, tOr) }));
    } finally {
      setIsDownloading(false);
    }
  };

  const yearPicker = (
    <Space>
      <span>{t("report.year")}</span>
      <InputNumber
        aria-label={t("report.year")}
        min={2000}
        max={2100}
        value={year}
        onChange={(v) => {
          setYear(v ?? defaultYear);
        }}
      />
    </Space>
  );
  if (report.isError) {
    return (
      <div className="panel">
        {yearPicker}
        {report.error instanceof ApiError && report.error.status === 409 ? (
          <Alert type="info" showIcon title={t("report.notOwn")} />
        ) : (
          <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
        )}
      </div>
    );
  }
  const r = report.data;
  if (r === undefined) {
    return (
      <div className="page-spinner">
        <Spin />
      </div>
    );
  }
  const c = r.targetCounts;
  return (
    <div className="panel plan-report">
      <Space wrap className="form-alert">
        {yearPicker}
        <Button icon={<DownloadOutlined />} loading={isDownloading} onClick={() => void download(r)}>
          {t("report.download")}
        </Button>
      </Space>
      <Typography.Title level={4}>{r.title}</Typography.Title>
      <Typography.Paragraph>
        {t("report.summary", {
          targets: r.targets.length,
          achieved: c.achieved ?? 0,
          onTrack: c["on-track"] ?? 0,
          atRisk: c["at-risk"] ?? 0,
          offTrack: c["off-track"] ?? 0,
          noData: c["no-data"] ?? 0,
          tasks: r.taskCounts.total,
          closed: r.taskCounts.closed,
          overdue: r.taskCounts.overdue,
        })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t("report.targets")}</Typography.Title>
      <Table
        size="small"
        rowKey="targetId"
        pagination={false}
        dataSource={r.targets}
        locale={{ emptyText: t("report.noTargets") }}
        columns={[
          { key: "metric", title: t("report.colMetric"), dataIndex: "metric" },
          {
            key: "baseline",
            title: t("report.colBaseline"),
            render: (_, x) =>
              x.baseline === null ? "—" : `${num(x.baseline.value)}（${String(x.baseline.year)}）`,
          },
          {
            key: "plan",
            title: t("report.colPlan"),
            render: (_, x) =>
              `${num(x.value)}${x.unit}${x.targetYear === null ? "" : `（${String(x.targetYear)}）`}`,
          },
          {
            key: "actual",
            title: t("report.colActual"),
            render: (_, x) =>
              x.latest === null ? "—" : `${num(x.latest.value)}（${String(x.latest.year)}）`,
          },
          { key: "projected", title: t("report.colProjected"), render: (_, x) => num(x.projected) },
          {
            key: "status",
            title: t("report.colStatus"),
            render: (_, x) => <Tag color={STATUS_COLORS[x.status] ?? "default"}>{x.statusLabel}</Tag>,
          },
          { key: "units", title: t("report.colUnits"), render: (_, x) => x.units.join("、") || "—" },
          {
            key: "tasks",
            title: t("report.colTasks"),
            render: (_, x) => x.tasks.map((k) => `${k.title}（${k.stateLabel}）`).join("；") || "—",
          },
        ]}
      />
      <Typography.Title level={5}>{t("report.tasks")}</Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={r.tasks}
        locale={{ emptyText: t("report.noTasks") }}
        columns={[
          { key: "title", title: t("report.colTask"), dataIndex: "title" },
          { key: "units", title: t("report.colUnits"), render: (_, x) => x.units.join("、") },
          {
            key: "state",
            title: t("report.colStatus"),
            render: (_, x) => (x.overdue ? `${x.stateLabel}（${t("report.overdue")}）` : x.stateLabel),
          },
          { key: "progress", title: t("report.colProgress"), render: (_, x) => `${String(x.progress)}%` },
          {
            key: "latest",
            title: t("report.colLatest"),
            render: (_, x) =>
              x.latest === null ? t("report.notReported") : `${x.latest.period}：${x.latest.text}`,
          },
        ]}
      />
      {r.kind === "midterm" && <AtRisk report={r} />}
    </div>
  );
}

/** 中期评估: the targets at risk and what each would take. */
function AtRisk({ report }: { report: PlanReportView }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5}>{t("report.atRisk")}</Typography.Title>
      <Table
        size="small"
        rowKey="targetId"
        pagination={false}
        dataSource={report.atRisk}
        columns={[
          { key: "metric", title: t("report.colMetric"), dataIndex: "metric" },
          { key: "status", title: t("report.colStatus"), dataIndex: "statusLabel" },
          { key: "need", title: t("report.colNeed"), dataIndex: "need" },
        ]}
      />
    </>
  );
}
