import { App, Button, Card, Empty, List, Space, Tag, Typography } from "antd";
import { FileWordOutlined } from "@ant-design/icons";
import type { TaskDetail } from "@luoshi/contracts";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { taskNoticeUrl } from "../api/issue.ts";

/** Tag colours of the escalation levels. */
export const LEVEL_COLORS = { urge: "gold", notice: "red", interview: "magenta" } as const;

/** 督办文书 and 督办记录 of a task: the 督办通知单 and 催办单 to download, and the escalation records. */
export function TaskDocuments({ task }: { task: TaskDetail }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const download = async (kind: "notice" | "urge") => {
    const label = kind === "notice" ? t("notice.notice") : t("notice.urge");
    try {
      await downloadFile(taskNoticeUrl(task.id, kind), `${label}-${task.title.slice(0, 40)}.docx`);
    } catch (error) {
      void message.error(errorText(error, tOr));
    }
  };
  return (
    <Card size="small" title={<h2 className="card-heading">{t("notice.title")}</h2>} className="ledger-card">
      <Space wrap>
        <Button icon={<FileWordOutlined />} onClick={() => void download("notice")}>
          {t("notice.notice")}
        </Button>
        <Button icon={<FileWordOutlined />} onClick={() => void download("urge")}>
          {t("notice.urge")}
        </Button>
      </Space>
      <h3 className="card-heading">{t("notice.records")}</h3>
      {task.escalations.length === 0 ? (
        <Empty description={t("notice.noRecords")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={task.escalations}
          renderItem={(e) => (
            <List.Item key={e.id}>
              <div>
                <Tag color={LEVEL_COLORS[e.level]}>{e.levelLabel}</Tag>
                <Typography.Text>{e.reason}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(e.createdAt)} · {e.unit}
                    {e.subject === null ? "" : ` · ${t("notice.subject")}：${e.subject}`}
                    {e.note === null ? "" : ` · ${e.note}`}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
