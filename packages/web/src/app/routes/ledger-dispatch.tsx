import { useState } from "react";
import { App, Button, Card, Col, Row, Space, Statistic, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { AlertOutlined, NotificationOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { MonthPicker } from "../../features/ledger/components/month-picker.tsx";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { dispatchSummary, useDispatch, useSendReminders } from "../../features/ledger/api/ledger.ts";
import type { DispatchRow, ReportStatus } from "../../features/ledger/api/ledger.ts";
import { useRunEscalation } from "../../features/ledger/api/issue.ts";
import { monthOf } from "../../features/ledger/lib/period.ts";
import { errorText } from "../../lib/error-text.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n.tsx";

const STATUS_COLORS: Record<ReportStatus, string> = {
  onTime: "success",
  late: "warning",
  missing: "error",
  notDue: "default",
};

/** /ledger/dispatch — 月调度: who owes which report this month, and 一键催报. */
export function LedgerDispatchRoute() {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const canRemind = useCan("task.review");
  const [month, setMonth] = useState(() => monthOf(new Date()));
  const dispatch = useDispatch(month);
  const remind = useSendReminders();
  const escalate = useRunEscalation();
  const s = dispatch.data === undefined ? undefined : dispatchSummary(dispatch.data);
  const columns: TableColumnsType<DispatchRow> = [
    {
      title: t("dispatch.task"),
      key: "title",
      render: (_: unknown, r) => <Link to={`/ledger/tasks/${r.taskId}`}>{r.taskTitle}</Link>,
    },
    { title: t("dispatch.unit"), key: "unit", width: 160, render: (_: unknown, r) => r.unit.name },
    {
      title: t("dispatch.role"),
      key: "role",
      width: 80,
      render: (_: unknown, r) => (r.role === "lead" ? t("dispatch.roleLead") : t("dispatch.roleCo")),
    },
    { title: t("dispatch.dueDate"), dataIndex: "dueDate", width: 110 },
    {
      title: t("dispatch.status"),
      key: "status",
      width: 100,
      render: (_: unknown, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`dispatch.${r.status}`)}</Tag>,
    },
    {
      title: t("dispatch.submittedAt"),
      key: "at",
      width: 170,
      render: (_: unknown, r) => formatDateTime(r.submittedAt) || t("common.none"),
    },
  ];
  return (
    <>
      <PageHeader
        title={t("ledger.dispatchTitle")}
        extra={
          canRemind ? (
            <Space wrap>
              <Button
                icon={<AlertOutlined />}
                loading={escalate.isPending}
                onClick={() => {
                  escalate.mutate(undefined, {
                    onSuccess: (r) =>
                      void message.success(
                        t("escalation.done", {
                          urge: String(r.urge),
                          notice: String(r.notice),
                          interview: String(r.interview),
                        }),
                      ),
                    onError: (error) => void message.error(errorText(error, tOr)),
                  });
                }}
              >
                {t("escalation.run")}
              </Button>
              <Button
                type="primary"
                icon={<NotificationOutlined />}
                loading={remind.isPending}
                onClick={() => {
                  remind.mutate(month, {
                    onSuccess: (answer) =>
                      void message.success(t("dispatch.reminded", { count: answer.sent })),
                    onError: (error) => void message.error(errorText(error, tOr)),
                  });
                }}
              >
                {t("dispatch.remind")}
              </Button>
            </Space>
          ) : undefined
        }
      />
      <div className="panel">
        <div className="filter-form">
          <MonthPicker month={month} onChange={setMonth} />
        </div>
        {dispatch.isError ? (
          <ErrorResult error={dispatch.error} onRetry={() => void dispatch.refetch()} />
        ) : (
          <>
            <Row gutter={[16, 16]} className="ledger-stats">
              {(["due", "received", "onTime", "late", "missing"] as const).map((k) => (
                <Col key={k} xs={12} md={4}>
                  <Card size="small">
                    <Statistic title={t(`dispatch.${k}`)} value={s?.[k] ?? 0} loading={dispatch.isFetching} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Table<DispatchRow>
              rowKey={(r) => `${r.taskId}-${r.unit.id}-${r.period}`}
              size="small"
              columns={columns}
              dataSource={dispatch.data?.rows ?? []}
              loading={dispatch.isFetching}
              pagination={{ pageSize: 50, showTotal: (total) => t("common.total", { total }) }}
            />
          </>
        )}
      </div>
    </>
  );
}
