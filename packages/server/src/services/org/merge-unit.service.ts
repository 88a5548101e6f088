import { inTransaction, orgUnitChangeRepo, orgUnitRepo, type OrgUnitRow } from "@luoshi/db";
import type { OrgUnitMergeBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import {
  assertOpen,
  disableUnitAccounts,
  effectiveDay,
  otherUnitForWrite,
  unitForWrite,
} from "./org-unit-write.ts";

/**
 * 撤并: school A goes into school B on a day. A is closed then and points at B; both get a 撤并
 * change row; A's accounts are disabled. A's statistics, tasks and records stay: the years before
 * the merger still show A as it was (docs/org-units.md).
 */
export async function mergeOrgUnit(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: OrgUnitMergeBody,
): Promise<{ unit: OrgUnitRow; disabledAccounts: number }> {
  const unit = await unitForWrite(deps, actor, id);
  const day = effectiveDay(deps, body.effectiveOn);
  assertOpen(unit, day);
  const into = await otherUnitForWrite(deps, actor, body.intoId, "并入的学校", day);
  if (unit.kind !== "school" || into.kind !== "school") {
    throw new AppError("validation-failed", "撤并只用于学校并入另一所学校");
  }
  if (into.id === unit.id) {
    throw new AppError("validation-failed", "学校不能并入它自己");
  }
  return inTransaction(deps.handle.db, async (trx) => {
    const base = { effectiveOn: day, reason: body.reason ?? null, actorId: actor.userId };
    await orgUnitChangeRepo.insert(trx, {
      ...base,
      orgUnitId: unit.id,
      kind: "merge",
      before: { closedOn: null },
      after: { closedOn: day, mergedIntoId: into.id, mergedIntoName: into.name },
      relatedUnitId: into.id,
    });
    await orgUnitChangeRepo.insert(trx, {
      ...base,
      orgUnitId: into.id,
      kind: "merge",
      after: { absorbedId: unit.id, absorbedName: unit.name },
      relatedUnitId: unit.id,
    });
    const closed = await orgUnitRepo.close(trx, unit.id, day, into.id);
    const disabledAccounts = await disableUnitAccounts(trx, unit.id, deps.now());
    await recordAudit(trx, actor, {
      action: "org.unit-merge",
      entityType: "org_unit",
      entityId: unit.id,
      details: { intoId: into.id, effectiveOn: day, disabledAccounts },
    });
    return { unit: closed, disabledAccounts };
  });
}
