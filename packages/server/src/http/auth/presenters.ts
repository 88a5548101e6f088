import type { SessionResponse, SessionUser } from "@luoshi/contracts";
import { ROLE_LABELS, ROLE_PERMISSIONS } from "@luoshi/domain/auth";
import type { SessionAccount } from "../../services/accounts/session.ts";

/** The signed-in user as the interface needs it: labels and the permissions that drive its menus. */
function presentSessionUser(account: SessionAccount): SessionUser {
  return {
    id: account.id,
    login: account.login,
    displayName: account.displayName,
    role: account.role,
    roleLabel: ROLE_LABELS[account.role],
    orgUnit: { id: account.orgUnit.id, name: account.orgUnit.name, kind: account.orgUnit.kind },
    mustChangePassword: account.mustChangePassword,
    secondFactor: { ...account.secondFactor },
    permissions: [...ROLE_PERMISSIONS[account.role]],
  };
}

/** The answer to a login or a "who am I": the user and a fresh anti-CSRF token. */
export function presentSession(account: SessionAccount, csrfToken: string): SessionResponse {
  return { user: presentSessionUser(account), csrfToken };
}

/** The answer of actions that return nothing but success. */
export const OK = { ok: true } as const;
