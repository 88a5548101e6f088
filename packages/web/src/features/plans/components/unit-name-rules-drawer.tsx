import { useState } from "react";
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Select, Space, Spin, Typography } from "antd";
import type { FormInstance } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { SCHOOL_TYPES } from "@luoshi/common";
import type { UnitNameRules, UnitNameRulesView } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useSaveUnitNameRules, useUnitNameRules } from "../api/unit-name-rules.ts";
import "./unit-name-rules.css";

type Group = UnitNameRules["groups"][number];
const KINDS: readonly Group["kind"][] = ["township", "school", "office", "county"];

/** The unit groups, one row each, with how many members each saved group has today. */
function GroupRows({
  form,
  sizes,
}: {
  form: FormInstance<UnitNameRules>;
  sizes: ReadonlyMap<string, number>;
}) {
  const { t } = useI18n();
  return (
    <Form.List name="groups">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => {
            const name = form.getFieldValue(["groups", field.name, "name"]) as string | undefined;
            const members = name === undefined ? undefined : sizes.get(name);
            return (
              <fieldset
                key={field.key}
                className="unit-rule-row"
                aria-label={t("unitRules.groupRow", { n: field.name + 1 })}
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[field.name, "name"]}
                    label={t("unitRules.groupName")}
                    rules={[{ required: true, whitespace: true, message: t("unitRules.required") }]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[field.name, "aliases"]} label={t("unitRules.aliases")}>
                    <Select
                      mode="tags"
                      style={{ minWidth: 220 }}
                      tokenSeparators={["，", ",", "、"]}
                      open={false}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "kind"]}
                    label={t("unitRules.kind")}
                    rules={[{ required: true }]}
                  >
                    <Select
                      style={{ width: 150 }}
                      options={KINDS.map((k) => ({ value: k, label: t(`unitRules.kind.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "schoolTypes"]} label={t("unitRules.schoolTypes")}>
                    <Select
                      mode="multiple"
                      style={{ minWidth: 200 }}
                      placeholder={t("unitRules.allSchoolTypes")}
                      options={SCHOOL_TYPES.map((s) => ({ value: s, label: t(`schoolType.${s}`) }))}
                    />
                  </Form.Item>
                  <Form.Item label={t("unitRules.members")}>
                    <Typography.Text>
                      {members === undefined ? t("unitRules.membersAfterSave") : String(members)}
                    </Typography.Text>
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t("unitRules.removeGroup", { n: field.name + 1 })}
                      onClick={() => {
                        remove(field.name);
                      }}
                    />
                  </Form.Item>
                </Space>
              </fieldset>
            );
          })}
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              add({ name: "", aliases: [], kind: "school", schoolTypes: [] });
            }}
          >
            {t("unitRules.addGroup")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The renamed agencies, one row each. */
function RenameRows() {
  const { t } = useI18n();
  return (
    <Form.List name="renames">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <fieldset
              key={field.key}
              className="unit-rule-row"
              aria-label={t("unitRules.renameRow", { n: field.name + 1 })}
            >
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, "from"]}
                  label={t("unitRules.from")}
                  rules={[{ required: true, whitespace: true, message: t("unitRules.required") }]}
                >
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "to"]}
                  label={t("unitRules.to")}
                  rules={[{ required: true, whitespace: true, message: t("unitRules.required") }]}
                >
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "year"]}
                  label={t("unitRules.year")}
                  rules={[{ required: true }]}
                >
                  <InputNumber min={1949} max={2100} precision={0} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "source"]}
                  label={t("unitRules.source")}
                  rules={[{ required: true, whitespace: true, message: t("unitRules.required") }]}
                >
                  <Input maxLength={300} style={{ minWidth: 280 }} />
                </Form.Item>
                <Form.Item label=" ">
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t("unitRules.removeRename", { n: field.name + 1 })}
                    onClick={() => {
                      remove(field.name);
                    }}
                  />
                </Form.Item>
              </Space>
            </fieldset>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              add({ from: "", to: "", year: new Date().getFullYear(), source: "" });
            }}
          >
            {t("unitRules.addRename")}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** The form: the rules as the API has them (the editor adds and removes rows, nothing else). */
function RulesForm({ view, onSaved }: { view: UnitNameRulesView; onSaved: () => void }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitNameRules>();
  const save = useSaveUnitNameRules();
  const [problem, setProblem] = useState<string | null>(null);
  const sizes = new Map(view.groupSizes.map((g) => [g.name, g.members]));
  const submit = (rules: UnitNameRules) => {
    setProblem(null);
    save.mutate(rules, {
      onSuccess: () => {
        void message.success(t("unitRules.saved"));
        onSaved();
      },
      onError: (error) => {
        setProblem(errorText(error, tOr));
      },
    });
  };
  return (
    <Form<UnitNameRules> form={form} layout="vertical" initialValues={view.rules} onFinish={submit}>
      {view.isDefault && <Alert type="info" showIcon className="form-alert" title={t("unitRules.default")} />}
      {problem !== null && <Alert type="error" showIcon className="form-alert" title={problem} />}
      <Typography.Title level={3}>{t("unitRules.groups")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("unitRules.groupsHint")}</Typography.Paragraph>
      <GroupRows form={form} sizes={sizes} />
      <Typography.Title level={3}>{t("unitRules.renames")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("unitRules.renamesHint")}</Typography.Paragraph>
      <RenameRows />
      <div className="unit-rule-footer">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("unitRules.save")}
        </Button>
      </div>
    </Form>
  );
}

/**
 * 单位名称规则 editor for the bureau's planners: the unit groups collective names stand for (各乡镇,
 * 各学校 …, with how many units each has today) and the table of renamed agencies. The rules are the
 * county's, used by every plan's 单位名称核对 and by batch 立项 to fan a group's task out to its members.
 */
export function UnitNameRulesDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const rules = useUnitNameRules(open);
  return (
    <Drawer open={open} onClose={onClose} size="large" title={t("unitRules.title")} destroyOnHidden>
      {rules.isError ? (
        <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data === undefined ? (
        <Spin />
      ) : (
        <RulesForm key={rules.dataUpdatedAt} view={rules.data} onSaved={onClose} />
      )}
    </Drawer>
  );
}
