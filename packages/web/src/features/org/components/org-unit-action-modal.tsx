import { chinaDate } from "@luoshi/common";
import { useState } from "react";
import { Alert, App, Form, Input, Modal, Select, Switch } from "antd";
import type { OrgUnit, OrgUnitDetail } from "@luoshi/contracts";
import { ApiError } from "../../../lib/api.ts";
import { SCHOOL_TYPE_CODES } from "../../../lib/codes.ts";
import { errorText } from "../../../lib/error-text.ts";
import { toFormErrors } from "../../../lib/form-errors.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { MessageKey } from "../../../lib/i18n.tsx";
import { useOrgUnitAction, type OrgUnitAction } from "../api/org-unit-changes.ts";
import { OrgUnitSelect } from "./org-unit-select.tsx";

/** The changes the 组织机构 page offers a system administrator. */
export type OrgUnitMode = "create" | "edit" | "move" | "merge" | "close" | "reopen";

/** The form's fields: a union of what every mode asks for. */
interface Values {
  kind?: "township" | "school" | "department";
  code?: string;
  name?: string;
  schoolType?: string;
  ownership?: "public" | "private";
  isInclusive?: boolean;
  urbanRural?: "urban" | "town" | "rural";
  schoolTypeCode?: string;
  sponsor?: string;
  address?: string;
  principal?: string;
  phone?: string;
  parentId?: string;
  intoId?: string;
  effectiveOn?: string;
  reason?: string;
}

const FIELDS = [
  "kind",
  "code",
  "name",
  "schoolType",
  "ownership",
  "urbanRural",
  "schoolTypeCode",
  "sponsor",
  "address",
  "principal",
  "phone",
  "parentId",
  "intoId",
  "effectiveOn",
  "reason",
] as const;

const TITLES: Record<OrgUnitMode, MessageKey> = {
  create: "org.addTitle",
  edit: "org.editTitle",
  move: "org.moveTitle",
  merge: "org.mergeTitle",
  close: "org.closeTitle",
  reopen: "org.reopenTitle",
};

const today = (): string => chinaDate(new Date());
const blankToUndefined = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : v.trim();

/** The request for the mode's form values. */
function toAction(mode: OrgUnitMode, unit: OrgUnitDetail, v: Values): OrgUnitAction {
  const dated = { effectiveOn: v.effectiveOn ?? today(), reason: blankToUndefined(v.reason) };
  const registry = {
    schoolType: v.schoolType,
    ownership: v.ownership,
    isInclusive: v.isInclusive,
    urbanRural: v.urbanRural,
    schoolTypeCode: v.schoolTypeCode,
    sponsor: v.sponsor,
    address: v.address,
    principal: v.principal,
    phone: v.phone,
  };
  switch (mode) {
    case "create":
      return {
        kind: "create",
        body: {
          ...registry,
          parentId: unit.id,
          kind: v.kind ?? "school",
          code: v.code ?? "",
          name: v.name ?? "",
          openedOn: v.effectiveOn,
          reason: dated.reason,
        },
      };
    case "edit":
      return { kind: "edit", id: unit.id, body: { ...registry, name: v.name, ...dated } };
    case "move":
      return { kind: "move", id: unit.id, body: { parentId: v.parentId ?? "", ...dated } };
    case "merge":
      return { kind: "merge", id: unit.id, body: { intoId: v.intoId ?? "", ...dated } };
    default:
      return { kind: mode, id: unit.id, body: dated };
  }
}

/** The form values a mode starts from: the unit's own fields when editing. */
function initialValues(mode: OrgUnitMode, unit: OrgUnit): Values {
  if (mode === "create") {
    return { kind: unit.kind === "county" ? "township" : "school", effectiveOn: today() };
  }
  if (mode !== "edit") {
    return { effectiveOn: today() };
  }
  return {
    name: unit.name,
    schoolType: unit.school?.schoolType,
    ownership: (unit.school?.ownership ?? undefined) as Values["ownership"],
    isInclusive: unit.school?.isInclusive ?? undefined,
    urbanRural: (unit.school?.urbanRural ?? undefined) as Values["urbanRural"],
    schoolTypeCode: unit.schoolTypeCode ?? undefined,
    sponsor: unit.sponsor ?? undefined,
    address: unit.address ?? undefined,
    principal: unit.principal ?? undefined,
    phone: unit.phone ?? undefined,
    effectiveOn: today(),
  };
}

/**
 * One change of a unit in a modal: the fields of the mode, the 生效日期 (today by default), a reason.
 * 撤并 and 撤销 say first that the unit's accounts will be disabled. Server field errors land on
 * their fields; other errors in the alert.
 */
