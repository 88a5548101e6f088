import { useState } from "react";
import { App, Button, Form, Input, InputNumber, Modal, Select } from "antd";
import { SettingOutlined } from "@ant-design/icons";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useLedgerSettings, useSaveLedgerSettings } from "../api/issue.ts";

interface SettingsForm {
  docPrefix: string;
  recipients: string[];
  interviewAfterWorkingDays: number;
}

/** 督办设置: the 发文字号 prefix, the default 主送 and the working days before 约谈 (局督办人员). */
export function LedgerSettingsButton() {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const settings = useLedgerSettings(open);
  const save = useSaveLedgerSettings();
  const [form] = Form.useForm<SettingsForm>();
  const submit = async () => {
    const values = await form.validateFields();
    if (settings.data === undefined) {
      return;
    }
    save.mutate(
      { ...settings.data, ...values },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t("settings.saved"));
        },
        onError: (error) => void message.error(errorText(error, tOr)),
      },
    );
  };
  return (
    <>
      <Button
        icon={<SettingOutlined />}
        onClick={() => {
          setOpen(true);
        }}
      >
        {t("settings.title")}
      </Button>
      <Modal
        open={open}
        title={t("settings.title")}
        okText={t("settings.save")}
        confirmLoading={save.isPending}
        okButtonProps={{ disabled: settings.data === undefined }}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        {settings.data !== undefined && (
          <Form form={form} layout="vertical" initialValues={settings.data}>
            <Form.Item
              name="docPrefix"
              label={t("settings.docPrefix")}
              extra={t("settings.docPrefixHint")}
              rules={[{ required: true, max: 30 }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="recipients" label={t("issue.recipients")} rules={[{ required: true }]}>
              <Select mode="tags" aria-label={t("issue.recipients")} />
            </Form.Item>
            <Form.Item
              name="interviewAfterWorkingDays"
              label={t("settings.interviewDays")}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
