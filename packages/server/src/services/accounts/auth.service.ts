import { createHash, randomBytes } from "node:crypto";
import { checkPassword, type Role } from "@luoshi/domain/auth";
import {
  inTransaction,
  orgUnitRepo,
  sessionRepo,
  userRepo,
  type OrgUnitRow,
  type UserRow,
  scopeOf,
  WHOLE_TREE,
} from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.ts";
import { scopePathFor } from "../access/scope.ts";

/** Failures before an account locks, and for how long (spec security.md). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
/** Passwords expire after 90 days (ours); the user must then change it. */
export const PASSWORD_MAX_AGE_MS = 90 * 86_400_000;
const HISTORY = 5;

const GENERIC_FAILURE = "登录名或口令错误";

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
}

/** A live session as the HTTP layer keeps it on the request. */
export interface AuthenticatedSession {
  sessionId: string;
  user: SessionAccount;
  actor: Actor;
}

const sessionIdOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Builds the actor and the account of a signed-in user. */
async function describe(
  deps: ServiceDeps,
  user: UserRow,
  client: ClientInfo,
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
      scope: scopeOf(await scopePathFor(deps.handle.db, role, unit)),
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
    },
  };
}

/**
 * 登录. One generic message for an unknown login and a wrong password; five failures lock the account
 * for fifteen minutes. Every attempt, failed or not, is in the audit trail.
 */
export async function login(
  deps: ServiceDeps,
  input: { login: string; password: string },
  client: ClientInfo,
): Promise<{ token: string; session: AuthenticatedSession }> {
  const { db } = deps.handle;
  const now = deps.now();
  const anonymous: Actor = {
    ...client,
    userId: null,
    login: input.login,
    role: null,
    orgUnitId: null,
    scope: WHOLE_TREE,
  };
  const user = await userRepo.findByLogin(db, input.login);
  if (user === undefined) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await recordAudit(db, anonymous, {
      action: "auth.login",
      entityType: "user",
      entityId: null,
      result: "failure",
      details: { reason: "unknown-login" },
    });
    throw new AppError("invalid-credentials", GENERIC_FAILURE);
  }
  const actor: Actor = { ...anonymous, userId: user.id, login: user.login, role: user.role };
  const fail = async (reason: string) =>
    recordAudit(db, actor, {
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      result: "failure",
      details: { reason },
    });

  if (user.locked_until !== null && user.locked_until > now) {
    await fail("locked");
    throw new AppError("account-locked", lockedMessage(user.locked_until, now));
  }
  const isValid = await verifyPassword(user.password_hash, input.password);
  if (!isValid) {
    const failures = user.failed_logins + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    const lockedUntil = lock ? new Date(now.getTime() + LOCK_MS) : null;
    await inTransaction(db, async (trx) => {
      await userRepo.update(trx, user.id, { failed_logins: lock ? 0 : failures, locked_until: lockedUntil });
      await recordAudit(trx, actor, {
        action: "auth.login",
        entityType: "user",
        entityId: user.id,
        result: "failure",
        details: { reason: "wrong-password", failures, locked: lock },
      });
    });
    if (lockedUntil !== null) {
      throw new AppError("account-locked", lockedMessage(lockedUntil, now));
    }
    throw new AppError("invalid-credentials", GENERIC_FAILURE);
  }
  if (user.is_disabled || (user.expires_at !== null && user.expires_at <= now)) {
    await fail(user.is_disabled ? "disabled" : "expired");
    throw new AppError("invalid-credentials", "账号已停用或已过期，请联系系统管理员");
  }

  const token = randomBytes(32).toString("base64url");
  const sessionId = sessionIdOf(token);
  const described = await describe(deps, user, client);
  await inTransaction(db, async (trx) => {
    await userRepo.update(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    await sessionRepo.insert(trx, {
      id: sessionId,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.config.sessionMaxMs),
      clientIp: client.clientIp,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, described.actor, {
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      details: { userAgent: client.userAgent?.slice(0, 300) ?? null },
    });
  });
  return { token, session: { sessionId, ...described } };
}

function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`;
}

/**
 * Resolves a session cookie to its user. Ends the session when it has been idle too long or reached
 * its absolute limit; touches it at most once a minute otherwise.
 */
export async function authenticate(
  deps: ServiceDeps,
  token: string,
  client: ClientInfo,
): Promise<AuthenticatedSession> {
  const { db } = deps.handle;
  const now = deps.now();
  const sessionId = sessionIdOf(token);
  const session = await sessionRepo.findLive(db, sessionId);
  if (session === undefined) {
    throw new AppError("unauthenticated", "请先登录");
  }
  const idle = now.getTime() - session.last_seen_at.getTime() > deps.config.sessionIdleMs;
  if (idle || session.expires_at <= now) {
    await inTransaction(db, async (trx) => {
      await sessionRepo.end(trx, sessionId, now);
      await recordAudit(
        trx,
        { ...client, userId: session.user_id, login: null, role: null, orgUnitId: null, scope: WHOLE_TREE },
        { action: "auth.session-expired", entityType: "session", entityId: null, details: { idle } },
      );
    });
    throw new AppError(
      "session-expired",
      idle ? "长时间未操作，会话已超时，请重新登录" : "会话已到期，请重新登录",
    );
  }
  const user = await userRepo.findById(db, session.user_id);
  if (user === undefined || user.is_disabled) {
    await sessionRepo.end(db, sessionId, now);
    throw new AppError("unauthenticated", "账号已停用，请重新登录");
  }
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await sessionRepo.touch(db, sessionId, now);
  }
  return { sessionId, ...(await describe(deps, user, client)) };
}

/** 退出登录: ends the server-side session so that Back or a copied cookie no longer works. */
export async function logout(deps: ServiceDeps, session: AuthenticatedSession): Promise<void> {
  await inTransaction(deps.handle.db, async (trx) => {
    await sessionRepo.end(trx, session.sessionId, deps.now());
    await recordAudit(trx, session.actor, {
      action: "auth.logout",
      entityType: "user",
      entityId: session.user.id,
    });
  });
}

/** 修改口令: checks the current password, the policy and the last five passwords. */
export async function changePassword(
  deps: ServiceDeps,
  session: AuthenticatedSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { db } = deps.handle;
  const user = await userRepo.findById(db, session.user.id);
  if (user === undefined) {
    throw new AppError("unauthenticated", "请先登录");
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("validation-failed", "当前口令不正确", {
      fields: [{ path: "body.currentPassword", message: "当前口令不正确" }],
    });
  }
  const problems = checkPassword(input.newPassword, user.login);
  if (problems.length > 0) {
    throw new AppError("password-policy", `新口令不符合要求：${problems.map((p) => p.message).join("；")}`, {
      fields: problems.map((p) => ({ path: "body.newPassword", message: p.message })),
    });
  }
  const previous = [user.password_hash, ...user.password_history].slice(0, HISTORY);
  for (const old of previous) {
    if (await verifyPassword(old, input.newPassword)) {
      throw new AppError("password-policy", `新口令不得与最近 ${HISTORY} 次使用过的口令相同`, {
        fields: [{ path: "body.newPassword", message: `不得与最近 ${HISTORY} 次使用过的口令相同` }],
      });
    }
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await userRepo.update(trx, user.id, {
      password_hash: passwordHash,
      password_history: previous.slice(0, HISTORY),
      password_changed_at: deps.now(),
      must_change_password: false,
    });
    await recordAudit(trx, session.actor, {
      action: "auth.password-change",
      entityType: "user",
      entityId: user.id,
    });
  });
}
