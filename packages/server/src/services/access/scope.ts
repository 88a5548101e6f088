import {
  inspectorRepo,
  orgUnitRepo,
  scopeContains,
  scopeOf,
  scopeWithin,
  type Db,
  type OrgUnitRow,
  type Scope,
} from "@luoshi/db";
import type { Role } from "@luoshi/domain/auth";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../context.ts";

/** Roles whose data scope is their own unit's subtree; everyone else's is their jurisdiction. */
const UNIT_SCOPED: readonly Role[] = ["unitUser", "schoolUser"];

/**
 * The materialised path a user's queries are limited to. Bureau staff, inspectors, leaders and
 * administrators sit in a department (区教育局) but act for its area (崆峒区), so their scope is the
 * nearest enclosing area; a department or school user sees only its own unit and what is below it.
 */
async function scopePathFor(db: Db, role: Role, unit: OrgUnitRow): Promise<string> {
  if (UNIT_SCOPED.includes(role) || unit.kind !== "department") {
    return unit.path;
  }
  const ancestorIds = unit.path.split("/").filter((s) => s !== "" && s !== unit.id);
  // One query for all ancestors (this runs on every authenticated request), in path order.
  const byId = new Map((await orgUnitRepo.findByIds(db, ancestorIds)).map((a) => [a.id, a]));
  const ancestors = ancestorIds.map((id) => byId.get(id));
  const area = ancestors.filter((a): a is OrgUnitRow => a !== undefined && a.kind !== "department").at(-1);
  return area?.path ?? unit.path;
}

/**
 * A user's data scope: {@link scopePathFor}, except that a 督学 with a 督学责任区 (schools named in
 * inspector_schools) reaches only those schools within the jurisdiction (责任督学挂牌督导: the 督学 of a
 * 责任区 works on its schools; docs/inspection.md). A 督学 without a 责任区 keeps the jurisdiction.
 */
export async function scopeFor(db: Db, role: Role, userId: string, unit: OrgUnitRow): Promise<Scope> {
  const path = await scopePathFor(db, role, unit);
  if (role !== "inspector") {
    return scopeOf(path);
  }
  const zone = await inspectorRepo.zoneSchoolPaths(db, userId);
  return zone.length === 0 ? scopeOf(path) : scopeWithin(path, zone);
}

/** True when the unit lies within the actor's scope. */
export function unitInScope(actor: Actor, unit: Pick<OrgUnitRow, "path">): boolean {
  return scopeContains(actor.scope, unit.path);
}

/** Throws 403 unless the unit lies within the actor's scope. */
export function assertInScope(actor: Actor, unit: Pick<OrgUnitRow, "path">): void {
  if (!unitInScope(actor, unit)) {
    throw new AppError("forbidden", "无权访问该单位的数据：不在您的管辖范围内");
  }
}

/** The unit with id `id`: 404 when there is none, 403 when it lies outside the actor's scope. */
export async function findUnitInScope(db: Db, actor: Actor, id: string): Promise<OrgUnitRow> {
  const unit = await orgUnitRepo.findById(db, id);
  if (unit === undefined) {
    throw new AppError("not-found", "没有这个单位");
  }
  assertInScope(actor, unit);
  return unit;
}
