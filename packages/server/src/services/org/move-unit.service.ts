import { ALLOWED_CHILDREN, ORG_KIND_LABELS } from "@luoshi/domain/org";
import { inTransaction, orgUnitChangeRepo, orgUnitRepo, type OrgUnitRow } from "@luoshi/db";
import type { OrgUnitMoveBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { assertOpen, countyOf, effectiveDay, otherUnitForWrite, unitForWrite } from "./org-unit-write.ts";

/**
 * 调整隶属: a school or department to another parent in the same county, a 乡镇 to another county;
 * the unit's whole subtree moves with it. Both the unit and its new parent must be in scope.
 */
export async function moveOrgUnit(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: OrgUnitMoveBody,
): Promise<OrgUnitRow> {
  const unit = await unitForWrite(deps, actor, id);
  const day = effectiveDay(deps, body.effectiveOn);
  assertOpen(unit, day);
  if (!["school", "department", "township"].includes(unit.kind)) {
    throw new AppError("validation-failed", `${ORG_KIND_LABELS[unit.kind]}不能调整隶属`);
  }
  const parent = await otherUnitForWrite(deps, actor, body.parentId, "新的上级单位", day);
  if (parent.id === unit.parent_id) {
    throw new AppError("validation-failed", `${unit.name} 已隶属于 ${parent.name}`);
  }
  if (parent.path.startsWith(unit.path)) {
    throw new AppError("validation-failed", "不能把单位调整到它自己或其下级单位之下");
  }
  if (!ALLOWED_CHILDREN[parent.kind].includes(unit.kind)) {
    throw new AppError(
      "validation-failed",
      `${ORG_KIND_LABELS[parent.kind]}（${parent.name}）下不能有${ORG_KIND_LABELS[unit.kind]}`,
    );
  }
  if (unit.kind !== "township") {
    const [from, to] = await Promise.all([countyOf(deps.handle.db, unit), countyOf(deps.handle.db, parent)]);
    if (from === null || to === null || from.id !== to.id) {
      throw new AppError(
        "validation-failed",
        `学校和部门只能在本县（区）内调整隶属：${parent.name} 不在其县内`,
      );
    }
  }
  return inTransaction(deps.handle.db, async (trx) => {
    await orgUnitChangeRepo.insert(trx, {
      orgUnitId: unit.id,
      kind: "move",
      effectiveOn: day,
      before: { parentId: unit.parent_id },
      after: { parentId: parent.id },
      relatedUnitId: parent.id,
      reason: body.reason ?? null,
      actorId: actor.userId,
    });
    const moved = await orgUnitRepo.moveSubtree(trx, unit, parent);
    await recordAudit(trx, actor, {
      action: "org.unit-move",
      entityType: "org_unit",
      entityId: unit.id,
      details: { fromParentId: unit.parent_id, toParentId: parent.id, effectiveOn: day },
    });
    return moved;
  });
}
