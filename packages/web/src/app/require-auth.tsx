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
 * Guards everything but /login: no session, or one that still owes its second factor → /login?next=…;
 * a session that must change its password → /password first; an account that must bind a second
 * factor → /account.
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
  if (session.data === null || session.data.user.secondFactor.pending) {
    const next = `${location.pathname}${location.search}`;
    const to = next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== "/password") {
    return <Navigate to="/password" replace />;
  }
  if (
    !session.data.user.mustChangePassword &&
    session.data.user.secondFactor.mustEnrol &&
    location.pathname !== "/account"
  ) {
    return <Navigate to="/account" replace />;
  }
  return <Outlet />;
}

/** Renders the page only for holders of `permission`; others see the 403 page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const user = useSessionUser();
  return user.permissions.includes(permission) ? children : <ForbiddenPage />;
}
