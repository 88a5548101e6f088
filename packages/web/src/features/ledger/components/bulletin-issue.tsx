import { useState } from "react";
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { DownloadOutlined, FileDoneOutlined } from "@ant-design/icons";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import {
  issuedDocxUrl,
  useIssueBulletin,
  useIssueDraft,
  useIssuedBulletins,
  type IssuedBulletin,
} from "../api/issue.ts";
import { LedgerSettingsButton } from "./ledger-settings.tsx";

interface IssueForm {
  recipients: string[];
  praise: string;
  criticism: string;
}

/** Downloads an issued bulletin's stored Word file. */
function useIssuedDownload() {
  const { tOr } = useI18n();
  const { message } = App.useApp();
  return async (b: IssuedBulletin) => {
    try {
      await downloadFile(issuedDocxUrl(b.id), `${b.title}（${b.docNumber}）.docx`);
    } catch (error) {
      void message.error(errorText(error, tOr));
    }
  };
}

/**
 * 印发 of the month shown: issued (its 发文字号 and the stored file), still a draft (why), or the 印发
 * button with a confirmation that lets staff edit 主送 and the 表扬/批评 texts first.
 */
export function BulletinIssuePanel({ month, canIssue }: { month: string; canIssue: boolean }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const draft = useIssueDraft(month, true);
  const issue = useIssueBulletin();
  const download = useIssuedDownload();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<IssueForm>();
  const d = draft.data;
  if (d === undefined) {
    return null;
  }
  if (d.issued !== null) {
    const issued = d.issued;
    return (
      <Alert
        type="success"
        showIcon
        className="bulletin-issue"
        title={t("issue.issued", { docNumber: issued.docNumber, serial: String(issued.serial) })}
        action={
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(issued)}>
            {t("issue.downloadIssued")}
          </Button>
        }
      />
    );
  }
  if (d.blocked !== null) {
    return <Alert type="info" showIcon className="bulletin-issue" title={d.blocked} />;
  }
  if (!canIssue) {
    return <Alert type="info" showIcon className="bulletin-issue" title={t("issue.notIssued")} />;
  }
  const submit = async () => {
    const values = await form.validateFields();
    issue.mutate(
      { month, recipients: values.recipients, praise: values.praise, criticism: values.criticism },
      {
        onSuccess: (b) => {
          setOpen(false);
          void message.success(t("issue.done", { docNumber: b.docNumber }));
        },
        onError: (error) => void message.error(errorText(error, tOr)),
      },
    );
  };
  return (
    <>
      <Alert
        type="warning"
        showIcon
        className="bulletin-issue"
        title={t("issue.draft")}
        action={
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            onClick={() => {
              form.setFieldsValue({ recipients: d.recipients, praise: d.praise, criticism: d.criticism });
              setOpen(true);
            }}
          >
            {t("issue.issue")}
          </Button>
        }
      />
      <Modal
        open={open}
        title={t("issue.confirmTitle")}
        okText={t("issue.confirm")}
        confirmLoading={issue.isPending}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
        }}
        width={720}
      >
        <Typography.Paragraph>
          {t("issue.docNumber")}：<Typography.Text strong>{d.docNumber}</Typography.Text>（
          {t("issue.serial", { serial: String(d.serial) })}）
        </Typography.Paragraph>
        <Typography.Paragraph type="warning">{t("issue.freezeNote")}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="recipients" label={t("issue.recipients")} rules={[{ required: true }]}>
            <Select mode="tags" aria-label={t("issue.recipients")} />
          </Form.Item>
          <Form.Item name="praise" label={t("issue.praise")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="criticism" label={t("issue.criticism")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 已印发通报: every issued bulletin of the jurisdiction, with the stored file to download. */
export function IssuedBulletins({ canConfigure }: { canConfigure: boolean }) {
  const { t } = useI18n();
  const list = useIssuedBulletins(true);
  const download = useIssuedDownload();
  const columns: TableColumnsType<IssuedBulletin> = [
    {
      title: t("issue.serialColumn"),
      key: "serial",
      width: 90,
      render: (_: unknown, b) => t("issue.serial", { serial: String(b.serial) }),
    },
    { title: t("issue.docNumber"), dataIndex: "docNumber", width: 200 },
    { title: t("issue.title"), dataIndex: "title" },
    {
      title: t("issue.issuedAt"),
      key: "at",
      width: 170,
      render: (_: unknown, b) => formatDateTime(b.issuedAt),
    },
    {
      title: t("issue.issuedBy"),
      key: "by",
      width: 110,
      render: (_: unknown, b) => b.issuedBy ?? t("common.none"),
    },
    {
      title: t("issue.file"),
      key: "file",
      width: 110,
      render: (_: unknown, b) => (
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(b)}>
          {t("issue.download")}
        </Button>
      ),
    },
  ];
  return (
    <section className="bulletin-section" aria-label={t("issue.history")}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Space style={{ justifyContent: "space-between", width: "100%" }} wrap>
          <Typography.Title level={2}>{t("issue.history")}</Typography.Title>
          {canConfigure && <LedgerSettingsButton />}
        </Space>
        <Table<IssuedBulletin>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          pagination={false}
          locale={{ emptyText: t("issue.noneIssued") }}
        />
      </Space>
    </section>
  );
}
