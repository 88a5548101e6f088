import { chinaDate } from "@luoshi/common";
import { orgUnitRepo, sessionRepo, userRepo, type Db, type OrgUnitRow } from "@luoshi/db";
import { openOn } from "@luoshi/domain/org";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";

/** The day a change takes effect: the given one, else today in China. */
export function effectiveDay(deps: ServiceDeps, given: string | undefined): string {
  return given ?? chinaDate(deps.now());
}

/** The unit `id` for a change by the actor: org.write, 404 unknown, 403 outside the actor's scope. */
export async function unitForWrite(deps: ServiceDeps, actor: Actor, id: string): Promise<OrgUnitRow> {
  authorize(actor, "org.write");
  return findUnitInScope(deps.handle.db, actor, id);
}

/** A unit taking part in a change (a new parent, the school merged into): in scope, known, open. */
export async function otherUnitForWrite(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  role: string,
  day: string,
): Promise<OrgUnitRow> {
  const unit = await findUnitInScope(deps.handle.db, actor, id);
  assertOpen(unit, day, role);
  return unit;
}

/** 409 unless the unit is open on `day` (a closed unit takes no changes until it is reopened). */
export function assertOpen(unit: OrgUnitRow, day: string, role = "该单位"): void {
  if (!openOn({ openedOn: unit.opened_on, closedOn: unit.closed_on }, day)) {
    throw new AppError("conflict", `${role}（${unit.name}）在 ${day} 不在办（已撤销、已撤并或尚未开办）`);
  }
}

/**
 * The county a unit lies in (itself when it is one), or null above county level: moves stay inside
 * one county's tree.
 */
export async function countyOf(db: Db, unit: OrgUnitRow): Promise<OrgUnitRow | null> {
  if (unit.kind === "county") {
    return unit;
  }
  const ids = unit.path.split("/").filter((s) => s !== "" && s !== unit.id);
  const ancestors = await Promise.all(ids.map((id) => orgUnitRepo.findById(db, id)));
  return ancestors.find((a): a is OrgUnitRow => a?.kind === "county") ?? null;
}

/**
 * Disables every account of a closed or merged unit and ends their sessions, in the caller's
 * transaction; returns how many were disabled.
 */
export async function disableUnitAccounts(db: Db, unitId: string, at: Date): Promise<number> {
  const ids = await userRepo.disableAllOfUnit(db, unitId);
  await sessionRepo.endAllForUsers(db, ids, at);
  return ids.length;
}
