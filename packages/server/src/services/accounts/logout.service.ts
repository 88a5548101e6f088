import { inTransaction, sessionRepo } from "@luoshi/db";
import type { ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { AuthenticatedSession } from "./session.ts";

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
