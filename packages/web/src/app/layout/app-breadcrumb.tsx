import { Breadcrumb } from "antd";
import { Link, useMatches } from "react-router";
import { useI18n } from "../../lib/i18n.tsx";
import type { MessageKey } from "../../lib/i18n.tsx";

/** What a route may declare in its `handle`: the breadcrumb labels it adds. */
export interface RouteHandle {
  crumbs: readonly MessageKey[];
}

function isRouteHandle(handle: unknown): handle is RouteHandle {
  return (
    typeof handle === "object" && handle !== null && Array.isArray((handle as { crumbs?: unknown }).crumbs)
  );
}

/** 首页 / 系统管理 / 用户管理 — from the matched routes' handles. */
export function AppBreadcrumb() {
  const { t } = useI18n();
  const matches = useMatches();
  const crumbs = matches.flatMap((m) => (isRouteHandle(m.handle) ? m.handle.crumbs : []));
  const items = [
    { key: "home", title: <Link to="/">{t("nav.home")}</Link> },
    ...crumbs.map((key) => ({ key, title: t(key) })),
  ];
  return <Breadcrumb className="app-breadcrumb" items={items} />;
}
