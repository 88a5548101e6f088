import { useState } from "react";
import { App, Button, Card, Empty, Input, List, Modal, Space, Tag, Typography } from "antd";
import type { TaskDetail } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useTaskChange } from "../api/tasks.ts";

/**
 * 会签: each co-unit's verdict on the lead unit's current 办结报告 — 同意, 有异议 (with the note) or
 * 未会签 — and, for a co-unit, the buttons to sign.
 */
export function TaskCoSign({ task }: { task: TaskDetail }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const change = useTaskChange(task.id);
  const [isObjecting, setIsObjecting] = useState(false);
  const [note, setNote] = useState("");
  if (task.coSignOffs.length === 0) {
    return null;
  }
  const sign = (verdict: "confirm" | "object") => {
    change.mutate(
      { kind: "signOff", body: { verdict, note: verdict === "object" ? note : "" } },
      {
        onSuccess: () => {
          setIsObjecting(false);
          setNote("");
          void message.success(t("cosign.done"));
        },
        onError: (error) => void message.error(errorText(error, tOr)),
      },
    );
  };
  return (
    <Card size="small" title={<h2 className="card-heading">{t("cosign.title")}</h2>} className="ledger-card">
      {!task.hasFinalReport ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("cosign.noFinal")} />
      ) : (
        <List
          size="small"
          dataSource={task.coSignOffs}
          renderItem={(o) => (
            <List.Item>
              <Space wrap>
                <Typography.Text>{o.unit.name}</Typography.Text>
                {o.verdict === "confirm" ? (
                  <Tag color="green">{t("cosign.confirmed")}</Tag>
                ) : o.verdict === "object" ? (
                  <Tag color="red">{t("cosign.objected")}</Tag>
                ) : (
                  <Tag>{t("cosign.pending")}</Tag>
                )}
                {o.signer !== null && (
                  <Typography.Text type="secondary">
                    {o.signer} · {formatDateTime(o.signedAt)}
                  </Typography.Text>
                )}
                {o.note !== "" && <Typography.Text type="danger">{o.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {task.canSignOff && (
        <Space className="cosign-buttons">
          <Button
            type="primary"
            loading={change.isPending}
            onClick={() => {
              sign("confirm");
            }}
          >
            {t("cosign.confirm")}
          </Button>
          <Button
            danger
            onClick={() => {
              setIsObjecting(true);
            }}
          >
            {t("cosign.object")}
          </Button>
        </Space>
      )}
      <Modal
        open={isObjecting}
        title={t("cosign.object")}
        okText={t("cosign.object")}
        okButtonProps={{ danger: true, disabled: note.trim() === "", loading: change.isPending }}
        onOk={() => {
          sign("object");
        }}
        onCancel={() => {
          setIsObjecting(false);
        }}
      >
        <label htmlFor="cosign-note">{t("cosign.note")}</label>
        <Input.TextArea
          id="cosign-note"
          rows={3}
          value={note}
          onChange={(e) => {
            setNote(e.target.value);
          }}
        />
      </Modal>
    </Card>
  );
}
