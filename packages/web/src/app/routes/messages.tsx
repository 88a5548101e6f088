import { PageHeader } from "../../components/page-header.tsx";
import { NotificationList } from "../../features/inbox/components/notification-list.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** /messages — 消息: reminders, 交办, 退回, 批示 and 会签 requests the user has received. */
export function MessagesRoute() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t("inbox.title")} />
      <NotificationList />
    </>
  );
}
