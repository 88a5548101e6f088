import { useState } from "react";
import { Alert, Button, Checkbox, Form, Modal, Space, Table, Typography } from "antd";
import type { BulkAccountsPreview } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { OrgUnitSelect } from "../../org/components/org-unit-select.tsx";
import { useBulkPreview, useCreateBulkAccounts, type BulkAccountKind } from "../api/users.ts";

const ALL_KINDS: readonly BulkAccountKind[] = ["school", "department"];

/** "已有账号 3 个；单位已撤销 1 个" from the skipped units. */
function skippedSummary(skipped: BulkAccountsPreview["skipped"]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    counts.set(s.reasonLabel, (counts.get(s.reasonLabel) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${label} ${n}`).join("；");
}

/**
 * 批量开通账号: choose a unit and the kinds of unit, see what would be opened and skipped, then open the
 * accounts; the browser saves the one-time file of initial passwords, and a warning says it is the only copy.
 */
export function BulkAccountsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, tOr } = useI18n();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [kinds, setKinds] = useState<BulkAccountKind[]>([...ALL_KINDS]);
  const [done, setDone] = useState<number | null>(null);
  const preview = useBulkPreview(unitId, kinds);
  const create = useCreateBulkAccounts();
  const accounts = preview.data?.accounts ?? [];

  const close = () => {
    setUnitId(undefined);
    setKinds([...ALL_KINDS]);
    setDone(null);
    create.reset();
    onClose();
  };

  const submit = () => {
    if (unitId === undefined) {
      return;
    }
    const count = accounts.length;
    create.mutate(
      { unitId, kinds },
      {
        onSuccess: () => {
          setDone(count);
        },
      },
    );
  };

  const footer =
    done === null
      ? [
          <Button key="cancel" onClick={close}>
            {t("common.cancel")}
          </Button>,
          <Button
            key="submit"
            type="primary"
            loading={create.isPending}
            disabled={accounts.length === 0 || preview.isFetching}
            onClick={submit}
          >
            {t("users.bulkSubmit")}
          </Button>,
        ]
      : [
          <Button key="close" type="primary" onClick={close}>
            {t("users.bulkClose")}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={t("users.bulkTitle")}
      onCancel={close}
      footer={footer}
      width={720}
      destroyOnHidden
    >
      {done !== null ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t("users.bulkDone", { count: done })}
          description={t("users.bulkOnce")}
        />
      ) : (
        <>
          {create.isError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={errorText(create.error, tOr)}
              className="form-alert"
            />
          )}
          <Form layout="vertical">
            <Form.Item label={t("users.bulkUnit")} htmlFor="bulk-accounts-unit" required>
              <OrgUnitSelect
                id="bulk-accounts-unit"
                value={unitId}
                onChange={setUnitId}
                placeholder={t("users.bulkUnitPlaceholder")}
              />
            </Form.Item>
            <Form.Item label={t("users.bulkKinds")} required>
              <Checkbox.Group<BulkAccountKind>
                value={kinds}
                onChange={setKinds}
                options={ALL_KINDS.map((k) => ({ value: k, label: t(`users.bulkKind.${k}`) }))}
              />
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary">{t("users.bulkRule")}</Typography.Paragraph>
          {preview.isError && (
            <Alert type="error" showIcon role="alert" title={errorText(preview.error, tOr)} />
          )}
          {preview.data !== undefined && (
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Alert
                type={accounts.length > 0 ? "info" : "warning"}
                showIcon
                title={t("users.bulkSummary", {
                  count: accounts.length,
                  skipped: preview.data.skipped.length,
                })}
                description={skippedSummary(preview.data.skipped) || undefined}
              />
              <Table
                size="small"
                rowKey="unitId"
                pagination={false}
                scroll={{ y: 240 }}
                dataSource={accounts}
                loading={preview.isFetching}
                columns={[
                  { title: t("users.bulkUnitName"), dataIndex: "unitName" },
                  { title: t("users.login"), dataIndex: "login", width: 160 },
                  {
                    title: t("users.role"),
                    dataIndex: "role",
                    width: 100,
                    render: (r: string) => tOr(`role.${r}`, r),
                  },
                ]}
              />
            </Space>
          )}
        </>
      )}
    </Modal>
  );
}
