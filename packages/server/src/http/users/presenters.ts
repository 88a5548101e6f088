import type { BulkAccountsPreview, UserSummary } from "@luoshi/contracts";
import { BULK_SKIP_LABELS, ROLE_LABELS } from "@luoshi/domain/auth";
import type { BulkAccountsPlan } from "../../services/accounts/bulk-accounts.service.ts";
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

/** A bulk creation's plan: the accounts it would open and the units it would skip, with reasons. */
export function presentBulkPreview(plan: BulkAccountsPlan): BulkAccountsPreview {
  const about = (a: {
    unitId: string;
    unitCode: string;
    unitName: string;
    kind: "school" | "department";
  }) => ({
    unitId: a.unitId,
    unitCode: a.unitCode,
    unitName: a.unitName,
    kind: a.kind,
  });
  return {
    unit: { id: plan.unit.id, code: plan.unit.code, name: plan.unit.name },
    accounts: plan.accounts.map((a) => ({
      ...about(a),
      login: a.login,
      displayName: a.displayName,
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
    })),
    skipped: plan.skipped.map((s) => ({
      ...about(s),
      reason: s.reason,
      reasonLabel: BULK_SKIP_LABELS[s.reason],
    })),
  };
}
