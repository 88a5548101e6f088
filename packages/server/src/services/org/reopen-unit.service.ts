import { inTransaction, orgUnitChangeRepo, orgUnitRepo, type OrgUnitRow } from "@luoshi/db";
import type { OrgUnitCloseBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { effectiveDay, otherUnitForWrite, unitForWrite } from "./org-unit-write.ts";

/**
 * 恢复: a closed or merged unit opens again on a day (its parent must be open). Its accounts stay
 * disabled: the 安全保密管理员 enables the ones still needed.
 */
export async function reopenOrgUnit(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: OrgUnitCloseBody,
): Promise<OrgUnitRow> {
  const unit = await unitForWrite(deps, actor, id);
  const day = effectiveDay(deps, body.effectiveOn);
  if (unit.closed_on === null) {
    throw new AppError("conflict", `${unit.name} 在办，无需恢复`);
  }
  if (day < unit.closed_on) {
    throw new AppError("validation-failed", `恢复日期不能早于撤销日期 ${unit.closed_on}`);
  }
  if (unit.parent_id !== null) {
    await otherUnitForWrite(deps, actor, unit.parent_id, "上级单位", day);
  }
  return inTransaction(deps.handle.db, async (trx) => {
    await orgUnitChangeRepo.insert(trx, {
      orgUnitId: unit.id,
      kind: "reopen",
      effectiveOn: day,
      before: { closedOn: unit.closed_on, mergedIntoId: unit.merged_into_id },
      after: { closedOn: null },
      relatedUnitId: unit.merged_into_id,
      reason: body.reason ?? null,
      actorId: actor.userId,
    });
    const reopened = await orgUnitRepo.reopen(trx, unit.id);
    await recordAudit(trx, actor, {
      action: "org.unit-reopen",
      entityType: "org_unit",
      entityId: unit.id,
      details: { effectiveOn: day, closedOn: unit.closed_on },
    });
    return reopened;
  });
}
