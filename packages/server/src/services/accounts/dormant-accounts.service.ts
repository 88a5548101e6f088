import { inTransaction, sessionRepo, userRepo, type UserListRow } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { lastActiveAt } from "./dormant.ts";

/** A dormant account as the report lists it. */
export interface DormantAccount {
  id: string;
  login: string;
  displayName: string;
  role: UserListRow["role"];
  orgUnitName: string;
  lastActiveAt: Date;
}

/**
 * 长期未用账号 (security.md, "Stale or shared accounts"): the enabled accounts with no login (nor creation
 * or password set) for the configured number of days. With `apply`, each is disabled, its sessions end,
 * and the trail records it; the report itself is audited either way.
 */
export async function dormantAccounts(
  deps: ServiceDeps,
  actor: Actor,
  options: { apply: boolean },
): Promise<{ accounts: DormantAccount[]; disabled: boolean; days: number }> {
  const { db } = deps.handle;
  const now = deps.now();
  const days = Math.round(deps.config.dormantMs / 86_400_000);
  const rows = await userRepo.listDormant(db, new Date(now.getTime() - deps.config.dormantMs));
  const accounts = rows.map((u) => ({
    id: u.id,
    login: u.login,
    displayName: u.display_name,
    role: u.role,
    orgUnitName: u.org_unit_name,
    lastActiveAt: lastActiveAt(u),
  }));
  await inTransaction(db, async (trx) => {
    for (const a of options.apply ? accounts : []) {
      await userRepo.update(trx, a.id, { is_disabled: true });
      await sessionRepo.endAllForUser(trx, a.id, now, "dormant");
      await recordAudit(trx, actor, {
        action: "user.dormant-disable",
        entityType: "user",
        entityId: a.id,
        details: { lastActiveAt: a.lastActiveAt.toISOString(), trigger: "report", days },
      });
    }
    await recordAudit(trx, actor, {
      action: "user.dormant-report",
      entityType: "user",
      entityId: null,
      details: { days, found: accounts.length, applied: options.apply },
    });
  });
  return { accounts, disabled: options.apply, days };
}
