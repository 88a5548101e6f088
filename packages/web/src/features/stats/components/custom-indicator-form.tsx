import { useEffect, useState } from "react";
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import type { CustomIndicatorBody, FormulaCheckResult } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { checkFormula, useCreateCustomIndicator } from "../api/target-queries.ts";

type FormValues = Omit<CustomIndicatorBody, "description"> & { description?: string };

/** Shows where in the formula a problem is: the text with a ▲ before the offending character. */
function FormulaProblems({ formula, check }: { formula: string; check: FormulaCheckResult | null }) {
  const { t } = useI18n();
  if (check === null || formula.trim() === "") {
    return null;
  }
  if (check.ok) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("tgt.custom.formulaOk", { elements: check.elements.join("、") })}
        data-testid="formula-check"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="formula-check"
      style={{ marginBottom: 16 }}
      title={t("tgt.custom.formulaBad")}
      description={
        <ul className="custom-indicator-problems">
          {check.problems.map((p) => (
            <li key={`${p.code}:${String(p.offset)}`}>
              {p.message}
              {p.offset === null ? null : (
                <Typography.Text code>
                  {formula.slice(Math.max(0, p.offset - 12), p.offset)}
                  <mark>▲</mark>
                  {formula.slice(p.offset, p.offset + 16)}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** 新增自定义指标: code, name, unit, category, display and a formula checked while it is typed. */
export function CustomIndicatorForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, tOr } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCustomIndicator();
  const watched = Form.useWatch("formula", form) as string | undefined;
  const formula = watched ?? "";
  // The answer of the server's check, with the formula it was for (a stale answer is not shown).
  const [checked, setChecked] = useState<{ formula: string; result: FormulaCheckResult } | null>(null);
  const check = checked !== null && checked.formula === formula ? checked.result : null;

  useEffect(() => {
    if (formula.trim() === "") {
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      checkFormula(formula)
        .then((result) => {
          if (live) {
            setChecked({ formula, result });
          }
        })
        .catch(() => {
          // The check is a convenience; saving validates again and shows the server's message.
        });
    }, 300);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [formula]);

  const submit = async () => {
    const values = await form.validateFields();
    create.mutate(
      { ...values, description: values.description ?? "" },
      {
        onSuccess: () => {
          form.resetFields();
          setChecked(null);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t("tgt.custom.add")}
      okText={t("tgt.custom.save")}
      cancelText={t("tgt.cancel")}
      onCancel={onClose}
      onOk={() => {
        void submit();
      }}
      confirmLoading={create.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ display: "number", direction: "higher", decimals: 2, unit: "", category: "" }}
      >
        <Form.Item
          name="code"
          label={t("tgt.custom.code")}
          extra={t("tgt.custom.codeHelp")}
          rules={[
            { required: true, message: t("tgt.custom.codeRequired") },
            { pattern: /^[a-z][a-z0-9-]{1,62}$/, message: t("tgt.custom.codeHelp") },
          ]}
        >
          <Input placeholder="primary-average-class-size" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("tgt.custom.name")}
          rules={[{ required: true, message: t("tgt.custom.nameRequired") }]}
        >
          <Input placeholder={t("tgt.custom.namePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="formula"
          label={t("tgt.custom.formula")}
          extra={t("tgt.custom.formulaHelp")}
          rules={[{ required: true, message: t("tgt.custom.formulaRequired") }]}
        >
          <Input.TextArea
            rows={3}
            placeholder="sum(pupils.primary) / sum(classes.primary)"
            className="custom-indicator-formula"
          />
        </Form.Item>
        <FormulaProblems formula={formula} check={check} />
        <Form.Item name="unit" label={t("tgt.custom.unit")}>
          <Input placeholder="% / 人 / :1" />
        </Form.Item>
        <Form.Item name="category" label={t("tgt.custom.category")}>
          <Input />
        </Form.Item>
        <Form.Item name="display" label={t("tgt.custom.display")}>
          <Select
            options={(["number", "percent", "ratio", "inverseRatio"] as const).map((d) => ({
              value: d,
              label: t(`tgt.custom.display.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="direction" label={t("tgt.custom.direction")}>
          <Select
            options={[
              { value: "higher", label: t("tgt.custom.direction.higher") },
              { value: "lower", label: t("tgt.custom.direction.lower") },
            ]}
          />
        </Form.Item>
        <Form.Item name="decimals" label={t("tgt.custom.decimals")}>
          <InputNumber min={0} max={6} />
        </Form.Item>
        <Form.Item name="description" label={t("tgt.custom.description")}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {create.error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(create.error, tOr)}
            data-testid="custom-indicator-error"
          />
        ) : null}
      </Form>
    </Modal>
  );
}
