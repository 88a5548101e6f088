import { inTransaction, planRepo } from "@luoshi/db";
import type { DocumentLevel } from "@luoshi/domain/plans";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { visiblePlan } from "./plan-access.ts";

/**
 * 文件层级: staff decide whether a plan is the area's own (its targets judge the area's indicators) or a
 * document from above or from another area (its targets do not). Allowed on drafts and confirmed plans
 * alike — the choice changes what the indicators are judged by, so it is audited with before and after.
 */
export async function setPlanDocumentLevel(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  level: DocumentLevel,
): Promise<void> {
  authorize(actor, "plan.write");
  const plan = await visiblePlan(deps, actor, planId);
  if (plan.document_level === level) {
    return;
  }
  await inTransaction(deps.handle.db, async (trx) => {
    await planRepo.updatePlan(trx, plan.id, {
      document_level: level,
      document_level_reason: level === "own" ? "经办人员指定为本级文件" : "经办人员指定为上级或外地文件",
    });
    await recordAudit(trx, actor, {
      action: "plan.document-level",
      entityType: "plan",
      entityId: plan.id,
      before: { documentLevel: plan.document_level },
      after: { documentLevel: level },
    });
  });
}
