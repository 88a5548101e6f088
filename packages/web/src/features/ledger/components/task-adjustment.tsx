import { App, Button, Card, DatePicker, Descriptions, Form, Input, Space } from "antd";
import type { Dayjs } from "dayjs";
import type { TaskDetail } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useTaskChange } from "../api/tasks.ts";

interface Values {
  newDeadline?: Dayjs;
  newTitle?: string;
  reason: string;
}

/** 调整申请: the lead unit asks for a new deadline or wording; the bureau approves or refuses. */
export function TaskAdjustment({
  task,
  canRequest,
  canDecide,
}: {
  task: TaskDetail;
  canRequest: boolean;
  canDecide: boolean;
}) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const change = useTaskChange(task.id);
  const [form] = Form.useForm<Values>();
  const pending = task.pendingAdjustment;
  if (pending === null && !canRequest) {
    return null;
  }
  const onError = (error: unknown) => void message.error(errorText(error, tOr));
  const decide = (isApproved: boolean) => {
    change.mutate(
      { kind: "decision", body: { isApproved } },
      { onSuccess: () => void message.success(t("task.decided")), onError },
    );
  };
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{t("task.adjustment")}</h2>}
      className="ledger-card"
    >
      {pending !== null ? (
        <>
          <Descriptions
            size="small"
            column={1}
            title={t("task.pendingAdjustment")}
            items={[
              { key: "d", label: t("task.newDeadline"), children: pending.newDeadline ?? t("common.none") },
              { key: "t", label: t("task.newTitle"), children: pending.newTitle ?? t("common.none") },
              { key: "r", label: t("task.adjustReason"), children: pending.reason },
            ]}
          />
          {canDecide && (
            <Space>
              <Button
                type="primary"
                loading={change.isPending}
                onClick={() => {
                  decide(true);
                }}
              >
                {t("task.approveAdjustment")}
              </Button>
              <Button
                loading={change.isPending}
                onClick={() => {
                  decide(false);
                }}
              >
                {t("task.refuseAdjustment")}
              </Button>
            </Space>
          )}
        </>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => {
            const title = v.newTitle?.trim();
            change.mutate(
              {
                kind: "adjustment",
                body: {
                  reason: v.reason,
                  ...(v.newDeadline === undefined ? {} : { newDeadline: v.newDeadline.format("YYYY-MM-DD") }),
                  ...(title === undefined || title === "" ? {} : { newTitle: title }),
                },
              },
              {
                onSuccess: () => {
                  form.resetFields();
                  void message.success(t("task.adjustmentSent"));
                },
                onError,
              },
            );
          }}
        >
          <Form.Item label={t("task.newDeadline")} name="newDeadline">
            <DatePicker />
          </Form.Item>
          <Form.Item label={t("task.newTitle")} name="newTitle">
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            label={t("task.adjustReason")}
            name="reason"
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={change.isPending}>
            {t("task.requestAdjustment")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
