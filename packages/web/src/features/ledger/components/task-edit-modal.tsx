import { useState } from "react";
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { FREQUENCY_VALUES, type TaskDetail } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useTaskChange } from "../api/tasks.ts";
import { UnitPicker } from "./unit-picker.tsx";

interface Values {
  title: string;
  leadUnitId: string;
  coUnitIds: string[];
  deadline: Dayjs;
  frequency: TaskDetail["frequency"];
  acceptWithinDays: number;
  reason: string;
}

/**
 * 修改 / 改派: bureau staff change the wording, deadline, cycle, 签收时限 or units of a task, with a
 * reason; only what differs is sent. A new lead unit has to 签收 again; the old one is told.
 */
export function TaskEditButton({ task }: { task: TaskDetail }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const change = useTaskChange(task.id);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const known = new Map([task.leadUnit, ...task.coUnits].map((u) => [u.id, u.name]));
  const submit = (v: Values) => {
    const deadline = v.deadline.format("YYYY-MM-DD");
    const co = v.coUnitIds;
    const sameCo = co.join() === task.coUnits.map((u) => u.id).join();
    change.mutate(
      {
        kind: "edit",
        body: {
          reason: v.reason,
          ...(v.title.trim() === task.title ? {} : { title: v.title }),
          ...(v.leadUnitId === task.leadUnit.id && sameCo ? {} : { leadUnitId: v.leadUnitId, coUnitIds: co }),
          ...(deadline === task.deadline ? {} : { deadline }),
          ...(v.frequency === task.frequency ? {} : { frequency: v.frequency }),
          ...(v.acceptWithinDays === task.acceptWithinDays ? {} : { acceptWithinDays: v.acceptWithinDays }),
        },
      },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t("edit.done"));
        },
        onError: (error) => void message.error(errorText(error, tOr)),
      },
    );
  };
  return (
    <>
      <Button
        onClick={() => {
          form.setFieldsValue({
            title: task.title,
            leadUnitId: task.leadUnit.id,
            coUnitIds: task.coUnits.map((u) => u.id),
            deadline: dayjs(task.deadline),
            frequency: task.frequency,
            acceptWithinDays: task.acceptWithinDays,
            reason: "",
          });
          setOpen(true);
        }}
      >
        {t("edit.button")}
      </Button>
      <Modal
        open={open}
        title={t("edit.title")}
        okText={t("edit.submit")}
        confirmLoading={change.isPending}
        onOk={() => {
          form.submit();
        }}
        onCancel={() => {
          setOpen(false);
        }}
        width={640}
        forceRender
      >
        <p className="form-hint">{t("edit.hint")}</p>
        <Form<Values> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            label={t("ledger.taskTitle")}
            name="title"
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t("ledger.leadUnit")} name="leadUnitId" rules={[{ required: true }]}>
            <UnitPicker known={known} />
          </Form.Item>
          <Form.Item label={t("ledger.coUnits")} name="coUnitIds">
            <UnitPicker known={known} multiple />
          </Form.Item>
          <Space wrap size="large">
            <Form.Item label={t("ledger.deadline")} name="deadline" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item label={t("create.frequency")} name="frequency">
              <Select
                className="filter-select"
                options={FREQUENCY_VALUES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
              />
            </Form.Item>
            <Form.Item label={t("batch.acceptDays")} name="acceptWithinDays">
              <InputNumber min={1} max={30} />
            </Form.Item>
          </Space>
          <Form.Item label={t("edit.reason")} name="reason" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
