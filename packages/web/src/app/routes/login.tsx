import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { Typography } from "antd";
import type { SessionResponse } from "@luoshi/contracts";
import { LoginForm } from "../../features/auth/components/login-form.tsx";
import { SecondFactorCodeForm } from "../../features/auth/components/second-factor-code-form.tsx";
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
  const after = (signedIn: SessionResponse) =>
    signedIn.user.mustChangePassword ? "/password" : signedIn.user.secondFactor.mustEnrol ? "/account" : next;
  const onSignedIn = (signedIn: SessionResponse) => {
    if (!signedIn.user.secondFactor.pending) {
      void navigate(after(signedIn), { replace: true });
    }
  };

  if (session.data?.user.secondFactor.pending === true) {
    // the password was right: the second step, the code from the authenticator app
    return (
      <AuthFrame title={t("totp.codeTitle")}>
        <SecondFactorCodeForm onVerified={onSignedIn} />
      </AuthFrame>
    );
  }
  if (session.data) {
    return <Navigate to={after(session.data)} replace />;
  }

  return (
    <AuthFrame title={t("login.title")}>
      <LoginForm onSignedIn={onSignedIn} />
      <Typography.Paragraph type="secondary" className="auth-notice">
        {t("login.notice")}
      </Typography.Paragraph>
      <Typography.Paragraph className="auth-notice">
        <Link to="/verify-draw">{t("draw.linkFromLogin")}</Link>
      </Typography.Paragraph>
    </AuthFrame>
  );
}
