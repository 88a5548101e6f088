import { useCallback, useState } from "react";
import { Alert, Button, Divider, Form, Input, Typography } from "antd";
import type { SetupResult } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useSetup } from "../api/setup.ts";
import { DivisionPicker, type PickedDivision } from "./division-picker.tsx";

interface SetupValues {
  login: string;
  displayName: string;
  password: string;
  confirm: string;
  setupToken: string;
}

/** The first-run form: jurisdiction, first system administrator, setup token. */
export function SetupForm({
  divisionSource,
  onDone,
}: {
  divisionSource: string;
  onDone: (r: SetupResult) => void;
}) {
  const { t, tOr } = useI18n();
  const setup = useSetup();
  const [picked, setPicked] = useState<PickedDivision | null>(null);
  const [pickMissing, setPickMissing] = useState(false);
  const onPick = useCallback((p: PickedDivision | null) => {
    setPicked(p);
    if (p !== null) {
      setPickMissing(false);
    }
  }, []);

  const submit = (v: SetupValues) => {
    if (picked === null) {
      setPickMissing(true);
      return;
    }
    setup.mutate(
      {
        setupToken: v.setupToken,
        divisionCode: picked.code,
        admin: { login: v.login, displayName: v.displayName, password: v.password },
      },
      { onSuccess: onDone },
    );
  };

  const required = [{ required: true, whitespace: true, message: t("setup.required") }];
  return (
    <Form<SetupValues> layout="vertical" onFinish={submit} requiredMark={false} disabled={setup.isPending}>
      {setup.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(setup.error, tOr)}
          className="form-alert"
        />
      )}
      <Typography.Paragraph>{t("setup.intro")}</Typography.Paragraph>
      <Divider titlePlacement="start">{t("setup.jurisdiction")}</Divider>
      <DivisionPicker onChange={onPick} />
      {pickMissing && <Typography.Text type="danger">{t("setup.chooseRequired")}</Typography.Text>}
      <Typography.Paragraph type="secondary" className="setup-source">
        {t("setup.dataSource", { source: divisionSource })}
      </Typography.Paragraph>
      <Divider titlePlacement="start">{t("setup.admin")}</Divider>
      <Form.Item label={t("setup.login")} name="login" rules={required}>
        <Input autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item label={t("setup.displayName")} name="displayName" rules={required}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t("setup.password")} name="password" rules={required} extra={t("password.rule")}>
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        label={t("setup.confirm")}
        name="confirm"
        dependencies={["password"]}
        rules={[
          ...required,
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              value === getFieldValue("password")
                ? Promise.resolve()
                : Promise.reject(new Error(t("setup.confirmMismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Divider />
      <Form.Item label={t("setup.token")} name="setupToken" rules={required} extra={t("setup.tokenHint")}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={setup.isPending}>
        {t("setup.submit")}
      </Button>
    </Form>
  );
}
