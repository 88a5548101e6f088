import { Alert, Button, Form, Input } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import type { LoginBody, SessionResponse } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useLogin } from "../api/session.ts";

/** 登录 form: 登录名 + 口令; shows the server's message (登录名或口令错误 …) as it comes. */
export function LoginForm({ onSignedIn }: { onSignedIn: (session: SessionResponse) => void }) {
  const { t, tOr } = useI18n();
  const login = useLogin();

  const submit = (values: LoginBody) => {
    login.mutate(values, { onSuccess: onSignedIn });
  };

  return (
    <Form<LoginBody> layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
      {login.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(login.error, tOr)}
          className="form-alert"
        />
      )}
      <Form.Item
        label={t("login.login")}
        name="login"
        rules={[{ required: true, whitespace: true, message: t("login.loginRequired") }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" maxLength={64} />
      </Form.Item>
      <Form.Item
        label={t("login.password")}
        name="password"
        rules={[{ required: true, message: t("login.passwordRequired") }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          size="large"
          maxLength={128}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {t("login.submit")}
      </Button>
    </Form>
  );
}
