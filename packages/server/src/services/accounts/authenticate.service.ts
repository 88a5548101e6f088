import { inTransaction, sessionRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { describeAccount, sessionIdOf, type AuthenticatedSession, type ClientInfo } from "./session.ts";

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
    if ((await sessionRepo.endReason(db, sessionId)) === "concurrent-limit") {
      throw new AppError(
        "session-expired",
        `该账号已在别处登录，同时在线不超过 ${String(deps.config.maxSessionsPerUser)} 处，本会话已结束，请重新登录`,
      );
    }
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
  return { sessionId, ...(await describeAccount(deps, user, client, session.second_factor_pending)) };
}
