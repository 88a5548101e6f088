import { inTransaction, orgUnitChangeRepo, orgUnitRepo, type OrgUnitRow } from "@luoshi/db";
import type { OrgUnitCloseBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { assertOpen, disableUnitAccounts, effectiveDay, unitForWrite } from "./org-unit-write.ts";

/**
 * 撤销: the unit closes on a day and its accounts are disabled. Refused while units below it are
 * still open on that day: they must be closed, merged or moved first. Its history stays readable.
 */
export async function closeOrgUnit(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: OrgUnitCloseBody,
): Promise<{ unit: OrgUnitRow; disabledAccounts: number }> {
  const unit = await unitForWrite(deps, actor, id);
  const day = effectiveDay(deps, body.effectiveOn);
  assertOpen(unit, day);
  if (unit.parent_id === null) {
    throw new AppError("validation-failed", "不能撤销最上级单位");
  }
  const children = await orgUnitRepo.openChildren(deps.handle.db, unit.id, day);
  if (children.length > 0) {
    const names = children.slice(0, 5).map((c) => c.name);
    throw new AppError(
      "conflict",
      `${unit.name} 下还有 ${String(children.length)} 个在办单位（${names.join("、")}${children.length > 5 ? "等" : ""}），请先撤销、撤并或调整它们`,
    );
  }
  return inTransaction(deps.handle.db, async (trx) => {
    await orgUnitChangeRepo.insert(trx, {
      orgUnitId: unit.id,
      kind: "close",
      effectiveOn: day,
      before: { closedOn: null },
      after: { closedOn: day },
      reason: body.reason ?? null,
      actorId: actor.userId,
    });
    const closed = await orgUnitRepo.close(trx, unit.id, day, null);
    const disabledAccounts = await disableUnitAccounts(trx, unit.id, deps.now());
    await recordAudit(trx, actor, {
      action: "org.unit-close",
      entityType: "org_unit",
      entityId: unit.id,
      details: { effectiveOn: day, disabledAccounts },
    });
    return { unit: closed, disabledAccounts };
  });
}
