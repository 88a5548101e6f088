import { useState } from "react";
import { useNavigate } from "react-router";
import { Alert, Button, Result } from "antd";
import type { SetupResult } from "@luoshi/contracts";
import { errorText } from "../../lib/error-text.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { useSetupStatus } from "../../features/setup/api/setup.ts";
import { SetupForm } from "../../features/setup/components/setup-form.tsx";
import { PageSpinner } from "../require-auth.tsx";
import { AuthFrame } from "./auth-frame.tsx";

/** /setup — 首次设置: public while the installation is empty; afterwards it says so and points to login. */
export function SetupRoute() {
  const { t, tOr } = useI18n();
  const navigate = useNavigate();
  const status = useSetupStatus();
  const [done, setDone] = useState<SetupResult | null>(null);
  const toLogin = (
    <Button type="primary" key="login" onClick={() => void navigate("/login")}>
      {t("setup.toLogin")}
    </Button>
  );

  let body;
  if (done !== null) {
    body = (
      <Result
        status="success"
        title={t("setup.done")}
        subTitle={`${t("setup.doneDetail", {
          name: done.jurisdiction.fullName,
          counties: done.counts.counties,
          townships: done.counts.townships,
          departments: done.counts.departments,
          login: done.admin.login,
          unit: done.admin.orgUnitName,
        })} ${t("setup.next")}`}
        extra={toLogin}
      />
    );
  } else if (status.isPending) {
    return <PageSpinner />;
  } else if (status.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t("setup.loadFailed")}
        description={errorText(status.error, tOr)}
        action={<Button onClick={() => void status.refetch()}>{t("setup.retry")}</Button>}
      />
    );
  } else if (status.data.initialized) {
    const j = status.data.jurisdiction;
    body = (
      <Result
        status="info"
        title={t("setup.already")}
        subTitle={j === null ? undefined : t("setup.alreadyDetail", { name: j.name, code: j.code })}
        extra={toLogin}
      />
    );
  } else {
    body = <SetupForm divisionSource={status.data.divisionSource} onDone={setDone} />;
  }
  return <AuthFrame title={t("setup.title")}>{body}</AuthFrame>;
}
