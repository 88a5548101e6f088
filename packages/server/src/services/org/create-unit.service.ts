import { ALLOWED_CHILDREN, checkOrgCode, ORG_KIND_LABELS } from "@luoshi/domain/org";
import { inTransaction, orgUnitChangeRepo, orgUnitRepo, type OrgUnitRow } from "@luoshi/db";
import type { OrgUnitCreateBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { effectiveDay, otherUnitForWrite } from "./org-unit-write.ts";
import { registryPatch, SCHOOL_ONLY } from "./unit-fields.ts";

/**
 * 新增单位: a school, department or 乡镇 below a parent in the actor's scope, with an 开办 change row
 * on the day it opens (today unless given). 409 when the code is taken, 400 when the kind may not sit
 * below the parent or the code does not fit the kind.
 */
export async function createOrgUnit(
  deps: ServiceDeps,
  actor: Actor,
  body: OrgUnitCreateBody,
): Promise<OrgUnitRow> {
  authorize(actor, "org.write");
  const { db } = deps.handle;
  const day = effectiveDay(deps, body.openedOn);
  const parent = await otherUnitForWrite(deps, actor, body.parentId, "上级单位", day);
  if (!ALLOWED_CHILDREN[parent.kind].includes(body.kind)) {
    throw new AppError(
      "validation-failed",
      `${ORG_KIND_LABELS[parent.kind]}（${parent.name}）下不能新增${ORG_KIND_LABELS[body.kind]}`,
    );
  }
  const codeProblem = checkOrgCode(body.kind, body.code);
  if (codeProblem !== null) {
    throw new AppError("validation-failed", `代码 ${body.code}：${codeProblem}`, {
      fields: [{ path: "body.code", message: codeProblem }],
    });
  }
  if (body.kind === "school" && body.schoolType === undefined) {
    throw new AppError("validation-failed", "新增学校须填写办学类型", {
      fields: [{ path: "body.schoolType", message: "请选择办学类型" }],
    });
  }
  if (body.kind !== "school" && SCHOOL_ONLY.some((f) => body[f] !== undefined)) {
    throw new AppError("validation-failed", "只有学校填写办学类型、办学性质、普惠性与城乡分类");
  }
  const existing = await orgUnitRepo.findByCode(db, body.code);
  if (existing !== undefined) {
    throw new AppError("conflict", `代码 ${body.code} 已被 ${existing.name} 使用`);
  }
  return inTransaction(db, async (trx) => {
    const unit = await orgUnitRepo.insert(
      trx,
      {
        ...registryPatch(body),
        parent_id: parent.id,
        kind: body.kind,
        code: body.code,
        name: body.name,
        opened_on: body.openedOn ?? null,
      },
      parent,
    );
    await orgUnitChangeRepo.insert(trx, {
      orgUnitId: unit.id,
      kind: "open",
      effectiveOn: day,
      after: { name: unit.name, code: unit.code, parentId: parent.id },
      relatedUnitId: parent.id,
      reason: body.reason ?? null,
      actorId: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: "org.unit-create",
      entityType: "org_unit",
      entityId: unit.id,
      details: { code: unit.code, name: unit.name, kind: unit.kind, parentId: parent.id, effectiveOn: day },
    });
    return unit;
  });
}
