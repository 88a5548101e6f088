import { Button, Result } from "antd";
import { ApiError } from "../lib/api.ts";
import { errorText } from "../lib/error-text.ts";
import { useI18n } from "../lib/i18n.tsx";

/**
 * Shows a failed load the way a person expects: 403 → 无权访问 with the server's reason, 404 → 未找到,
 * anything else → 加载失败 with a 重试 button when the caller can retry.
 */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tOr } = useI18n();
  if (error instanceof ApiError && error.status === 403) {
    return <Result status="403" title={t("error.forbiddenTitle")} subTitle={error.message} />;
  }
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title={t("error.notFoundTitle")} subTitle={error.message} />;
  }
  return (
    <Result
      status="error"
      title={t("error.loadFailed")}
      subTitle={errorText(error, tOr)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        ) : undefined
      }
    />
  );
}
