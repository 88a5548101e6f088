import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { renderSVG } from "uqr";
import {
  decryptField,
  encryptField,
  inTransaction,
  secondFactorRepo,
  sessionRepo,
  userRepo,
  type UserRow,
} from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { LOCK_MS, MAX_FAILED_LOGINS } from "./login.service.ts";
import { describeAccount, secondFactorRequired, type AuthenticatedSession } from "./session.ts";

/**
 * 双因素认证 — the second factor (docs/personal-data.md): TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s, the
 * parameters every authenticator app understands), the secret kept encrypted per field (encryptField),
 * bound by a first code, a code good once (its time step must be later than the last accepted), one
 * step of clock drift either way; ten one-time recovery codes stored as SHA-256.
 */

const ISSUER = "落实 luoshi";
const PERIOD = 30;
const RECOVERY_CODES = 10;
/** Recovery code alphabet: no 0/O, 1/I/L. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function totpOf(login: string, secretBase32: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: login,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The time step a code of `delta` steps from `now` belongs to. */
const stepAt = (now: Date, delta: number) => Math.floor(now.getTime() / 1000 / PERIOD) + delta;

/** The account's secret in base32, opened from its encrypted column. */
function secretOf(deps: ServiceDeps, user: UserRow): string {
  if (user.totp_secret === null) {
    throw new AppError("conflict", "尚未生成动态口令密钥，请先点击“绑定动态口令”");
  }
  return decryptField(deps.handle.db, user.totp_secret);
}

/** A code's time step when it is valid now (±1 step), else null. */
function matchCode(login: string, secret: string, code: string, now: Date): number | null {
  const delta = totpOf(login, secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : stepAt(now, delta);
}

const normaliseRecovery = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, "");
const hashRecovery = (code: string) =>
  createHash("sha256")
    .update(`luoshi-recovery\0${normaliseRecovery(code)}`)
    .digest("hex");

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? "2").join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

async function userOf(deps: ServiceDeps, session: AuthenticatedSession): Promise<UserRow> {
  const user = await userRepo.findById(deps.handle.db, session.user.id);
  if (user === undefined) {
    throw new AppError("unauthenticated", "请先登录");
  }
  return user;
}

/** Whether the signed-in account has a second factor, and how many recovery codes remain. */
export async function secondFactorStatus(
  deps: ServiceDeps,
  session: AuthenticatedSession,
): Promise<{ enrolled: boolean; required: boolean; confirmedAt: string | null; recoveryCodesLeft: number }> {
  const user = await userOf(deps, session);
  return {
    enrolled: user.totp_confirmed_at !== null,
    required: secondFactorRequired(deps.config, user.role),
    confirmedAt: user.totp_confirmed_at?.toISOString() ?? null,
    recoveryCodesLeft: await secondFactorRepo.recoveryCodesLeft(deps.handle.db, user.id),
  };
}

/**
 * 绑定 step 1: a new secret for the account (replacing an unconfirmed one), stored encrypted; the answer
 * carries it for the authenticator app — as text to type, an otpauth:// link and a QR code. An account
 * that already has a confirmed one is refused (an administrator resets a lost one).
 */
export async function startEnrolment(
  deps: ServiceDeps,
  session: AuthenticatedSession,
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const user = await userOf(deps, session);
  if (user.totp_confirmed_at !== null) {
    throw new AppError("conflict", "已绑定动态口令；如需更换设备，请联系安全管理员重置");
  }
  const secret = new Secret({ size: 20 }).base32;
  await secondFactorRepo.setPendingSecret(deps.handle.db, user.id, encryptField(deps.handle.db, secret));
  const uri = totpOf(user.login, secret).toString();
  return { secret, uri, qrSvg: renderSVG(uri, { ecc: "M", border: 2 }) };
}

/**
 * 绑定 step 2: the first code from the app confirms the secret; the answer is the recovery codes, shown
 * this once. Audited: success, or the failure.
 */
