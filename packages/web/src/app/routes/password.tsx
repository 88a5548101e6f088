import { Alert, App, Button } from "antd";
import { useNavigate } from "react-router";
import { ChangePasswordForm } from "../../features/auth/components/change-password-form.tsx";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { AuthFrame } from "./auth-frame.tsx";

/** /password — forced after first login or a reset, or chosen from the header. */
export function PasswordRoute() {
  const { t } = useI18n();
  const user = useSessionUser();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onChanged = () => {
    void message.success(t("password.done"));
    void navigate("/", { replace: true });
  };

  return (
    <AuthFrame title={t("password.title")}>
      {user.mustChangePassword && (
        <Alert type="warning" showIcon title={t("password.mustChange")} className="form-alert" />
      )}
      <ChangePasswordForm onChanged={onChanged} />
      {!user.mustChangePassword && (
        <Button type="link" block onClick={() => void navigate(-1)}>
          {t("common.cancel")}
        </Button>
      )}
    </AuthFrame>
  );
}
