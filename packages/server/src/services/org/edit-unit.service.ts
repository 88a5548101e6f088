import { inTransaction, orgUnitChangeRepo, orgUnitRepo, type OrgUnitRow } from "@luoshi/db";
import type { OrgUnitEditBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { assertOpen, effectiveDay, unitForWrite } from "./org-unit-write.ts";
import { registryDiff, SCHOOL_ONLY } from "./unit-fields.ts";

/**
 * 编辑单位: a new name is a 更名 change, other registry fields one 信息变更 change with only the
 * fields that changed, both effective on the given day. Nothing changed: the unit as it is, no rows.
 */
export async function editOrgUnit(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: OrgUnitEditBody,
): Promise<OrgUnitRow> {
  const unit = await unitForWrite(deps, actor, id);
  const day = effectiveDay(deps, body.effectiveOn);
  assertOpen(unit, day);
  if (unit.kind !== "school" && SCHOOL_ONLY.some((f) => body[f] !== undefined)) {
    throw new AppError("validation-failed", "只有学校填写办学类型、办学性质、普惠性与城乡分类");
  }
  const renamed = body.name !== undefined && body.name !== unit.name;
  const diff = registryDiff(unit, body);
  const fields = Object.keys(diff.after);
  if (!renamed && fields.length === 0) {
    return unit;
  }
  return inTransaction(deps.handle.db, async (trx) => {
    const base = { orgUnitId: unit.id, effectiveOn: day, reason: body.reason ?? null, actorId: actor.userId };
    if (renamed) {
      await orgUnitChangeRepo.insert(trx, {
        ...base,
        kind: "rename",
        before: { name: unit.name },
        after: { name: body.name },
      });
    }
    if (fields.length > 0) {
      await orgUnitChangeRepo.insert(trx, { ...base, kind: "edit", before: diff.before, after: diff.after });
    }
    const updated = await orgUnitRepo.update(trx, unit.id, {
      ...diff.patch,
      ...(renamed ? { name: body.name } : {}),
    });
    await recordAudit(trx, actor, {
      action: "org.unit-update",
      entityType: "org_unit",
      entityId: unit.id,
      // Field names only: a principal's name or phone stays out of the trail.
      details: { renamed, fields, effectiveOn: day },
    });
    return updated;
  });
}
