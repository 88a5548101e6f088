import { Suspense, useState } from "react";
import { Layout } from "antd";
import { Outlet } from "react-router";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { PageSpinner } from "../require-auth.tsx";
import { AppBreadcrumb } from "./app-breadcrumb.tsx";
import { HeaderBar } from "./header-bar.tsx";
import { SideMenu } from "./side-menu.tsx";

/** The signed-in frame: dark side menu with the system name, header with the user, breadcrumbs. */
export function MainLayout() {
  const { t } = useI18n();
  const user = useSessionUser();
  const [collapsed, setCollapsed] = useState(false);
  return (
    <Layout className="app-layout">
      <Layout.Sider
        className="app-sider"
        width={232}
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
      >
        <div className="app-logo" title={t("app.name")}>
          {collapsed ? t("app.shortName") : t("app.name")}
        </div>
        <nav aria-label={t("app.name")}>
          <SideMenu permissions={user.permissions} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <HeaderBar user={user} />
        </Layout.Header>
        <Layout.Content className="app-content">
          <AppBreadcrumb />
          <main>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
