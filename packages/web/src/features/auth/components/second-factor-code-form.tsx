import { Alert, Button, Form, Input, Typography } from "antd";
import { SafetyOutlined } from "@ant-design/icons";
import type { SessionResponse } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useLogout } from "../api/session.ts";
import { useVerifySecondFactor } from "../api/second-factor.ts";

/** 登录第二步: the 6-digit code from the authenticator app, or a recovery code. */
export function SecondFactorCodeForm({ onVerified }: { onVerified: (session: SessionResponse) => void }) {
  const { t, tOr } = useI18n();
  const verify = useVerifySecondFactor();
  const logout = useLogout();
  return (
    <Form<{ code: string }>
      layout="vertical"
      requiredMark={false}
      disabled={verify.isPending}
      onFinish={(values) => {
        verify.mutate(values.code.trim(), { onSuccess: onVerified });
      }}
    >
      <Typography.Paragraph>{t("totp.codeIntro")}</Typography.Paragraph>
      {verify.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(verify.error, tOr)}
          className="form-alert"
        />
      )}
      <Form.Item
        label={t("totp.code")}
        name="code"
        rules={[{ required: true, whitespace: true, message: t("totp.codeRequired") }]}
      >
        <Input
          prefix={<SafetyOutlined />}
          autoComplete="one-time-code"
          inputMode="numeric"
          autoFocus
          size="large"
          maxLength={20}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
        {t("totp.verify")}
      </Button>
      <Typography.Paragraph type="secondary" className="auth-notice">
        {t("totp.recoveryHint")}
      </Typography.Paragraph>
      <Button
        type="link"
        block
        onClick={() => {
          logout.mutate();
        }}
      >
        {t("totp.cancel")}
      </Button>
    </Form>
  );
}
