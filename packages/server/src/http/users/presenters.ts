import type { UserSummary } from "@luoshi/contracts";
import { ROLE_LABELS } from "@luoshi/domain/auth";
import type { UserRow } from "@luoshi/db";

/**
 * The fields of a user that leave the server (never hashes, history or second-factor secrets). The
 * unit's name comes with list rows; a freshly created user has none at hand and shows "".
 */
export function presentUser(u: UserRow & { org_unit_name?: string }, now: Date): UserSummary {
  return {
    id: u.id,
    login: u.login,
    displayName: u.display_name,
    role: u.role,
    roleLabel: ROLE_LABELS[u.role],
    orgUnitId: u.org_unit_id,
    orgUnitName: u.org_unit_name ?? "",
    isDisabled: u.is_disabled,
    isLocked: u.locked_until !== null && u.locked_until > now,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}
