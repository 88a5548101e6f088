import { Button, Segmented, Space, Typography } from "antd";
import { KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import type { SessionUser } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import type { Locale } from "../../lib/i18n.tsx";
import { useLogout } from "../../features/auth/api/session.ts";

/** The language switch: 语言 中文 / English. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <Space size={4} className="language-switch">
      <span id="language-label">{t("lang.label")}</span>
      <Segmented<Locale>
        size="small"
        aria-labelledby="language-label"
        value={locale}
        onChange={setLocale}
        options={[
          { label: t("lang.zh"), value: "zh-CN" },
          { label: t("lang.en"), value: "en-US" },
        ]}
      />
    </Space>
  );
}

/** Header: who is signed in (name, role, unit), the language switch, 修改口令 and 退出登录. */
export function HeaderBar({ user }: { user: SessionUser }) {
  const { t, tOr } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const onLogout = () => {
    logout.mutate();
  };
  return (
    <div className="header-bar">
      <LanguageSwitch />
      <Space size={6} className="header-user">
        <UserOutlined aria-hidden />
        <Typography.Text strong className="header-user-name">
          {user.displayName}
        </Typography.Text>
        <Typography.Text type="secondary">
          {tOr(`role.${user.role}`, user.roleLabel)} · {user.orgUnit.name}
        </Typography.Text>
      </Space>
      <Button type="text" icon={<KeyOutlined />} onClick={() => void navigate("/password")}>
        {t("header.changePassword")}
      </Button>
      <Button type="text" icon={<SafetyOutlined />} onClick={() => void navigate("/account")}>
        {t("totp.header")}
      </Button>
      <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
        {t("header.logout")}
      </Button>
    </div>
  );
}
