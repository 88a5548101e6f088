/**
 * Roles and permissions. The three administrator roles are mutually exclusive (三权分立,
 * docs/security-requirements.md): the system administrator runs users and org units, the security
 * administrator runs policies and grants, the audit administrator only reads and exports the audit trail.
 */

import { ROLES } from "@luoshi/common";

export { ROLES };
/** 角色. */
export type Role = (typeof ROLES)[number];

/** Chinese role names shown in the interface. */
export const ROLE_LABELS: Record<Role, string> = {
  systemAdmin: "系统管理员",
  securityAdmin: "安全管理员",
  auditAdmin: "审计管理员",
  bureauPlanner: "教育局（规划）",
  bureauSupervisor: "教育局（督导）",
  unitUser: "责任单位",
  schoolUser: "学校",
  inspector: "督学",
  leader: "领导",
};

export const PERMISSIONS = [
  "org.read",
  "org.write",
  "user.read",
  "user.write",
  "user.grant",
  "audit.read",
  "audit.export",
  "plan.read",
  "plan.write",
  "task.read",
  "task.write",
  "task.report",
  "task.review",
  "task.instruct",
  "stats.read",
  "stats.write",
  "evaluation.read",
  "evaluation.write",
  "evaluation.review",
  // children's and families' personal data (docs/personal-data.md): masked reads, full values, writes
  "pupil.read",
  "pupil.unmasked",
  "pupil.write",
  // 控辍保学: 销号 of a case is checked by someone other than the school that brought the child back
  "dropout.verify",
  // 招生入学: the county's 学区, 摇号 and 编班 are the bureau's (a school enters only its own applications)
  "enrolment.manage",
  // 学生资助 (docs/student-aid.md): read the programmes, applications (masked), batches and flags; enter
  // applications, 民主评议, 公示 and reasons at the school; run programmes, lists, review and 发放 at the
  // 资助中心; the bank file, the only place a full card number is written, for the 资助中心 alone
  "aid.read",
  "aid.apply",
  "aid.manage",
  "aid.bankfile",
  // 督导 in the field (docs/inspection.md): read rosters, checklists, visits and findings; the 督导室
  // manages 督学, 责任区 and checklists; a 督学 records visits and does 复查
  "inspection.read",
  "inspection.manage",
  "inspection.visit",
] as const;
/** 权限: what an action needs. */
export type Permission = (typeof PERMISSIONS)[number];

const READ_WORK: Permission[] = ["org.read", "plan.read", "task.read", "stats.read", "evaluation.read"];

/**
 * Deny by default: a role has exactly the permissions listed here. Personal data of children: the
 * administrator roles never see it (三员分立: they run the system, not its data); `pupil.read` shows it
 * masked, within the account's scope (a school its own pupils); `pupil.unmasked` — full values, each read
 * through `revealPersonal` and audited — only the bureau's supervision office (督导/控辍 caseworkers), since
 * permissions are per role and not per user; a role holding it must log in with a second factor.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  systemAdmin: ["org.read", "org.write", "user.read", "user.write"],
  securityAdmin: ["org.read", "user.read", "user.grant"],
  auditAdmin: ["audit.read", "audit.export"],
  bureauPlanner: [
    ...READ_WORK,
    "plan.write",
    "task.write",
    "task.review",
    "stats.write",
    "pupil.read",
    "pupil.write",
    "enrolment.manage",
    "aid.read",
    "inspection.read",
  ],
  bureauSupervisor: [
    ...READ_WORK,
    "task.write",
    "task.review",
    "evaluation.write",
    "evaluation.review",
    "pupil.read",
    "pupil.write",
    "pupil.unmasked",
    "dropout.verify",
    "enrolment.manage",
    "aid.read",
    "aid.manage",
    "aid.bankfile",
    "inspection.read",
    "inspection.manage",
  ],
  unitUser: [...READ_WORK, "task.report"],
  schoolUser: [
    ...READ_WORK,
    "task.report",
    "stats.write",
    "pupil.read",
    "pupil.write",
    "aid.read",
    "aid.apply",
    "inspection.read",
  ],
  inspector: [
    ...READ_WORK,
    "evaluation.write",
    "evaluation.review",
    "pupil.read",
    "dropout.verify",
    "inspection.read",
    "inspection.visit",
  ],
  leader: [...READ_WORK, "task.instruct", "inspection.read"],
};

/** True when the role carries the permission. */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** The administrator roles that one account may not combine (三权分立). */
export const ADMIN_ROLES: readonly Role[] = ["systemAdmin", "securityAdmin", "auditAdmin"];

/**
 * The roles whose accounts must log in with a second factor when the installation requires it for
 * privileged accounts: the three administrators and every role that may see unmasked personal data.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = [
  ...ADMIN_ROLES,
  ...(Object.keys(ROLE_PERMISSIONS) as Role[]).filter(
    (r) => !ADMIN_ROLES.includes(r) && ROLE_PERMISSIONS[r].includes("pupil.unmasked"),
  ),
];

/**
 * Which roles an account holder of `actor` may give to others. Only the security administrator grants
 * roles; the system administrator creates accounts with non-administrative roles.
 */
export function assignableRoles(actor: Role): readonly Role[] {
  if (actor === "securityAdmin") {
    return ROLES;
  }
  if (actor === "systemAdmin") {
    return ROLES.filter((r) => !ADMIN_ROLES.includes(r));
  }
  return [];
}
