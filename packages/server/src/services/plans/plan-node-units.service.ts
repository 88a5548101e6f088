/** 设置责任单位: a draft node's responsible units (audited). */
import { inTransaction, planRepo } from "@luoshi/db";
import type { PlanNodeUnitsBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { unitRegistry } from "./plan-import.service.ts";
import { editableDraft } from "./plan-access.ts";

/** 设置责任单位: the node's units in order, each tied to a registry unit or left as written. */
export async function setPlanNodeUnits(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  nodeId: string,
  body: PlanNodeUnitsBody,
): Promise<void> {
  await editableDraft(deps, actor, planId);
  const { db } = deps.handle;
  const node = await planRepo.findNode(db, planId, nodeId);
  if (node === undefined) {
    throw new AppError("not-found", "该条目不存在");
  }
  const registry = new Map((await unitRegistry(db, actor.scope, deps.now())).map((u) => [u.id, u]));
  body.units.forEach((u, i) => {
    if (u.orgUnitId !== null && !registry.has(u.orgUnitId)) {
      throw new AppError("validation-failed", `第 ${i + 1} 个责任单位不在本辖区的单位名录中`, {
        fields: [{ path: `body.units.${i}.orgUnitId`, message: "单位不在本辖区名录中" }],
      });
    }
  });
  const before = await planRepo.nodeUnits(db, nodeId);
  await inTransaction(db, async (trx) => {
    await planRepo.replaceNodeUnits(
      trx,
      nodeId,
      body.units.map((u, position) => ({
        node_id: nodeId,
        position,
        name: u.name,
        is_lead: u.isLead,
        org_unit_id: u.orgUnitId,
        match: u.orgUnitId === null ? "none" : "confirmed",
      })),
    );
    await recordAudit(trx, actor, {
      action: "plan.node-units",
      entityType: "plan_node",
      entityId: nodeId,
      before: before.map((u) => ({ name: u.name, isLead: u.is_lead, orgUnitId: u.org_unit_id })),
      after: body.units,
      details: { planId },
    });
  });
}
