import { orgUnitChangeRepo, type OrgUnitChangeListRow } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";

/** A unit's 变更记录, newest first: org.read and the unit in scope (closed units too). */
export async function listOrgUnitChanges(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<OrgUnitChangeListRow[]> {
  authorize(actor, "org.read");
  const unit = await findUnitInScope(deps.handle.db, actor, id);
  return orgUnitChangeRepo.listForUnit(deps.handle.db, unit.id);
}
