import { useId, useState } from "react";
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Select, Space } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { FREQUENCY_VALUES, PRIORITY_VALUES } from "@luoshi/contracts";
import type { PlanNode, TaskCreateBody, TaskDetail } from "@luoshi/contracts";
import { ApiError } from "../../../lib/api.ts";
import { errorText } from "../../../lib/error-text.ts";
import { toFormErrors } from "../../../lib/form-errors.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useCreateTask } from "../api/tasks.ts";
import { PlanNodeFields, prefillFromNode } from "./plan-node-fields.tsx";
import { UnitPicker } from "./unit-picker.tsx";

type SourceKind = TaskCreateBody["sourceKind"];

interface Values {
  sourceKind: SourceKind;
  planId?: string;
  planNodeId?: string;
  sourceNote?: string;
  title: string;
  content?: string;
  leadUnitId?: string;
  coUnitIds?: string[];
  deadline?: Dayjs;
  frequency: NonNullable<TaskCreateBody["frequency"]>;
  priority: NonNullable<TaskCreateBody["priority"]>;
  milestones?: { title?: string; dueOn?: Dayjs }[];
}

const FIELDS = [
  "sourceKind",
  "planNodeId",
  "sourceNote",
  "title",
  "content",
  "leadUnitId",
  "coUnitIds",
  "deadline",
  "frequency",
  "priority",
  "milestones",
] as const;

function toBody(v: Values): TaskCreateBody {
  const body: TaskCreateBody = {
    title: v.title,
    content: v.content ?? "",
    sourceKind: v.sourceKind,
    leadUnitId: v.leadUnitId ?? "",
    coUnitIds: (v.coUnitIds ?? []).filter((id) => id !== v.leadUnitId),
    deadline: v.deadline?.format("YYYY-MM-DD") ?? "",
    frequency: v.frequency,
    priority: v.priority,
    milestones: (v.milestones ?? []).map((m) => ({
      title: m.title ?? "",
      dueOn: m.dueOn?.format("YYYY-MM-DD") ?? "",
    })),
  };
  if (v.sourceKind === "plan" && v.planNodeId !== undefined) {
    body.planNodeId = v.planNodeId;
  }
  if (v.sourceKind !== "plan" && v.sourceNote !== undefined && v.sourceNote.trim() !== "") {
    body.sourceNote = v.sourceNote.trim();
  }
  return body;
}

/** 新建任务: from a confirmed plan's task item (prefilled) or by hand (领导交办, 会议议定). */
export function TaskCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (task: TaskDetail) => void;
}) {
  const { t, tOr } = useI18n();
  const formId = useId();
  const [form] = Form.useForm<Values>();
  const create = useCreateTask();
  const watched = Form.useWatch((v: Partial<Values>) => v.sourceKind, form);
  const sourceKind = watched ?? "plan";
  const [planId, setPlanId] = useState<string | undefined>();
  const [known, setKnown] = useState<Map<string, string>>(new Map());
  const [alert, setAlert] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setPlanId(undefined);
    setAlert(null);
    create.reset();
    onClose();
  };

  const pickNode = (node: PlanNode | undefined) => {
    if (node === undefined) {
      return;
    }
    const p = prefillFromNode(node);
    setKnown(p.names);
    setAlert(p.unmatchedLead === null ? null : t("create.unmatchedLead", { name: p.unmatchedLead }));
    form.setFieldsValue({
      title: p.title,
      leadUnitId: p.leadUnitId,
      coUnitIds: p.coUnitIds,
      ...(p.deadline === null ? {} : { deadline: dayjs(p.deadline) }),
    });
  };

  const submit = (values: Values) => {
    setAlert(null);
    create.mutate(toBody(values), {
      onSuccess: (task) => {
        form.resetFields();
        onCreated(task);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fields.length > 0) {
          const { fields, unknown } = toFormErrors(error.fields, FIELDS);
          form.setFields(fields);
          setAlert(unknown.length > 0 ? unknown.join("；") : null);
          return;
        }
        setAlert(errorText(error, tOr));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t("create.title")}
      onCancel={close}
      destroyOnHidden
      width={720}
      footer={[
        <Button key="cancel" onClick={close}>
          {t("common.cancel")}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" form={formId} loading={create.isPending}>
          {t("create.submit")}
        </Button>,
      ]}
    >
      {alert !== null && <Alert type="warning" showIcon role="alert" title={alert} className="form-alert" />}
      <Form<Values>
        id={formId}
        form={form}
        layout="vertical"
        initialValues={{ sourceKind: "plan", frequency: "monthly", priority: "normal", milestones: [] }}
        onFinish={submit}
      >
        <Form.Item label={t("create.source")} name="sourceKind">
          <Radio.Group
            options={[
              { value: "plan", label: t("create.sourcePlan") },
              { value: "leader", label: t("create.sourceLeader") },
              { value: "meeting", label: t("create.sourceMeeting") },
              { value: "other", label: t("create.sourceOther") },
            ]}
          />
        </Form.Item>
        {sourceKind === "plan" ? (
          <PlanNodeFields planId={planId} onPlan={setPlanId} onNode={pickNode} />
        ) : (
          <Form.Item label={t("create.sourceNote")} name="sourceNote">
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item label={t("ledger.taskTitle")} name="title" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        <Form.Item label={t("create.content")} name="content">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
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
          <Form.Item label={t("create.priority")} name="priority">
            <Select
              className="filter-select"
              options={PRIORITY_VALUES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t("create.milestones")}>
          <Form.List name="milestones">
            {(items, { add, remove }) => (
              <>
                {items.map((item, i) => (
                  <Space key={item.key} align="baseline" wrap>
                    <Form.Item
                      name={[item.name, "title"]}
                      label={`${t("create.milestoneTitle")} ${String(i + 1)}`}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, "dueOn"]}
                      label={`${t("create.milestoneDue")} ${String(i + 1)}`}
                      rules={[{ required: true }]}
                    >
                      <DatePicker />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t("create.remove")}
                      onClick={() => {
                        remove(item.name);
                      }}
                    />
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  disabled={items.length >= 24}
                  onClick={() => {
                    add();
                  }}
                >
                  {t("create.addMilestone")}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
