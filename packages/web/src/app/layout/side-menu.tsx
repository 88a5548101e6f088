import { useMemo } from "react";
import { Menu } from "antd";
import type { MenuProps } from "antd";
import { Link, useLocation } from "react-router";
import { selectedNavKey, visibleNav } from "../../lib/nav.ts";
import type { NavEntry } from "../../lib/nav.ts";
import { useI18n } from "../../lib/i18n.tsx";
import type { Translate } from "../../lib/i18n.tsx";
import { NAV_ENTRIES, NAV_ICONS } from "./nav-entries.tsx";

type MenuItem = Required<MenuProps>["items"][number];

function toItems(entries: readonly NavEntry[], t: Translate): MenuItem[] {
  return entries.map((entry) =>
    entry.children
      ? {
          key: entry.key,
          icon: NAV_ICONS[entry.key],
          label: t(entry.label),
          children: toItems(entry.children, t),
        }
      : {
          key: entry.key,
          icon: NAV_ICONS[entry.key],
          label: <Link to={entry.path ?? "/"}>{t(entry.label)}</Link>,
        },
  );
}

/** The side navigation, showing only what the user's permissions open. Items are real links. */
export function SideMenu({ permissions }: { permissions: readonly string[] }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const entries = useMemo(() => visibleNav(NAV_ENTRIES, permissions), [permissions]);
  const items = useMemo(() => toItems(entries, t), [entries, t]);
  const selected = selectedNavKey(entries, pathname);
  const groups = entries.filter((e) => e.children).map((e) => e.key);
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected === undefined ? [] : [selected]}
      defaultOpenKeys={groups}
    />
  );
}
