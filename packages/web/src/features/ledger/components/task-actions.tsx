import { useState } from "react";
import { Alert, App, Button, Form, Input, Modal, Space } from "antd";
import type { TaskDetail } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useTaskChange } from "../api/tasks.ts";
import type { TaskAction } from "../api/tasks.ts";

/** Actions that ask for a comment first: 退回 and 中止 must have one, 销号 may. */
const WITH_COMMENT: Partial<Record<TaskAction, "required" | "optional">> = {
  return: "required",
  suspend: "required",
  approve: "optional",
};
const PRIMARY: readonly string[] = ["assign", "accept", "submitForReview", "approve"];

function isAction(value: string): value is TaskAction {
  return ["assign", "accept", "submitForReview", "approve", "return", "suspend", "resume"].includes(value);
}

/** The buttons the server says this user may press now (`availableActions`), with a comment modal where needed. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const change = useTaskChange(task.id);
  const [asking, setAsking] = useState<TaskAction | null>(null);
  const [comment, setComment] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const run = (action: TaskAction, text?: string) => {
    setProblem(null);
    change.mutate(
      { kind: "action", action, ...(text === undefined ? {} : { comment: text.trim() }) },
      {
        onSuccess: () => {
          setAsking(null);
          setComment("");
          void message.success(t("action.done", { action: t(`action.${action}`) }));
        },
        onError: (error) => {
          const text = errorText(error, tOr);
          if (asking === null) {
            void message.error(text);
          }
          setProblem(text);
        },
      },
    );
  };

  const actions = task.availableActions.filter(isAction);
  if (actions.length === 0) {
    return null;
  }
  const need = asking === null ? undefined : WITH_COMMENT[asking];
  return (
    <>
      <Space wrap>
        {actions.map((action) => (
          <Button
            key={action}
            type={PRIMARY.includes(action) ? "primary" : "default"}
            danger={action === "suspend"}
            loading={
              change.isPending && change.variables.kind === "action" && change.variables.action === action
            }
            onClick={() => {
              if (WITH_COMMENT[action] === undefined) {
                run(action);
              } else {
                setProblem(null);
                setAsking(action);
              }
            }}
          >
            {t(`action.${action}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={asking !== null}
        title={
          asking === null
            ? ""
            : t("action.confirmTitle", { action: t(`action.${asking}`), title: task.title })
        }
        onCancel={() => {
          setAsking(null);
          setComment("");
        }}
        okText={asking === null ? t("common.ok") : t(`action.${asking}`)}
        okButtonProps={{ loading: change.isPending }}
        onOk={() => {
          if (asking === null) {
            return;
          }
          if (need === "required" && comment.trim() === "") {
            setProblem(t("action.commentRequired"));
            return;
          }
          run(asking, comment);
        }}
        destroyOnHidden
      >
        {problem !== null && (
          <Alert type="error" showIcon role="alert" title={problem} className="form-alert" />
        )}
        <Form layout="vertical">
          <Form.Item
            label={asking === "suspend" ? t("action.reason") : t("action.comment")}
            htmlFor="action-comment"
            required={need === "required"}
          >
            <Input.TextArea
              id="action-comment"
              autoSize={{ minRows: 3, maxRows: 6 }}
              maxLength={2000}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
