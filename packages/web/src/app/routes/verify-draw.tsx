import { Typography } from "antd";
import { VerifyDraw } from "../../features/draws/verify-draw.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { LanguageSwitch } from "../layout/header-bar.tsx";

/** /verify-draw — 抽签验证: public, no sign-in; anyone re-runs a published draw in the browser. */
export function VerifyDrawRoute() {
  const { t } = useI18n();
  return (
    <div className="public-page">
      <header className="public-header">
        <Typography.Text strong>{t("app.name")}</Typography.Text>
        <LanguageSwitch />
      </header>
      <main className="public-main">
        <Typography.Title level={1} className="page-title">
          {t("draw.title")}
        </Typography.Title>
        <VerifyDraw />
      </main>
    </div>
  );
}
