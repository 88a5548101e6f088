import { Card, Empty, List, Tag, Timeline, Typography } from "antd";
import { PaperClipOutlined } from "@ant-design/icons";
import type { TaskDetail } from "@luoshi/contracts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { attachmentUrl } from "../api/tasks.ts";

function size(bytes: number): string {
  return bytes < 1024
    ? `${String(bytes)} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
}

/** 进展报送: each report with its unit, period, progress, texts and attachment links. */
export function TaskReports({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<h2 className="card-heading">{t("task.reports")}</h2>} className="ledger-card">
      {task.reports.length === 0 ? (
        <Empty description={t("task.noReports")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={[...task.reports].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt))}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <List.Item.Meta
                title={
                  <span>
                    {r.unit.name} · {r.period} · {String(r.progress)}%{" "}
                    {r.isConsolidated && <Tag color="blue">{t("task.consolidatedTag")}</Tag>}
                  </span>
                }
                description={formatDateTime(r.submittedAt)}
              />
              <Typography.Paragraph className="pre-wrap">{r.text}</Typography.Paragraph>
              {r.problems !== "" && (
                <Typography.Paragraph className="pre-wrap">
                  <Typography.Text strong>{t("report.problems")}：</Typography.Text>
                  {r.problems}
                </Typography.Paragraph>
              )}
              {r.nextSteps !== "" && (
                <Typography.Paragraph className="pre-wrap">
                  <Typography.Text strong>{t("report.nextSteps")}：</Typography.Text>
                  {r.nextSteps}
                </Typography.Paragraph>
              )}
              {r.attachments.map((a) => (
                <div key={a.id}>
                  <a href={attachmentUrl(a.id)} download={a.fileName}>
                    <PaperClipOutlined /> {a.fileName}
                  </a>{" "}
                  <Typography.Text type="secondary">{size(a.sizeBytes)}</Typography.Text>
                </div>
              ))}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** 办理过程: who did what when, with the comments (退回意见, 中止理由). */
export function TaskTimeline({ task }: { task: TaskDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<h2 className="card-heading">{t("task.timeline")}</h2>} className="ledger-card">
      <Timeline
        items={task.events.map((e, i) => ({
          key: `${e.at}-${String(i)}`,
          content: (
            <>
              <Typography.Text strong>{e.actionLabel || e.action}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {formatDateTime(e.at)}
                {e.actorName === null ? "" : ` · ${e.actorName}`}
              </Typography.Text>
              {e.comment !== null && e.comment !== "" && <div className="pre-wrap">{e.comment}</div>}
            </>
          ),
        }))}
      />
    </Card>
  );
}
