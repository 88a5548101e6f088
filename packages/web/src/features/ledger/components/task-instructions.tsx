import { useState } from "react";
import { App, Button, Card, Empty, Form, Input, List, Typography } from "antd";
import type { TaskDetail } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useTaskChange } from "../api/tasks.ts";

/** A one-field form: 批示 for leaders, 回复 (to a 批示) for units. */
function InstructionForm({ task, replyTo, label }: { task: TaskDetail; replyTo?: string; label: string }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const change = useTaskChange(task.id);
  const [text, setText] = useState("");
  const fieldId = `instruction-${replyTo ?? "new"}`;
  return (
    <Form
      layout="vertical"
      className="instruction-form"
      onFinish={() => {
        if (text.trim() === "") {
          return;
        }
        change.mutate(
          { kind: "instruction", body: replyTo === undefined ? { text } : { text, replyTo } },
          {
            onSuccess: () => {
              setText("");
            },
            onError: (error) => void message.error(errorText(error, tOr)),
          },
        );
      }}
    >
      <Form.Item label={label} htmlFor={fieldId}>
        <Input.TextArea
          id={fieldId}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={2000}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </Form.Item>
      <Button htmlType="submit" loading={change.isPending} disabled={text.trim() === ""}>
        {t("task.send")}
      </Button>
    </Form>
  );
}

/** 领导批示 with the units' 回复 under each; leaders write 批示, units reply. */
export function TaskInstructions({
  task,
  canInstruct,
  canReply,
}: {
  task: TaskDetail;
  canInstruct: boolean;
  canReply: boolean;
}) {
  const { t } = useI18n();
  const roots = task.instructions.filter((i) => i.replyTo === null);
  const replies = (id: string) => task.instructions.filter((i) => i.replyTo === id);
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t("task.instructions")}</h2>}
      className="ledger-card"
    >
      {roots.length === 0 ? (
        <Empty description={t("task.noInstructions")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          dataSource={roots}
          renderItem={(i) => (
            <List.Item key={i.id}>
              <div className="instruction">
                <Typography.Text strong>{i.author}</Typography.Text>{" "}
                <Typography.Text type="secondary">{formatDateTime(i.at)}</Typography.Text>
                <div className="pre-wrap">{i.text}</div>
                {replies(i.id).map((r) => (
                  <div key={r.id} className="instruction-reply">
                    <Typography.Text strong>{r.author}</Typography.Text>{" "}
                    <Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>
                    <div className="pre-wrap">{r.text}</div>
                  </div>
                ))}
                {canReply && (
                  <InstructionForm
                    task={task}
                    replyTo={i.id}
                    label={t("task.replyTo", { author: i.author })}
                  />
                )}
              </div>
            </List.Item>
          )}
        />
      )}
      {canInstruct && <InstructionForm task={task} label={t("task.instruct")} />}
    </Card>
  );
}
