import { useState } from "react";
import { Alert, Button, Form, Input, Space, Spin, Typography } from "antd";
import type { SecondFactorEnrolment as Enrolment } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { ErrorResult } from "../../../components/error-result.tsx";
import {
  useConfirmEnrolment,
  useRefreshAfterEnrolment,
  useSecondFactorStatus,
  useStartEnrolment,
} from "../api/second-factor.ts";

/**
 * 绑定动态口令: the status; "bind" shows the QR code and the key to type by hand, then the first code
 * confirms it and the recovery codes are shown once.
 */
export function SecondFactorEnrolmentPanel({ onDone }: { onDone: () => void }) {
  const { t, tOr } = useI18n();
  const status = useSecondFactorStatus();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const refresh = useRefreshAfterEnrolment();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  if (status.isPending) {
    return <Spin />;
  }
  if (status.isError) {
    return <ErrorResult error={status.error} onRetry={() => void status.refetch()} />;
  }
  if (codes !== null) {
    return (
      <div data-testid="totp-recovery">
        <Alert type="success" showIcon title={t("totp.codesTitle")} description={t("totp.codesIntro")} />
        <ol className="totp-recovery-codes">
          {codes.map((c) => (
            <li key={c}>
              <Typography.Text code copyable={false}>
                {c}
              </Typography.Text>
            </li>
          ))}
        </ol>
        <Button
          type="primary"
          block
          onClick={() => {
            void refresh().then(onDone);
          }}
        >
          {t("totp.done")}
        </Button>
      </div>
    );
  }
  if (status.data.enrolled) {
    return (
      <Alert
        type="success"
        showIcon
        title={t("totp.enrolled", {
          date: formatDateTime(status.data.confirmedAt),
          left: String(status.data.recoveryCodesLeft),
        })}
      />
    );
  }
  if (enrolment === null) {
    return (
      <Space orientation="vertical" className="full-width">
        {status.data.required && <Alert type="warning" showIcon title={t("totp.mustEnrol")} />}
        <Typography.Paragraph>{t("totp.notEnrolled")}</Typography.Paragraph>
        {start.isError && <Alert type="error" showIcon role="alert" title={errorText(start.error, tOr)} />}
        <Button
          type="primary"
          block
          loading={start.isPending}
          onClick={() => {
            start.mutate(undefined, { onSuccess: setEnrolment });
          }}
        >
          {t("totp.start")}
        </Button>
      </Space>
    );
  }
  return (
    <Form<{ code: string }>
      layout="vertical"
      requiredMark={false}
      disabled={confirm.isPending}
      onFinish={(values) => {
        confirm.mutate(values.code.trim(), {
          onSuccess: (r) => {
            setCodes(r.recoveryCodes);
          },
        });
      }}
    >
      <Typography.Paragraph strong>{t("totp.scan")}</Typography.Paragraph>
      <img
        className="totp-qr"
        alt={t("totp.qrAlt")}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        width={200}
        height={200}
      />
      <Typography.Paragraph>
        {t("totp.manual")}{" "}
        <Typography.Text code copyable data-testid="totp-secret">
          {enrolment.secret}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph strong>{t("totp.confirmStep")}</Typography.Paragraph>
      {confirm.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(confirm.error, tOr)}
          className="form-alert"
        />
      )}
      <Form.Item
        label={t("totp.code")}
        name="code"
        rules={[{ required: true, whitespace: true, message: t("totp.codeRequired") }]}
      >
        <Input autoComplete="one-time-code" inputMode="numeric" size="large" maxLength={6} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
        {t("totp.confirm")}
      </Button>
    </Form>
  );
}
