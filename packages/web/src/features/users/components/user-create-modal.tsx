import { useState } from "react";
import { Alert, Form, Input, Modal, Select } from "antd";
import type { RoleCode, UserCreateBody, UserCreatedResponse } from "@luoshi/contracts";
import { ApiError } from "../../../lib/api.ts";
import { assignableRoles } from "../../../lib/codes.ts";
import { errorText } from "../../../lib/error-text.ts";
import { toFormErrors } from "../../../lib/form-errors.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { OrgUnitSelect } from "../../org/components/org-unit-select.tsx";
import { useCreateUser } from "../api/users.ts";

const FIELDS = ["login", "displayName", "role", "orgUnitId"] as const;

/** 新建用户: 登录名, 姓名, 角色, 所属单位. Server field errors land on their fields. */
export function UserCreateModal({
  open,
  actorRole,
  onClose,
  onCreated,
}: {
  open: boolean;
  actorRole: RoleCode;
  onClose: () => void;
  onCreated: (created: UserCreatedResponse) => void;
}) {
  const { t, tOr } = useI18n();
  const [form] = Form.useForm<UserCreateBody>();
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    form.resetFields();
    setFormError(null);
    create.reset();
    onClose();
  };

  const submit = (values: UserCreateBody) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: (created) => {
        close();
        onCreated(created);
      },
      onError: (error) => {
        const mapped = toFormErrors(error instanceof ApiError ? error.fields : [], FIELDS);
        form.setFields(mapped.fields);
        const rest = mapped.unknown.join("；");
        setFormError(mapped.fields.length > 0 ? rest || null : rest || errorText(error, tOr));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t("users.createTitle")}
      okText={t("users.createSubmit")}
      cancelText={t("common.cancel")}
      onOk={() => {
        form.submit();
      }}
      onCancel={close}
      confirmLoading={create.isPending}
      forceRender
    >
      {formError !== null && (
        <Alert type="error" showIcon role="alert" title={formError} className="form-alert" />
      )}
      <Form<UserCreateBody> form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          label={t("users.login")}
          name="login"
          rules={[{ required: true, whitespace: true, message: t("users.loginRequired") }]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          label={t("users.displayName")}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t("users.displayNameRequired") }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t("users.role")}
          name="role"
          rules={[{ required: true, message: t("users.roleRequired") }]}
        >
          <Select options={assignableRoles(actorRole).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          label={t("users.orgUnit")}
          name="orgUnitId"
          rules={[{ required: true, message: t("users.orgUnitRequired") }]}
        >
          <OrgUnitSelect placeholder={t("users.orgUnitPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
