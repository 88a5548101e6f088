import { Card, Descriptions, Progress, Space, Tag, Typography } from "antd";
import type { TaskDetail } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { MilestoneReachedButton } from "./milestone-reached.tsx";

/**
 * 督办依据 (plan, clause path and its text), 责任单位 (牵头/协办), dates and 序时进度 — with 确认完成
 * when `canMarkMilestones` (the lead unit or bureau staff, on a task in hand).
 */
export function TaskOverview({ task, canMarkMilestones }: { task: TaskDetail; canMarkMilestones: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Card size="small" title={<h2 className="card-heading">{t("task.basis")}</h2>} className="ledger-card">
        <Space orientation="vertical" size={4}>
          <Typography.Text>
            {task.planTitle ?? task.source}
            {task.clausePath !== null && (
              <Tag className="task-clause-tag">{t("task.clause", { path: task.clausePath })}</Tag>
            )}
          </Typography.Text>
          {task.sourceText !== null && task.sourceText !== "" && (
            <blockquote className="task-source-text">{task.sourceText}</blockquote>
          )}
          {task.content !== "" && <Typography.Paragraph>{task.content}</Typography.Paragraph>}
        </Space>
      </Card>
      <Card size="small" className="ledger-card">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "lead",
              label: t("ledger.leadUnit"),
              children: <Tag color="blue">{task.leadUnit.name}</Tag>,
            },
            {
              key: "co",
              label: t("ledger.coUnits"),
              children:
                task.coUnits.length === 0
                  ? t("common.none")
                  : task.coUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>),
            },
            { key: "deadline", label: t("ledger.deadline"), children: task.deadline },
            { key: "assigned", label: t("task.assignedOn"), children: task.assignedOn ?? t("common.none") },
            {
              key: "acceptBy",
              label: t("task.acceptBy"),
              children:
                task.acceptBy === null
                  ? t("task.acceptWithin", { days: task.acceptWithinDays })
                  : `${task.acceptBy}（${t("task.acceptWithin", { days: task.acceptWithinDays })}）${
                      task.acceptByNote == null ? "" : `；${task.acceptByNote}`
                    }`,
            },
            { key: "frequency", label: t("task.frequency"), children: t(`frequency.${task.frequency}`) },
            { key: "priority", label: t("task.priority"), children: t(`priority.${task.priority}`) },
            {
              key: "progress",
              label: t("ledger.progress"),
              children: <Progress percent={task.progress} size="small" />,
            },
            {
              key: "last",
              label: t("task.reports"),
              children:
                task.lastReportedPeriod === null
                  ? t("task.noReports")
                  : t("task.lastPeriod", { period: task.lastReportedPeriod }),
            },
          ]}
        />
      </Card>
      {task.milestones.length > 0 && (
        <Card
          size="small"
          title={<h2 className="card-heading">{t("task.milestones")}</h2>}
          className="ledger-card"
        >
          <ol className="milestone-list">
            {task.milestones.map((m) => (
              <li key={m.id}>
                <Typography.Text strong>{m.dueOn}</Typography.Text> {m.title}{" "}
                {m.reachedOn === null ? (
                  <>
                    <Tag>{t("task.notReached")}</Tag>
                    {canMarkMilestones && <MilestoneReachedButton task={task} milestone={m} />}
                  </>
                ) : (
                  <Tag color="success">{t("task.reachedOn", { date: m.reachedOn })}</Tag>
                )}
                {m.note !== null && <div className="pre-wrap">{m.note}</div>}
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
