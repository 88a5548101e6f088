import { Alert, Typography } from "antd";
import { PageHeader } from "../../components/page-header.tsx";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { ScopeCards } from "../../features/dashboard/components/scope-cards.tsx";
import { WorkbenchList } from "../../features/inbox/components/workbench-list.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** / — 工作台: who you are, and what your scope holds (only with org.read). */
export function DashboardRoute() {
  const { t, tOr } = useI18n();
  const user = useSessionUser();
  const role = tOr(`role.${user.role}`, user.roleLabel);
  return (
    <>
      <PageHeader title={t("dashboard.greeting", { name: user.displayName })} />
      <Typography.Paragraph type="secondary" className="dashboard-identity">
        {t("dashboard.identity", { role, unit: user.orgUnit.name })}
      </Typography.Paragraph>
      {user.permissions.includes("task.read") && <WorkbenchList />}
      {user.permissions.includes("org.read") ? (
        <div className="panel">
          <Typography.Title level={2} className="section-title">
            {t("dashboard.scopeTitle")}
          </Typography.Title>
          <ScopeCards />
        </div>
      ) : (
        <Alert type="info" showIcon title={t("dashboard.noOrgPermission")} />
      )}
    </>
  );
}
