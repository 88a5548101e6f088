import { Alert, Button, Modal, Typography } from "antd";
import { useI18n } from "../../../lib/i18n.tsx";

/** What the modal shows: whose password, why, and the password itself. */
export interface TemporaryPassword {
  displayName: string;
  reason: "created" | "reset";
  password: string;
}

/**
 * Shows a temporary password exactly once, with a copy button. Closing it forgets the password: it
 * is held in React state only, never in storage.
 */
export function TemporaryPasswordModal({
  value,
  onClose,
}: {
  value: TemporaryPassword | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={value !== null}
      title={t("users.tempPasswordTitle")}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("common.close")}
        </Button>
      }
      destroyOnHidden
    >
      {value && (
        <>
          <Typography.Paragraph>
            {t(value.reason === "created" ? "users.tempPasswordCreated" : "users.tempPasswordReset", {
              name: value.displayName,
            })}
          </Typography.Paragraph>
          <Typography.Paragraph
            className="temp-password"
            copyable={{ text: value.password, tooltips: [t("common.copy"), t("common.copied")] }}
          >
            <Typography.Text code data-testid="temporary-password">
              {value.password}
            </Typography.Text>
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t("users.tempPasswordNotice")} />
        </>
      )}
    </Modal>
  );
}
