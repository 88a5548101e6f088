import { describe, expect, it } from "vitest";
import { ADMIN_ROLES, ROLE_PERMISSIONS, ROLES, SECOND_FACTOR_ROLES, assignableRoles, can } from "./roles.ts";

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

  it("gives the full bank card of 学生资助 only to a role that logs in with a second factor", () => {
    expect(ROLES.filter((r) => can(r, "aid.bankfile"))).toEqual(["bureauSupervisor"]);
    for (const role of ROLES.filter((r) => can(r, "aid.bankfile"))) {
      expect(SECOND_FACTOR_ROLES).toContain(role);
      expect(can(role, "aid.manage")).toBe(true);
    }
    // the school enters and publicises; the 资助中心 reviews: no role does both
    expect(ROLES.filter((r) => can(r, "aid.apply") && can(r, "aid.manage"))).toEqual([]);
    for (const role of ADMIN_ROLES) {
      expect(ROLE_PERMISSIONS[role].filter((p) => p.startsWith("aid."))).toEqual([]);
    }
  });

  it("lets only the security administrator grant administrator roles", () => {
    expect(assignableRoles("securityAdmin")).toContain("auditAdmin");
    expect(assignableRoles("systemAdmin")).not.toContain("auditAdmin");
    expect(assignableRoles("systemAdmin")).toContain("schoolUser");
    expect(assignableRoles("leader")).toEqual([]);
  });

  it("keeps children's personal data from the administrator roles, and full values to one role", () => {
    for (const role of ADMIN_ROLES) {
      expect(ROLE_PERMISSIONS[role].filter((p) => p.startsWith("pupil."))).toEqual([]);
    }
    expect(ROLES.filter((r) => can(r, "pupil.unmasked"))).toEqual(["bureauSupervisor"]);
    expect(ROLES.filter((r) => can(r, "pupil.write"))).toEqual([
      "bureauPlanner",
      "bureauSupervisor",
      "schoolUser",
    ]);
    expect(can("inspector", "pupil.read")).toBe(true);
    expect(can("inspector", "pupil.write")).toBe(false);
    expect(can("leader", "pupil.read")).toBe(false);
    // whoever may see a value unmasked holds the masked read too
    for (const role of ROLES.filter((r) => can(r, "pupil.unmasked"))) {
      expect(can(role, "pupil.read")).toBe(true);
    }
  });

  it("asks a second factor of the administrators and of every role that sees unmasked data", () => {
    expect([...SECOND_FACTOR_ROLES].sort()).toEqual([
      "auditAdmin",
      "bureauSupervisor",
      "securityAdmin",
      "systemAdmin",
    ]);
  });
});
