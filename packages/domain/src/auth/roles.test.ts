import { describe, expect, it } from "vitest";
import { ADMIN_ROLES, ROLE_PERMISSIONS, ROLES, assignableRoles, can } from "./roles.ts";

describe("roles", () => {
  it("keeps the three administrator roles apart (三权分立)", () => {
    expect(can("systemAdmin", "audit.read")).toBe(false);
    expect(can("securityAdmin", "audit.read")).toBe(false);
    expect(can("auditAdmin", "user.write")).toBe(false);
    expect(can("auditAdmin", "audit.export")).toBe(true);
    for (const role of ROLES.filter((r) => !ADMIN_ROLES.includes(r))) {
      expect(ROLE_PERMISSIONS[role]).not.toContain("audit.read");
      expect(ROLE_PERMISSIONS[role]).not.toContain("user.write");
    }
  });

  it("lets only the security administrator grant administrator roles", () => {
    expect(assignableRoles("securityAdmin")).toContain("auditAdmin");
    expect(assignableRoles("systemAdmin")).not.toContain("auditAdmin");
    expect(assignableRoles("systemAdmin")).toContain("schoolUser");
    expect(assignableRoles("leader")).toEqual([]);
  });
});