export function OrgUnitActionModal({
  mode,
  unit,
  onClose,
}: {
  mode: OrgUnitMode;
  unit: OrgUnitDetail;
  onClose: () => void;
}) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = useOrgUnitAction();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch("kind", form);
  const isSchool = mode === "create" ? (kind ?? "school") === "school" : unit.kind === "school";
  const registry = mode === "create" || mode === "edit";

  const submit = async (values: Values) => {
    setFormError(null);
    try {
      await action.mutateAsync(toAction(mode, unit, values));
      void message.success(t("org.saved"));
      onClose();
    } catch (error) {
      const mapped = toFormErrors(error instanceof ApiError ? error.fields : [], FIELDS);
      form.setFields(mapped.fields);
      setFormError(mapped.fields.length > 0 ? null : errorText(error, tOr));
    }
  };

  const required = [{ required: true, whitespace: true, message: t("org.required") }];
  return (
    <Modal
      open
      title={t(TITLES[mode], { name: unit.name, parent: unit.name })}
      okText={t("common.ok")}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger: mode === "merge" || mode === "close" }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      confirmLoading={action.isPending}
      forceRender
    >
      {(mode === "merge" || mode === "close") && (
        <Alert type="warning" showIcon title={t("org.accountsWarning")} className="form-alert" />
      )}
      {mode === "reopen" && <Alert type="info" showIcon title={t("org.reopenHint")} className="form-alert" />}
      {formError !== null && (
        <Alert type="error" showIcon role="alert" title={formError} className="form-alert" />
      )}
      <Form<Values>
        form={form}
        name="orgUnitAction"
        layout="vertical"
        initialValues={initialValues(mode, unit)}
        onFinish={(v) => void submit(v)}
        requiredMark
      >
        {mode === "create" && (
          <>
            <Form.Item
              label={t("org.kind")}
              name="kind"
              rules={[{ required: true, message: t("org.required") }]}
            >
              <Select
                options={(["township", "school", "department"] as const).map((k) => ({
                  value: k,
                  label: t(
                    k === "township"
                      ? "org.kindTownship"
                      : k === "school"
                        ? "org.kindSchool"
                        : "org.kindDepartment",
                  ),
                }))}
              />
            </Form.Item>
            <Form.Item label={t("org.code")} name="code" rules={required}>
              <Input maxLength={32} autoComplete="off" />
            </Form.Item>
          </>
        )}
        {registry && (
          <Form.Item label={t("org.name")} name="name" rules={required}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        )}
        {registry && <RegistryInputs isSchool={isSchool} requireType={mode === "create"} />}
        {mode === "move" && (
          <Form.Item
            label={t("org.newParent")}
            name="parentId"
            rules={[{ required: true, message: t("org.required") }]}
          >
            <OrgUnitSelect kind={unit.kind === "township" ? "county" : "township"} />
          </Form.Item>
        )}
        {mode === "merge" && (
          <Form.Item
            label={t("org.mergeInto")}
            name="intoId"
            rules={[{ required: true, message: t("org.required") }]}
          >
            <OrgUnitSelect kind="school" excludeId={unit.id} />
          </Form.Item>
        )}
        <Form.Item
          label={mode === "create" ? t("org.openedOn") : t("org.effectiveOn")}
          name="effectiveOn"
          extra={t("org.effectiveOnHint")}
          rules={[{ required: true, message: t("org.required") }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t("org.reason")} name="reason">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The registry fields of a unit: the school ones for schools, then 举办者, 校长, 电话, 地址. */
function RegistryInputs({ isSchool, requireType }: { isSchool: boolean; requireType: boolean }) {
  const { t, tOr } = useI18n();
  return (
    <>
      {isSchool && (
        <>
          <Form.Item
            label={t("org.schoolType")}
            name="schoolType"
            rules={[{ required: requireType, message: t("org.required") }]}
          >
            <Select
              options={SCHOOL_TYPE_CODES.map((c) => ({ value: c, label: tOr(`schoolType.${c}`, c) }))}
            />
          </Form.Item>
          <Form.Item label={t("org.ownership")} name="ownership">
            <Select
              options={[
                { value: "public", label: "公办" },
                { value: "private", label: "民办" },
              ]}
            />
          </Form.Item>
          <Form.Item label={t("org.urbanRural")} name="urbanRural">
            <Select
              options={[
                { value: "urban", label: "城区" },
                { value: "town", label: "镇区" },
                { value: "rural", label: "乡村" },
              ]}
            />
          </Form.Item>
          <Form.Item label={t("org.isInclusive")} name="isInclusive" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label={t("org.schoolTypeCode")} name="schoolTypeCode">
            <Input maxLength={16} />
          </Form.Item>
        </>
      )}
      <Form.Item label={t("org.sponsor")} name="sponsor">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t("org.address")} name="address">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t("org.principal")} name="principal">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label={t("org.phone")} name="phone">
        <Input maxLength={50} />
      </Form.Item>
    </>
  );
}
