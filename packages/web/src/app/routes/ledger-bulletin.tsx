import { useState } from "react";
import { App, Button, Card, Col, Empty, List, Row, Spin, Statistic, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { bulletinDocxUrl, percent, useBulletin } from "../../features/ledger/api/ledger.ts";
import type {
  BulletinClosedLine,
  BulletinTaskLine,
  BulletinUnitRow,
  MonthlyBulletin,
} from "../../features/ledger/api/ledger.ts";
import { MonthPicker } from "../../features/ledger/components/month-picker.tsx";
import { BulletinIssuePanel, IssuedBulletins } from "../../features/ledger/components/bulletin-issue.tsx";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { monthOf } from "../../features/ledger/lib/period.ts";
import { downloadFile } from "../../lib/download.ts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { MessageKey } from "../../lib/i18n.tsx";

const SUMMARY: readonly [keyof MonthlyBulletin["summary"], MessageKey][] = [
  ["total", "bulletin.total"],
  ["closed", "bulletin.closed"],
  ["closedThisMonth", "bulletin.closedThisMonth"],
  ["inProgress", "bulletin.inProgress"],
  ["overdue", "bulletin.overdue"],
  ["red", "light.red"],
  ["yellow", "light.yellow"],
  ["dueReports", "bulletin.dueReports"],
  ["onTime", "dispatch.onTime"],
  ["late", "dispatch.late"],
  ["missing", "dispatch.missing"],
  ["receivedInMonth", "bulletin.receivedInMonth"],
];

/** 本月销号任务: each task closed in the month, 按期 or 逾期, with its closing day and units. */
function ClosedLines({ lines }: { lines: BulletinClosedLine[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<BulletinClosedLine> = [
    {
      title: t("bulletin.closedList"),
      key: "title",
      render: (_: unknown, l) => <Link to={`/ledger/tasks/${l.taskId}`}>{l.title}</Link>,
    },
    { title: t("dispatch.unit"), key: "units", render: (_: unknown, l) => l.units.join("、") },
    { title: t("ledger.deadline"), dataIndex: "deadline", width: 110 },
    { title: t("bulletin.closedOn"), dataIndex: "closedOn", width: 110 },
    {
      title: t("bulletin.reason"),
      key: "onTime",
      width: 130,
      render: (_: unknown, l) =>
        l.isOnTime ? t("bulletin.closedOnTime") : t("bulletin.closedLate", { days: String(l.daysOverdue) }),
    },
  ];
  return (
    <section className="bulletin-section" aria-label={t("bulletin.closedList")}>
      <Typography.Title level={2}>{t("bulletin.closedList")}</Typography.Title>
      <Table<BulletinClosedLine>
        rowKey="taskId"
        size="small"
        columns={columns}
        dataSource={lines}
        pagination={false}
        locale={{
          emptyText: <Empty description={t("bulletin.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
      />
    </section>
  );
}

function TaskLines({ title, lines }: { title: string; lines: BulletinTaskLine[] }) {
  const { t } = useI18n();
  return (
    <section className="bulletin-section">
      <Typography.Title level={2}>{title}</Typography.Title>
      {lines.length === 0 ? (
        <Typography.Text type="secondary">{t("bulletin.none")}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={lines}
          renderItem={(l) => (
            <List.Item key={l.taskId}>
              <div>
                <Link to={`/ledger/tasks/${l.taskId}`}>{l.title}</Link>
                <div>
                  <Typography.Text type="secondary">
                    {l.units.join("、")} · {t("ledger.deadline")} {l.deadline} · {l.reason}
                  </Typography.Text>
                </div>
                {l.latestProgress !== null && <div>{l.latestProgress}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

/** /ledger/bulletin — 月通报 as a page, and 下载Word. */
export function LedgerBulletinRoute() {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const [isDownloading, setIsDownloading] = useState(false);
  const bulletin = useBulletin(month);
  const b = bulletin.data;
  const user = useSessionUser();
  // issued bulletins are the bureau's: unit and school accounts see their own draft only
  const isBureau = user.role !== "unitUser" && user.role !== "schoolUser";
  const unitColumns: TableColumnsType<BulletinUnitRow> = [
    { title: t("dispatch.unit"), key: "unit", render: (_: unknown, r) => r.unit.name },
    { title: t("bulletin.tasks"), dataIndex: "tasks", width: 80 },
    { title: t("bulletin.leadTasks"), dataIndex: "leadTasks", width: 80 },
    { title: t("bulletin.closed"), dataIndex: "closed", width: 90 },
    { title: t("bulletin.onTimeClosed"), dataIndex: "onTime", width: 90 },
    { title: t("bulletin.overdue"), dataIndex: "overdue", width: 80 },
    { title: t("bulletin.dueReports"), dataIndex: "dueReports", width: 90 },
    {
      title: t("bulletin.punctuality"),
      key: "p",
      width: 110,
      render: (_: unknown, r) => percent(r.punctuality),
    },
  ];
  const download = async () => {
    setIsDownloading(true);
    try {
      await downloadFile(bulletinDocxUrl(month), `月通报-${month}.docx`);
    } catch (error) {
      void message.error(errorText(error, tOr));
    } finally {
      setIsDownloading(false);
    }
  };
  return (
    <>
      <PageHeader
        title={t("ledger.bulletinTitle")}
        extra={
          <Button icon={<DownloadOutlined />} loading={isDownloading} onClick={() => void download()}>
            {t("bulletin.download")}
          </Button>
        }
      />
      <div className="panel">
        <div className="filter-form">
          <MonthPicker month={month} onChange={setMonth} isPastOnly />
        </div>
        {isBureau && <BulletinIssuePanel month={month} canIssue={user.permissions.includes("task.review")} />}
        {bulletin.isError ? (
          <ErrorResult error={bulletin.error} onRetry={() => void bulletin.refetch()} />
        ) : b === undefined ? (
          <div className="page-spinner">
            <Spin />
          </div>
        ) : (
          <article className="bulletin" aria-label={b.heading.title}>
            <Typography.Title level={2} className="bulletin-title">
              {b.heading.title}
            </Typography.Title>
            {b.heading.scope === "unit" && (
              <Typography.Paragraph type="secondary">
                {t("bulletin.unitScope", { unit: b.heading.name })}
              </Typography.Paragraph>
            )}
            <section className="bulletin-section">
              <Typography.Title level={2}>{t("bulletin.summary")}</Typography.Title>
              <Typography.Text type="secondary">{t("bulletin.asOf", { date: b.asOf })}</Typography.Text>
              <Row gutter={[12, 12]} className="ledger-stats">
                {SUMMARY.map(([key, label]) => (
                  <Col key={key} xs={12} md={6} xl={4}>
                    <Card size="small" role="group" aria-label={t(label)}>
                      <Statistic title={t(label)} value={b.summary[key]} />
                    </Card>
                  </Col>
                ))}
              </Row>
              <Typography.Paragraph type="secondary">{t("bulletin.reportsNote")}</Typography.Paragraph>
            </section>
            <section className="bulletin-section" aria-label={t("bulletin.perUnit")}>
              <Typography.Title level={2}>{t("bulletin.perUnit")}</Typography.Title>
              <Table<BulletinUnitRow>
                rowKey={(r) => r.unit.id}
                size="small"
                columns={unitColumns}
                dataSource={b.perUnit}
                pagination={false}
                locale={{
                  emptyText: <Empty description={t("bulletin.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
                }}
              />
            </section>
            <ClosedLines lines={b.closedList} />
            <TaskLines title={t("bulletin.overdueList")} lines={b.overdueList} />
            <TaskLines title={t("bulletin.yellowList")} lines={b.yellowList} />
            <section className="bulletin-section">
              <Typography.Title level={2}>{t("bulletin.instructions")}</Typography.Title>
              {b.instructions.length === 0 ? (
                <Typography.Text type="secondary">{t("bulletin.none")}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={b.instructions}
                  renderItem={(i) => (
                    <List.Item key={`${i.taskId}-${i.date}-${i.author}`}>
                      <div>
                        <Typography.Text strong>{i.author}</Typography.Text>（{i.date}）就“{i.taskTitle}
                        ”批示：{i.text}
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </section>
          </article>
        )}
        {isBureau && <IssuedBulletins canConfigure={user.permissions.includes("task.review")} />}
      </div>
    </>
  );
}