export async function confirmEnrolment(
  deps: ServiceDeps,
  session: AuthenticatedSession,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const { db } = deps.handle;
  const now = deps.now();
  const user = await userOf(deps, session);
  if (user.totp_confirmed_at !== null) {
    throw new AppError("conflict", "已绑定动态口令");
  }
  const step = matchCode(user.login, secretOf(deps, user), code.trim(), now);
  if (step === null) {
    await recordAudit(db, session.actor, {
      action: "auth.totp-enrol",
      entityType: "user",
      entityId: user.id,
      result: "failure",
      details: { reason: "wrong-code" },
    });
    throw new AppError(
      "validation-failed",
      "动态口令不对：请输入验证器 App 当前显示的 6 位数字，并核对手机时间是否准确",
      {
        fields: [{ path: "body.code", message: "动态口令不对" }],
      },
    );
  }
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await inTransaction(db, async (trx) => {
    await secondFactorRepo.confirm(trx, user.id, now, step);
    await secondFactorRepo.replaceRecoveryCodes(trx, user.id, codes.map(hashRecovery), now);
    await recordAudit(trx, session.actor, {
      action: "auth.totp-enrol",
      entityType: "user",
      entityId: user.id,
      details: { recoveryCodes: RECOVERY_CODES },
    });
  });
  return { recoveryCodes: codes };
}

/**
 * 登录第二步: the code from the app (or a recovery code) completes a session that owes it. A wrong code
 * counts as a failed login (five lock the account and end the session); every attempt is audited.
 */
export async function verifySecondFactor(
  deps: ServiceDeps,
  session: AuthenticatedSession,
  code: string,
): Promise<AuthenticatedSession> {
  const { db } = deps.handle;
  const now = deps.now();
  if (!session.user.secondFactor.pending) {
    throw new AppError("conflict", "本次登录无需动态口令");
  }
  const user = await userOf(deps, session);
  const given = code.trim();
  let method: "totp" | "recovery" | null = null;
  if (/^\d{6}$/.test(given)) {
    const step = matchCode(user.login, secretOf(deps, user), given, now);
    method = step !== null && (await secondFactorRepo.useStep(db, user.id, step)) ? "totp" : null;
  } else if (await secondFactorRepo.useRecoveryCode(db, user.id, hashRecovery(given), now)) {
    method = "recovery";
  }
  if (method === null) {
    const failures = user.failed_logins + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await inTransaction(db, async (trx) => {
      await userRepo.update(trx, user.id, {
        failed_logins: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + LOCK_MS) : null,
      });
      if (lock) {
        await sessionRepo.end(trx, session.sessionId, now, "second-factor-failed");
      }
      await recordAudit(trx, session.actor, {
        action: "auth.second-factor",
        entityType: "user",
        entityId: user.id,
        result: "failure",
        details: {
          reason: /^\d{6}$/.test(given) ? "wrong-or-used-code" : "wrong-recovery-code",
          failures,
          locked: lock,
        },
      });
    });
    throw new AppError(
      lock ? "unauthenticated" : "validation-failed",
      lock
        ? `动态口令连续 ${String(MAX_FAILED_LOGINS)} 次错误，账号锁定 ${String(LOCK_MS / 60_000)} 分钟`
        : "动态口令不对或已用过：请输入验证器 App 当前显示的 6 位数字，或一个未用过的恢复码",
      lock ? undefined : { fields: [{ path: "body.code", message: "动态口令不对" }] },
    );
  }
  await inTransaction(db, async (trx) => {
    await userRepo.update(trx, user.id, { failed_logins: 0, locked_until: null });
    await sessionRepo.completeSecondFactor(trx, session.sessionId);
    await recordAudit(trx, session.actor, {
      action: "auth.second-factor",
      entityType: "user",
      entityId: user.id,
      details: {
        method,
        ...(method === "recovery"
          ? { recoveryCodesLeft: await secondFactorRepo.recoveryCodesLeft(trx, user.id) }
          : {}),
      },
    });
  });
  const fresh = await userOf(deps, session);
  return {
    sessionId: session.sessionId,
    ...(await describeAccount(deps, fresh, {
      clientIp: session.actor.clientIp,
      userAgent: null,
      requestId: session.actor.requestId,
    })),
  };
}

/**
 * 重置双因素 — for a lost device with no recovery code left: removes the account's secret and codes, and
 * ends its sessions; the holder binds a new one at the next login. The security administrator's act.
 */
export async function resetSecondFactor(
  deps: ServiceDeps,
  actor: Parameters<typeof recordAudit>[1],
  login: string,
): Promise<void> {
  const { db } = deps.handle;
  const user = await userRepo.findByLogin(db, login);
  if (user === undefined) {
    throw new AppError("not-found", `没有登录名为 ${login} 的账号`);
  }
  await inTransaction(db, async (trx) => {
    await secondFactorRepo.clear(trx, user.id);
    await sessionRepo.endAllForUser(trx, user.id, deps.now(), "second-factor-reset");
    await recordAudit(trx, actor, {
      action: "auth.totp-disable",
      entityType: "user",
      entityId: user.id,
      details: { by: "reset" },
    });
  });
}
