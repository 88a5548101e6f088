/**
 * Code lists the interface offers as choices. Labels come from the i18n dictionary
 * (`schoolType.<code>`, `kind.<code>`, `role.<code>`); the server's own labels win where it sends one.
 */
import { ORG_KIND_VALUES, RoleCode } from "@luoshi/contracts";

/** 办学类型 codes in the order 教育事业统计 prints them (the shared vocabulary). */
export { SCHOOL_TYPES as SCHOOL_TYPE_CODES } from "@luoshi/common";

/** 组织类型 codes. */
export const ORG_KIND_CODES = ORG_KIND_VALUES;
/** One 组织类型 code. */
export type OrgKindCode = (typeof ORG_KIND_VALUES)[number];

/** 角色 codes. */
const ROLE_CODES: readonly RoleCode[] = RoleCode.options;

const ADMIN_ROLES: readonly RoleCode[] = ["systemAdmin", "securityAdmin", "auditAdmin"];

/**
 * Roles an account holder may give (三权分立): the security administrator grants any role, the system
 * administrator only non-administrative ones. The server decides; this only trims the choice list.
 */
export function assignableRoles(actor: RoleCode): readonly RoleCode[] {
  if (actor === "securityAdmin") {
    return ROLE_CODES;
  }
  if (actor === "systemAdmin") {
    return ROLE_CODES.filter((r) => !ADMIN_ROLES.includes(r));
  }
  return [];
}
