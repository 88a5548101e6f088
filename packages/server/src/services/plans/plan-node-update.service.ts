/** 修改条目: a draft node's title, role or deadline (audited). */
import { inTransaction, planRepo } from "@luoshi/db";
import type { PlanNodePatch } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { editableDraft } from "./plan-access.ts";

/** 修改条目: title, role or deadline of a draft's node. */
export async function updatePlanNode(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  nodeId: string,
  patch: PlanNodePatch,
): Promise<void> {
  await editableDraft(deps, actor, planId);
  const node = await planRepo.findNode(deps.handle.db, planId, nodeId);
  if (node === undefined) {
    throw new AppError("not-found", "该条目不存在");
  }
  await inTransaction(deps.handle.db, async (trx) => {
    const after = await planRepo.updateNode(trx, nodeId, patch);
    await recordAudit(trx, actor, {
      action: "plan.node-update",
      entityType: "plan_node",
      entityId: nodeId,
      before: { title: node.title, role: node.role, deadline: node.deadline },
      after: { title: after.title, role: after.role, deadline: after.deadline },
      details: { planId },
    });
  });
}
