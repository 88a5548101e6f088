/** 申报条件: the year the county passed 基本均衡 认定 (audited). */
import type { OverallSettingsBody } from "@luoshi/contracts";
import { inTransaction, supervisionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { recordAudit } from "../../audit/audit.service.ts";
import { loadUnit, actingUser } from "./supervision-common.ts";

/** Stores the year the county passed 基本均衡 认定 (the prerequisite). Needs `evaluation.write`; audited. */
export async function saveOverallSettings(
  deps: ServiceDeps,
  actor: Actor,
  body: OverallSettingsBody,
): Promise<void> {
  const unit = await loadUnit(deps, actor, body.orgUnitId, "evaluation.write");
  await inTransaction(deps.handle.db, async (trx) => {
    const before = await supervisionRepo.findSettings(trx, unit.id, body.year);
    await supervisionRepo.upsertSettings(
      trx,
      unit.id,
      body.year,
      { basicBalanceYear: body.basicBalanceYear },
      actingUser(actor),
      deps.now(),
    );
    await recordAudit(trx, actor, {
      action: "evaluation.settings-save",
      entityType: "supervision_settings",
      entityId: unit.id,
      before: { basicBalanceYear: before?.basic_balance_year ?? null },
      after: { basicBalanceYear: body.basicBalanceYear },
      details: { year: body.year },
    });
  });
}
