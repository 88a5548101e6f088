import type { MessageKey } from "./messages/zh-cn.ts";

/** One entry of the side menu. A group has children and no path. */
export interface NavEntry {
  key: string;
  label: MessageKey;
  path?: string;
  /** The permission the entry needs; none means every signed-in user sees it. */
  permission?: string;
  children?: readonly NavEntry[];
}

/**
 * Keeps the entries the user's permissions allow and drops groups left empty. Hiding is only a
 * courtesy: the server checks every request again (deny by default).
 */
export function visibleNav(entries: readonly NavEntry[], permissions: readonly string[]): NavEntry[] {
  const out: NavEntry[] = [];
  for (const entry of entries) {
    if (entry.permission !== undefined && !permissions.includes(entry.permission)) {
      continue;
    }
    if (entry.children) {
      const children = visibleNav(entry.children, permissions);
      if (children.length > 0) {
        out.push({ ...entry, children });
      }
      continue;
    }
    out.push(entry);
  }
  return out;
}

/**
 * The menu key to highlight for a path: the entry with the longest matching path prefix
 * (`/org/123` → `org`, `/` only for the dashboard itself).
 */
export function selectedNavKey(entries: readonly NavEntry[], pathname: string): string | undefined {
  let best: { key: string; length: number } | undefined;
  const visit = (list: readonly NavEntry[]) => {
    for (const entry of list) {
      if (entry.children) {
        visit(entry.children);
      }
      const path = entry.path;
      if (path === undefined) {
        continue;
      }
      const matches = path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`);
      if (matches && (best === undefined || path.length > best.length)) {
        best = { key: entry.key, length: path.length };
      }
    }
  };
  visit(entries);
  return best?.key;
}
