/**
 * What login, authentication, logout and password change share: the session's shape, the id a cookie
 * token is stored under, and how a user row becomes the actor and account of a session.
 */
import { createHash } from "node:crypto";
import { SECOND_FACTOR_ROLES, type Role } from "@luoshi/domain/auth";
import { orgUnitRepo, type OrgUnitRow, type UserRow } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import type { Config } from "../../config.ts";
import { scopeFor } from "../access/scope.ts";

/** Passwords expire after 90 days (ours); the user must then change it. */
export const PASSWORD_MAX_AGE_MS = 90 * 86_400_000;

/** Where a request comes from. */
export interface ClientInfo {
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The signed-in account: who it is, where it sits, and whether it must change its password first. */
export interface SessionAccount {
  id: string;
  login: string;
  displayName: string;
  role: Role;
  orgUnit: Pick<OrgUnitRow, "id" | "name" | "kind">;
  /** First login, a reset, or a password older than {@link PASSWORD_MAX_AGE_MS}. */
  mustChangePassword: boolean;
  /** The second factor: bound, must be bound before anything else, owed by this session. */
  secondFactor: { enrolled: boolean; mustEnrol: boolean; pending: boolean };
}

/** A live session as the HTTP layer keeps it on the request. */
export interface AuthenticatedSession {
  sessionId: string;
  user: SessionAccount;
  actor: Actor;
}

/** The session row's id for a cookie token: its SHA-256, so that a stolen table holds no usable token. */
export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * Whether accounts of `role` must log in with a second factor (LUOSHI_REQUIRE_TOTP): the administrators
 * and the roles that see unmasked personal data, every role, or none. An account that bound one is asked
 * for it either way.
 */
export function secondFactorRequired(config: Config, role: Role): boolean {
  const who = config.requireTotp.who;
  return who === "all" || (who === "privileged" && SECOND_FACTOR_ROLES.includes(role));
}

/** Builds the actor and the account of a signed-in user. */
export async function describeAccount(
  deps: ServiceDeps,
  user: UserRow,
  client: ClientInfo,
  secondFactorPending = false,
): Promise<{ actor: Actor; user: SessionAccount }> {
  const unit = await orgUnitRepo.findById(deps.handle.db, user.org_unit_id);
  if (unit === undefined) {
    throw new AppError("internal", "用户所属单位不存在");
  }
  const role = user.role;
  const expired = deps.now().getTime() - user.password_changed_at.getTime() > PASSWORD_MAX_AGE_MS;
  return {
    actor: {
      userId: user.id,
      login: user.login,
      role,
      orgUnitId: unit.id,
      scope: await scopeFor(deps.handle.db, role, user.id, unit),
      clientIp: client.clientIp,
      requestId: client.requestId,
    },
    user: {
      id: user.id,
      login: user.login,
      displayName: user.display_name,
      role,
      orgUnit: { id: unit.id, name: unit.name, kind: unit.kind },
      mustChangePassword: user.must_change_password || expired,
      secondFactor: {
        enrolled: user.totp_confirmed_at !== null,
        mustEnrol: user.totp_confirmed_at === null && secondFactorRequired(deps.config, role),
        pending: secondFactorPending,
      },
    },
  };
}
