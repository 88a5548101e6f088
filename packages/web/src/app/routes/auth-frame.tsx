import type { ReactNode } from "react";
import { Card, Typography } from "antd";
import { useI18n } from "../../lib/i18n.tsx";
import { LanguageSwitch } from "../layout/header-bar.tsx";

/** The centred frame of /login and /password: system name, a card, the language switch. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <main className="auth-main">
        <Typography.Title level={1} className="auth-system-name">
          {t("app.name")}
        </Typography.Title>
        <Card className="auth-card">
          <Typography.Title level={2} className="auth-card-title">
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </div>
  );
}
