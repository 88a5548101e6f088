import { Navigate, Outlet, useLocation } from "react-router";
import { Spin } from "antd";
import type { ReactNode } from "react";
import { useSession, useSessionUser } from "../features/auth/api/session.ts";
import { ErrorResult } from "../components/error-result.tsx";
import { useI18n } from "../lib/i18n.tsx";
import { ForbiddenPage } from "../components/status-pages.tsx";

/** Full-page spinner while the session or a page chunk loads. */
export function PageSpinner() {
  const { t } = useI18n();
  return (
    <div className="page-spinner">
      <Spin size="large" description={t("common.loading")} />
    </div>
  );
}

/**
 * Guards everything but /login: no session → /login?next=…; a session that must change its password
 * → /password first.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return <PageSpinner />;
  }
  if (session.isError) {
    return <ErrorResult error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (session.data === null) {
    const next = `${location.pathname}${location.search}`;
    const to = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== "/password") {
    return <Navigate to="/password" replace />;
  }
  return <Outlet />;
}

/** Renders the page only for holders of `permission`; others see the 403 page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const user = useSessionUser();
  return user.permissions.includes(permission) ? children : <ForbiddenPage />;
}
