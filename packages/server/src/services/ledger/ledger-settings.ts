import { LedgerSettings } from "@luoshi/contracts";
import { DEFAULT_ASSESSMENT_SCHEME } from "@luoshi/domain/ledger";
import { issuedBulletinRepo, inTransaction, type Db, type OrgUnitRow } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import { taskScopeFor } from "./task-access.ts";

/** The settings a bureau starts from: its name in the 发文字号 prefix, the usual 主送, 5 working days. */
function defaultLedgerSettings(owner: Pick<OrgUnitRow, "name">): LedgerSettings {
  return {
    docPrefix: `${owner.name}教督通`,
    recipients: ["各责任单位", "局机关各股室"],
    interviewAfterWorkingDays: 5,
    assessment: DEFAULT_ASSESSMENT_SCHEME,
  };
}

/** The owner's saved settings, or the defaults (a stored document that no longer validates counts as unset). */
export async function settingsOf(db: Db, owner: OrgUnitRow): Promise<LedgerSettings> {
  const parsed = LedgerSettings.safeParse(await issuedBulletinRepo.settings(db, owner.id));
  return parsed.success ? parsed.data : defaultLedgerSettings(owner);
}

/**
 * The bureau whose 督办 the actor runs: the root of the actor's jurisdiction. Unit and school accounts
 * see only the tasks naming them and have no bureau documents (403 with what they can see instead).
 */
export async function bureauOwner(deps: ServiceDeps, actor: Actor): Promise<OrgUnitRow> {
  authorize(actor, "task.read");
  if (taskScopeFor(actor).reach === "named") {
    throw new AppError(
      "forbidden",
      "印发的通报、督办设置和年度考核由局督办部门管理；本单位承办的任务请在“督办台账”和“月通报”中查看",
    );
  }
  return scopeRoot(deps.handle.db, actor);
}

/** GET 督办设置. */
export async function readLedgerSettings(deps: ServiceDeps, actor: Actor): Promise<LedgerSettings> {
  const owner = await bureauOwner(deps, actor);
  return settingsOf(deps.handle.db, owner);
}

/** PUT 督办设置 (局督办人员), audited with the values before and after. */
export async function saveLedgerSettings(
  deps: ServiceDeps,
  actor: Actor,
  settings: LedgerSettings,
): Promise<LedgerSettings> {
  authorize(actor, "task.review");
  const owner = await bureauOwner(deps, actor);
  return inTransaction(deps.handle.db, async (trx) => {
    const before = await settingsOf(trx, owner);
    await issuedBulletinRepo.saveSettings(trx, owner.id, settings, actor.userId);
    await recordAudit(trx, actor, {
      action: "ledger.settings-update",
      entityType: "ledger_settings",
      entityId: owner.id,
      before,
      after: settings,
    });
    return settings;
  });
}
