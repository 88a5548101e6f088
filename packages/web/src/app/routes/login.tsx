import { Navigate, useNavigate, useSearchParams } from "react-router";
import { Typography } from "antd";
import type { SessionResponse } from "@luoshi/contracts";
import { LoginForm } from "../../features/auth/components/login-form.tsx";
import { useSession } from "../../features/auth/api/session.ts";
import { useSetupStatus } from "../../features/setup/api/setup.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { safeNext } from "../../lib/safe-next.ts";
import { PageSpinner } from "../require-auth.tsx";
import { AuthFrame } from "./auth-frame.tsx";

/** /login — signed-in users go straight on; the rest sign in and return where they were. */
export function LoginRoute() {
  const { t } = useI18n();
  const session = useSession();
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));

  if (session.isPending) {
    return <PageSpinner />;
  }
  if (setup.data?.initialized === false) {
    // an empty installation: nobody can sign in before the first-run setup
    return <Navigate to="/setup" replace />;
  }
  if (session.data) {
    return <Navigate to={session.data.user.mustChangePassword ? "/password" : next} replace />;
  }

  const onSignedIn = (signedIn: SessionResponse) => {
    void navigate(signedIn.user.mustChangePassword ? "/password" : next, { replace: true });
  };

  return (
    <AuthFrame title={t("login.title")}>
      <LoginForm onSignedIn={onSignedIn} />
      <Typography.Paragraph type="secondary" className="auth-notice">
        {t("login.notice")}
      </Typography.Paragraph>
    </AuthFrame>
  );
}
