import { Button, Form, Input, Select } from "antd";
import type { PlanNode, PlanNodePatch } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { usePlanLabels } from "./plan-labels.tsx";
import type { usePlanEditor } from "./use-plan-editor.ts";

interface Values {
  title: string;
  role: PlanNode["role"];
  deadline: string;
}

const FIELDS = ["title", "role", "deadline"] as const;

/** What changed in the form, as a PATCH body; empty when nothing did. */
function changes(node: PlanNode, values: Values): PlanNodePatch {
  const patch: PlanNodePatch = {};
  const title = values.title.trim();
  if (title !== node.title) {
    patch.title = title;
  }
  if (values.role !== node.role) {
    patch.role = values.role;
  }
  const deadline = values.deadline.trim() === "" ? null : values.deadline.trim();
  if (deadline !== node.deadline) {
    patch.deadline = deadline;
  }
  return patch;
}

/** 标题, 类别, 时限 of one node; only the changed fields are sent. */
export function NodeFieldsForm({
  node,
  editor,
}: {
  node: PlanNode;
  editor: ReturnType<typeof usePlanEditor>;
}) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="plan-node"
      className="node-fields-form"
      initialValues={{ title: node.title, role: node.role, deadline: node.deadline ?? "" }}
      onFinish={(values) => {
        const patch = changes(node, values);
        if (Object.keys(patch).length > 0) {
          void editor.run({ kind: "node", nodeId: node.id, patch }, { form: { form, fields: FIELDS } });
        }
      }}
    >
      <Form.Item
        label={t("node.title")}
        name="title"
        rules={[{ required: true, whitespace: true, message: t("node.titleRequired") }]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <div className="node-fields-row">
        <Form.Item label={t("node.role")} name="role" className="node-field-role">
          <Select options={labels.roleOptions} />
        </Form.Item>
        <Form.Item label={t("node.deadline")} name="deadline" className="node-field-deadline">
          <Input maxLength={50} placeholder={t("node.deadlinePlaceholder")} />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" loading={editor.isPending}>
        {t("node.save")}
      </Button>
    </Form>
  );
}
