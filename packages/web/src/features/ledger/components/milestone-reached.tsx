import { useState } from "react";
import { App, Button, DatePicker, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { chinaDate } from "@luoshi/common";
import type { TaskDetail } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useTaskChange } from "../api/tasks.ts";

/**
 * Today in China, whatever the browser's time zone: the server checks the day in Beijing time, and
 * between 16:00 and 24:00 UTC a browser on UTC would otherwise offer yesterday (before a task 交办 today).
 */
const today = (): Dayjs => dayjs(chinaDate(new Date()));

interface Values {
  reachedOn: Dayjs;
  note?: string;
}

/**
 * 确认完成: the lead unit or bureau staff mark one 序时进度 reached, with the day (today at the
 * latest) and an optional note; the light reads it from that day on.
 */
export function MilestoneReachedButton({
  task,
  milestone,
}: {
  task: TaskDetail;
  milestone: TaskDetail["milestones"][number];
}) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const change = useTaskChange(task.id);
  const [isOpen, setIsOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) => {
    const note = v.note?.trim() ?? "";
    change.mutate(
      {
        kind: "milestone",
        milestoneId: milestone.id,
        body: { reachedOn: v.reachedOn.format("YYYY-MM-DD"), ...(note === "" ? {} : { note }) },
      },
      {
        onSuccess: () => {
          setIsOpen(false);
          void message.success(t("task.markedReached"));
        },
        onError: (error) => void message.error(errorText(error, tOr)),
      },
    );
  };
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setIsOpen(true);
        }}
      >
        {t("task.markReached")}
      </Button>
      <Modal
        open={isOpen}
        title={t("task.markReachedTitle", { title: milestone.title })}
        okText={t("task.markReached")}
        confirmLoading={change.isPending}
        onOk={() => {
          form.submit();
        }}
        onCancel={() => {
          setIsOpen(false);
        }}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" initialValues={{ reachedOn: today() }} onFinish={submit}>
          <Form.Item name="reachedOn" label={t("task.reachedDate")} rules={[{ required: true }]}>
            <DatePicker
              allowClear={false}
              disabledDate={(d) =>
                d.isAfter(today(), "day") ||
                (task.assignedOn !== null && d.isBefore(dayjs(task.assignedOn), "day"))
              }
            />
          </Form.Item>
          <Form.Item name="note" label={t("task.reachedNote")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
