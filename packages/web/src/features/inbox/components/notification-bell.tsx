import { Badge, Button } from "antd";
import { BellOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { useI18n } from "../../../lib/i18n.tsx";
import { useUnreadCount } from "../api/inbox.ts";

/** The header's 消息 button with the number of unread notifications. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useUnreadCount().data?.unread ?? 0;
  const label = unread > 0 ? t("inbox.bellUnread", { count: unread }) : t("inbox.bell");
  return (
    <Button type="text" aria-label={label} title={label} onClick={() => void navigate("/messages")}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined aria-hidden />
      </Badge>
      <span className="header-bell-text">{t("inbox.bell")}</span>
    </Button>
  );
}
