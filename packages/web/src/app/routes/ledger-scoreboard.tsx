import { useState } from "react";
import { InputNumber, Table } from "antd";
import type { TableColumnsType } from "antd";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { percent, useScoreboard } from "../../features/ledger/api/ledger.ts";
import type { UnitScore } from "../../features/ledger/api/ledger.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { AssessmentPanel } from "../../features/ledger/components/assessment-panel.tsx";

/** /ledger/scoreboard — 年度考核: each unit's completion and reporting for a year. */
export function LedgerScoreboardRoute() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const scores = useScoreboard(year);
  const user = useSessionUser();
  const isBureau = user.role !== "unitUser" && user.role !== "schoolUser";
  const columns: TableColumnsType<UnitScore> = [
    { title: t("dispatch.unit"), key: "unit", render: (_: unknown, r) => r.unit.name },
    { title: t("bulletin.tasks"), dataIndex: "tasks", width: 80 },
    { title: t("bulletin.closed"), dataIndex: "closed", width: 90 },
    { title: t("bulletin.overdue"), dataIndex: "overdue", width: 80 },
    { title: t("score.leadTasks"), dataIndex: "leadTasks", width: 90 },
    { title: t("score.expected"), dataIndex: "expected", width: 80 },
    { title: t("score.completed"), dataIndex: "completed", width: 80 },
    { title: t("score.completedOnTime"), dataIndex: "completedOnTime", width: 90 },
    {
      title: t("score.completionRate"),
      key: "cr",
      width: 90,
      render: (_: unknown, r) => percent(r.completionRate),
    },
    { title: t("score.onTimeRate"), key: "or", width: 100, render: (_: unknown, r) => percent(r.onTimeRate) },
    { title: t("score.dueReports"), dataIndex: "dueReports", width: 90 },
    { title: t("score.onTimeReports"), dataIndex: "onTimeReports", width: 90 },
    {
      title: t("score.punctuality"),
      key: "p",
      width: 110,
      render: (_: unknown, r) => percent(r.punctuality),
    },
  ];
  return (
    <>
      <PageHeader title={t("ledger.scoreboardTitle")} />
      <div className="panel">
        <div className="filter-form">
          <label htmlFor="score-year">{t("score.year")}</label>
          <InputNumber
            id="score-year"
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => {
              if (v !== null) {
                setYear(v);
              }
            }}
          />
        </div>
        {scores.isError ? (
          <ErrorResult error={scores.error} onRetry={() => void scores.refetch()} />
        ) : (
          <Table<UnitScore>
            rowKey={(r) => r.unit.id}
            size="small"
            columns={columns}
            dataSource={scores.data ?? []}
            loading={scores.isFetching}
            pagination={false}
          />
        )}
        {isBureau && <AssessmentPanel year={year} />}
      </div>
    </>
  );
}
