import { Button } from "antd";
import { useNavigate } from "react-router";
import { SecondFactorEnrolmentPanel } from "../../features/auth/components/second-factor-enrolment.tsx";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { AuthFrame } from "./auth-frame.tsx";

/** /account — 双因素认证: bind an authenticator (forced for accounts that must have one). */
export function AccountRoute() {
  const { t } = useI18n();
  const user = useSessionUser();
  const navigate = useNavigate();
  return (
    <AuthFrame title={t("totp.title")}>
      <SecondFactorEnrolmentPanel onDone={() => void navigate("/", { replace: true })} />
      {!user.secondFactor.mustEnrol && (
        <Button type="link" block onClick={() => void navigate(-1)}>
          {t("totp.back")}
        </Button>
      )}
    </AuthFrame>
  );
}
