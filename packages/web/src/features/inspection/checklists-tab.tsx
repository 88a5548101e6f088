import { useState } from "react";
import { Alert, App, Button, Form, Input, List, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import type { ChecklistDetail } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { readFileAsBase64 } from "../../lib/file-base64.ts";
import { importChecklist, useChecklist, useChecklists } from "./api.ts";

type Item = ChecklistDetail["items"][number];

interface ImportForm {
  code: string;
  title: string;
  kind: "regular" | "safety" | "special";
}

/** The 督导室's import of a new checklist version from an .xlsx or .csv sheet. */
function ImportPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string | null>(null);
  return (
    <Form<ImportForm>
      layout="vertical"
      initialValues={{ kind: "safety" }}
      onFinish={(values) => {
        if (file === null) {
          setProblems(t("inspection.pickFile"));
          return;
        }
        setBusy(true);
        setProblems(null);
        readFileAsBase64(file)
          .then((contentBase64) =>
            importChecklist({ ...values, basis: "", preview: false, fileName: file.name, contentBase64 }),
          )
          .then(async (r) => {
            message.success(t("inspection.imported", { version: r.version ?? 0, count: r.items.length }));
            await queryClient.invalidateQueries({ queryKey: ["inspection-checklists"] });
          })
          .catch((e: unknown) => {
            setProblems(errorText(e, (_k, f) => f));
          })
          .finally(() => {
            setBusy(false);
          });
      }}
    >
      <Typography.Paragraph type="secondary">{t("inspection.importHint")}</Typography.Paragraph>
      <Form.Item name="code" label={t("inspection.checklistCode")} rules={[{ required: true }]}>
        <Input placeholder="safety-sweep" maxLength={40} />
      </Form.Item>
      <Form.Item name="title" label={t("inspection.checklistTitle")} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t("inspection.checklistKind")}>
        <Select
          options={(["regular", "safety", "special"] as const).map((k) => ({
            value: k,
            label: t(`inspection.checklistKind.${k}`),
          }))}
        />
      </Form.Item>
      <Upload
        accept=".xlsx,.csv"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          return false;
        }}
        onRemove={() => {
          setFile(null);
        }}
      >
        <Button>{t("inspection.chooseFile")}</Button>
      </Upload>
      {problems !== null && <Alert style={{ marginTop: 8 }} type="error" showIcon title={problems} />}
      <Button style={{ marginTop: 8 }} type="primary" htmlType="submit" loading={busy}>
        {t("inspection.import")}
      </Button>
    </Form>
  );
}

/** 检查表: the versions the reader works with; one opens to its items and how each is judged. */
export function ChecklistsTab({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const lists = useChecklists();
  const [open, setOpen] = useState<string | null>(null);
  const detail = useChecklist(open);
  if (lists.error !== null) {
    return <Alert type="error" showIcon title={errorText(lists.error, (_k, f) => f)} />;
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <List
        size="small"
        loading={lists.isFetching}
        dataSource={lists.data?.items ?? []}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button
                key="open"
                type="link"
                size="small"
                onClick={() => {
                  setOpen(c.id);
                }}
              >
                {t("inspection.openChecklist")}
              </Button>,
            ]}
          >
            <Space wrap>
              {c.title}
              <Tag>{t(`inspection.checklistKind.${c.kind}`)}</Tag>
              <Tag color={c.current ? "green" : undefined}>
                {t("inspection.version", { version: c.version })}
                {c.current ? ` · ${t("inspection.current")}` : ""}
              </Tag>
              <Typography.Text type="secondary">
                {c.areaName ?? t("inspection.shipped")} · {t("inspection.itemCount", { count: c.itemCount })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {detail.error !== null && <Alert type="error" showIcon title={errorText(detail.error, (_k, f) => f)} />}
      {detail.data !== undefined && (
        <Table<Item>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={detail.data.items}
          columns={[
            { title: t("inspection.itemCode"), dataIndex: "code", width: 60 },
            { title: t("inspection.itemArea"), dataIndex: "area" },
            { title: t("inspection.itemText"), dataIndex: "text" },
            {
              title: t("inspection.itemJudge"),
              render: (_v, i) =>
                i.judge === "score"
                  ? t("inspection.judge.scoreOf", { max: i.maxScore ?? 0 })
                  : t(`inspection.judge.${i.judge}`),
            },
            {
              title: t("inspection.itemPhoto"),
              dataIndex: "photoRequired",
              render: (v: boolean) => (v ? <Tag color="blue">{t("inspection.photoRequired")}</Tag> : "—"),
            },
          ]}
        />
      )}
      {canManage && <ImportPanel />}
    </Space>
  );
}
