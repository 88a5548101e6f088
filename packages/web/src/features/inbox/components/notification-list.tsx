import { Alert, Button, Empty, List, Pagination, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useI18n } from "../../../lib/i18n.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useMarkRead, useNotifications } from "../api/inbox.ts";

/** 消息: the user's notifications, newest first, unread in bold; mark one or all read. */
export function NotificationList() {
  const { t, tOr } = useI18n();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(page, unreadOnly);
  const mark = useMarkRead();
  const data = list.data;
  return (
    <div className="panel">
      <Space className="inbox-toolbar" wrap>
        <Segmented<"all" | "unread">
          value={unreadOnly ? "unread" : "all"}
          onChange={(v) => {
            setUnreadOnly(v === "unread");
            setPage(1);
          }}
          options={[
            { label: t("inbox.all"), value: "all" },
            { label: t("inbox.unreadOnly"), value: "unread" },
          ]}
        />
        <Button
          onClick={() => {
            mark.mutate(null);
          }}
          loading={mark.isPending && mark.variables === null}
          disabled={(data?.unread ?? 0) === 0}
        >
          {t("inbox.markAll")}
        </Button>
        {data !== undefined && (
          <Typography.Text type="secondary">
            {t("inbox.counts", { total: data.total, unread: data.unread })}
          </Typography.Text>
        )}
      </Space>
      {list.error !== null && <Alert type="error" showIcon title={errorText(list.error, tOr)} />}
      {mark.error !== null && <Alert type="error" showIcon title={errorText(mark.error, tOr)} />}
      <List
        loading={list.isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={unreadOnly ? t("inbox.emptyUnread") : t("inbox.empty")} /> }}
        renderItem={(n) => (
          <List.Item
            className={n.isRead ? "inbox-item" : "inbox-item inbox-unread"}
            actions={
              n.isRead
                ? [
                    <Typography.Text key="read" type="secondary">
                      {t("inbox.read")}
                    </Typography.Text>,
                  ]
                : [
                    <Button
                      key="mark"
                      size="small"
                      onClick={() => {
                        mark.mutate([n.id]);
                      }}
                    >
                      {t("inbox.markRead")}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <Space size={6}>
                  <Tag color={n.isRead ? "default" : "blue"}>{n.kindLabel}</Tag>
                  {n.taskId === null ? (
                    <span>{n.text}</span>
                  ) : (
                    <Link to={`/ledger/tasks/${n.taskId}`}>{n.text}</Link>
                  )}
                </Space>
              }
              description={formatDateTime(n.createdAt)}
            />
          </List.Item>
        )}
      />
      {data !== undefined && data.total > data.pageSize && (
        <Pagination current={page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
      )}
    </div>
  );
}
