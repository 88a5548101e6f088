import { Form, Input, InputNumber, Modal, Radio, Select } from "antd";
import type { PlanTarget, PlanTargetBody } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { usePlanLabels } from "./plan-labels.tsx";
import type { usePlanEditor } from "./use-plan-editor.ts";

type Values = Omit<PlanTargetBody, "path" | "indicatorCode"> & { indicatorCode: string };

const FIELDS = [
  "text",
  "metric",
  "indicatorCode",
  "comparator",
  "value",
  "valueMax",
  "unit",
  "year",
  "kind",
] as const;

const blank: Values = {
  text: "",
  metric: "",
  indicatorCode: "",
  comparator: ">=",
  value: null,
  valueMax: null,
  unit: "",
  year: null,
  kind: "target",
};

/**
 * 新增目标 / 编辑目标 for one node: 原文, 指标, 比较, 目标值 (and 上限 for a range), 单位, 年份, 类型.
 * Mounted only while open, so that each opening starts from the target (or blank).
 */
export function TargetFormModal({
  path,
  target,
  editor,
  onClose,
}: {
  path: string;
  /** The target to edit; none to add one. */
  target: PlanTarget | null;
  editor: ReturnType<typeof usePlanEditor>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const [form] = Form.useForm<Values>();
  const initial: Values = target === null ? blank : { ...target, indicatorCode: target.indicatorCode ?? "" };

  const submit = async (values: Values) => {
    const body: PlanTargetBody = {
      ...values,
      path,
      indicatorCode: values.indicatorCode.trim() === "" ? null : values.indicatorCode.trim(),
      value: values.value ?? null,
      valueMax: values.valueMax ?? null,
      year: values.year ?? null,
      unit: values.unit,
    };
    const done = await editor.run(
      target === null
        ? { kind: "addTarget", body }
        : { kind: "editTarget", targetId: target.id, patch: body },
      { form: { form, fields: FIELDS } },
    );
    if (done !== undefined) {
      onClose();
    }
  };

  return (
    <Modal
      open
      title={t(target === null ? "targets.addTitle" : "targets.editTitle")}
      okText={t("targets.save")}
      cancelText={t("common.cancel")}
      confirmLoading={editor.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        name="plan-target"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t("targets.text")}
          name="text"
          rules={[{ required: true, whitespace: true, message: t("targets.textRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Form.Item
          label={t("targets.metric")}
          name="metric"
          rules={[{ required: true, whitespace: true, message: t("targets.metricRequired") }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <div className="target-form-row">
          <Form.Item label={t("targets.comparator")} name="comparator">
            <Select options={labels.comparatorOptions} className="target-comparator" />
          </Form.Item>
          <Form.Item label={t("targets.value")} name="value">
            <InputNumber />
          </Form.Item>
          <Form.Item label={t("targets.valueMax")} name="valueMax">
            <InputNumber />
          </Form.Item>
          <Form.Item label={t("targets.unit")} name="unit">
            <Input maxLength={20} className="target-unit" />
          </Form.Item>
        </div>
        <div className="target-form-row">
          <Form.Item label={t("targets.year")} name="year">
            <InputNumber min={1949} max={2100} precision={0} />
          </Form.Item>
          <Form.Item label={t("targets.kind")} name="kind">
            <Radio.Group
              optionType="button"
              options={[
                { value: "target", label: t("targets.kindTarget") },
                { value: "baseline", label: t("targets.kindBaseline") },
              ]}
            />
          </Form.Item>
          <Form.Item label={t("targets.indicatorCode")} name="indicatorCode">
            <Input maxLength={64} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
