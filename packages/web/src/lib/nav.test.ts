import { describe, expect, it } from "vitest";
import { selectedNavKey, visibleNav } from "./nav.ts";
import type { NavEntry } from "./nav.ts";

const entries: NavEntry[] = [
  { key: "dashboard", label: "nav.dashboard", path: "/" },
  { key: "org", label: "nav.org", path: "/org", permission: "org.read" },
  { key: "audit", label: "nav.audit", path: "/audit", permission: "audit.read" },
  {
    key: "admin",
    label: "nav.admin",
    children: [{ key: "users", label: "nav.users", path: "/admin/users", permission: "user.read" }],
  },
];

describe("visibleNav", () => {
  it("should show the audit administrator only the dashboard and the audit log", () => {
    expect(visibleNav(entries, ["audit.read", "audit.export"]).map((e) => e.key)).toEqual([
      "dashboard",
      "audit",
    ]);
  });

  it("should keep a group when one child is allowed", () => {
    const nav = visibleNav(entries, ["org.read", "user.read"]);
    expect(nav.map((e) => e.key)).toEqual(["dashboard", "org", "admin"]);
    expect(nav[2]?.children?.map((e) => e.key)).toEqual(["users"]);
  });
});

describe("selectedNavKey", () => {
  it("should pick the longest matching path", () => {
    expect(selectedNavKey(entries, "/org/5b1c")).toBe("org");
    expect(selectedNavKey(entries, "/admin/users")).toBe("users");
    expect(selectedNavKey(entries, "/")).toBe("dashboard");
    expect(selectedNavKey(entries, "/nowhere")).toBeUndefined();
  });
});
