import { useState } from "react";
import { Alert, Button, Form, Input, Typography } from "antd";
import type { ChangePasswordBody } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { ApiError } from "../../../lib/api.ts";
import { errorText } from "../../../lib/error-text.ts";
import { toFormErrors } from "../../../lib/form-errors.ts";
import { useChangePassword } from "../api/session.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ["currentPassword", "newPassword"] as const;

/** 修改口令: 当前口令, 新口令, 确认新口令. Server field errors land on their fields. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t, tOr } = useI18n();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setFormError(null);
    const body: ChangePasswordBody = {
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
    };
    change.mutate(body, {
      onSuccess: onChanged,
      onError: (error) => {
        const mapped = toFormErrors(error instanceof ApiError ? error.fields : [], FIELDS);
        form.setFields(mapped.fields);
        const rest = mapped.unknown.join("；");
        setFormError(mapped.fields.length > 0 ? rest || null : rest || errorText(error, tOr));
      },
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      disabled={change.isPending}
    >
      {formError !== null && (
        <Alert type="error" showIcon role="alert" title={formError} className="form-alert" />
      )}
      <Form.Item
        label={t("password.current")}
        name="currentPassword"
        rules={[{ required: true, message: t("password.required") }]}
      >
        <Input.Password autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        label={t("password.new")}
        name="newPassword"
        rules={[{ required: true, message: t("password.required") }]}
        extra={<Typography.Text type="secondary">{t("password.rule")}</Typography.Text>}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        label={t("password.confirm")}
        name="confirmPassword"
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: t("password.required") },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              value === undefined || value === "" || value === getFieldValue("newPassword")
                ? Promise.resolve()
                : Promise.reject(new Error(t("password.mismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {t("password.submit")}
      </Button>
    </Form>
  );
}
