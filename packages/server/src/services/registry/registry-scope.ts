/**
 * The unit a registry request acts for, and the scope that follows from it: the actor's own scope, or a
 * unit within it that a caller names (a filter narrows the scope, never widens it).
 */
import { narrowScope, orgUnitRepo, type Db, type OrgUnitRow, type Scope } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../context.ts";
import { findUnitInScope } from "../access/scope.ts";

/** The unit at the root of the actor's scope (its area or its own unit). */
async function scopeRoot(db: Db, actor: Actor): Promise<OrgUnitRow> {
  const id = actor.scope.path
    .split("/")
    .filter((s) => s !== "")
    .at(-1);
  const unit = id === undefined ? undefined : await orgUnitRepo.findById(db, id);
  if (unit === undefined) {
    throw new AppError("bad-request", "请指定单位（学校或所辖区域）");
  }
  return unit;
}

/** The unit named by `unitId` (within the actor's scope), else the scope's own root; and its scope. */
export async function registryScope(
  db: Db,
  actor: Actor,
  unitId: string | undefined,
): Promise<{ unit: OrgUnitRow; scope: Scope }> {
  const unit = unitId === undefined ? await scopeRoot(db, actor) : await findUnitInScope(db, actor, unitId);
  const scope = narrowScope(actor.scope, unit.path);
  if (scope === null) {
    throw new AppError("forbidden", "无权访问该单位的数据：不在您的管辖范围内");
  }
  return { unit, scope };
}
