import { Button, Result } from "antd";
import { useNavigate } from "react-router";
import { useI18n } from "../lib/i18n.tsx";
import type { MessageKey } from "../lib/i18n.tsx";

function StatusPage({ status, title, text }: { status: "403" | "404"; title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={<h1 className="result-title">{t(title)}</h1>}
      subTitle={t(text)}
      extra={
        <Button type="primary" onClick={() => void navigate("/")}>
          {t("common.backHome")}
        </Button>
      }
    />
  );
}

/** 403 page: a role reached a page its permissions do not open. */
export function ForbiddenPage() {
  return <StatusPage status="403" title="error.forbiddenTitle" text="error.forbiddenText" />;
}

/** 404 page for unknown addresses. */
export function NotFoundPage() {
  return <StatusPage status="404" title="error.notFoundTitle" text="error.notFoundText" />;
}
