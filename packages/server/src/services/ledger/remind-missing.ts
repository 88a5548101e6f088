import { notificationRepo, inTransaction } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { dispatchFor } from "./dispatch.ts";

/**
 * 一键催报: an in-app reminder to every unit whose report for the month is missing. A reminder for the
 * same month, task, unit and period is written once: pressing again sends only the new ones.
 */
export async function remindMissing(deps: ServiceDeps, actor: Actor, month: string): Promise<number> {
  authorize(actor, "task.review");
  const board = await dispatchFor(deps, actor, month);
  const missing = board.rows.filter((r) => r.status === "missing");
  if (missing.length === 0) {
    return 0;
  }
  return inTransaction(deps.handle.db, async (trx) => {
    const sent = await notificationRepo.insert(
      trx,
      missing.map((r) => ({
        org_unit_id: r.unit.id,
        task_id: r.taskId,
        kind: "report-reminder",
        text: `请尽快报送“${r.taskTitle}”${r.periodLabel}进展`,
        created_by: actor.userId,
        created_at: deps.now(),
        dedupe_key: `report-reminder:${month}:${r.taskId}:${r.unit.id}:${r.period}`,
      })),
    );
    await recordAudit(trx, actor, {
      action: "ledger.remind",
      entityType: "notification",
      entityId: month,
      details: { count: sent, alreadySent: missing.length - sent },
    });
    return sent;
  });
}
