import { randomBytes } from "node:crypto";
import { inTransaction, sessionRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { dummyPasswordHash, verifyPassword } from "./passwords.ts";
import { isDormant, lastActiveAt } from "./dormant.ts";
import { describeAccount, sessionIdOf, type AuthenticatedSession, type ClientInfo } from "./session.ts";

/** Failures before an account locks, and for how long (spec security.md). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;

/**
 * The one answer to every failed login — unknown name, wrong password, locked, disabled or expired — so
 * that nobody can learn from it whether an account exists or what state it is in; it names the lock
 * rule so that a locked user knows to wait. The audit trail keeps the real reason.
 */
const GENERIC_FAILURE = `登录名或口令错误；连续 ${String(MAX_FAILED_LOGINS)} 次错误后账号锁定 ${String(LOCK_MS / 60_000)} 分钟`;

/**
 * 登录. One generic message for every failure (unknown login, wrong password, locked …); five failures lock the account
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
    throw new AppError("invalid-credentials", GENERIC_FAILURE);
  }
  const isValid = await verifyPassword(user.password_hash, input.password);
  if (!user.is_disabled && isDormant(user, now, deps.config.dormantMs)) {
    // 长期未用账号: disabled at its first login attempt after the limit, whatever the password; the
    // same answer as any failure (`luoshi user dormant --apply` does the same for every such account).
    await inTransaction(db, async (trx) => {
      await userRepo.update(trx, user.id, { is_disabled: true });
      await sessionRepo.endAllForUser(trx, user.id, now, "dormant");
      await recordAudit(trx, actor, {
        action: "user.dormant-disable",
        entityType: "user",
        entityId: user.id,
        details: { lastActiveAt: lastActiveAt(user).toISOString(), trigger: "login" },
      });
      await recordAudit(trx, actor, {
        action: "auth.login",
        entityType: "user",
        entityId: user.id,
        result: "failure",
        details: { reason: "dormant" },
      });
    });
    throw new AppError("invalid-credentials", GENERIC_FAILURE);
  }
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
    throw new AppError("invalid-credentials", GENERIC_FAILURE);
  }
  if (user.is_disabled || (user.expires_at !== null && user.expires_at <= now)) {
    // The same answer as a wrong password (security.md: one message for every failure); the trail
    // keeps the reason.
    await fail(user.is_disabled ? "disabled" : "expired");
    throw new AppError("invalid-credentials", GENERIC_FAILURE);
  }

  const token = randomBytes(32).toString("base64url");
  const sessionId = sessionIdOf(token);
  // an account with a bound authenticator gets a session that owes the code (docs/personal-data.md)
  const owesCode = user.totp_confirmed_at !== null;
  const described = await describeAccount(deps, user, client, owesCode);
  await inTransaction(db, async (trx) => {
    await userRepo.update(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    // 并发会话限制: the oldest sessions beyond the limit end, so that the new login always succeeds
    // (a browser closed without logging out must not lock its owner out until the idle timeout).
    const live = await sessionRepo.listLiveForUser(
      trx,
      user.id,
      now,
      new Date(now.getTime() - deps.config.sessionIdleMs),
    );
    const excess = live.slice(0, Math.max(0, live.length - deps.config.maxSessionsPerUser + 1));
    for (const old of excess) {
      await sessionRepo.end(trx, old.id, now, "concurrent-limit");
      await recordAudit(trx, described.actor, {
        action: "auth.session-evicted",
        entityType: "session",
        entityId: null,
        details: {
          reason: "concurrent-limit",
          limit: deps.config.maxSessionsPerUser,
          sessionStartedAt: old.created_at.toISOString(),
          sessionClientIp: old.client_ip,
        },
      });
    }
    await sessionRepo.insert(trx, {
      id: sessionId,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.config.sessionMaxMs),
      clientIp: client.clientIp,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      secondFactorPending: owesCode,
    });
    await recordAudit(trx, described.actor, {
      action: "auth.login",
      entityType: "user",
      entityId: user.id,
      details: {
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        ...(owesCode ? { secondFactor: "pending" } : {}),
      },
    });
  });
  return { token, session: { sessionId, ...described } };
}
