import type { TaskListQuery } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { ledgerXlsx } from "../../reports/ledger-xlsx.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { listTasks } from "./list-tasks.ts";

/** 台账导出: every task of the list's filters (within the actor's scope) as a workbook. */
export async function exportLedgerXlsx(deps: ServiceDeps, actor: Actor, q: TaskListQuery): Promise<Buffer> {
  const list = await listTasks(deps, actor, { ...q, page: 1, pageSize: 100_000 });
  const buffer = await ledgerXlsx(list);
  await recordAudit(deps.handle.db, actor, {
    action: "ledger.export",
    entityType: "task",
    entityId: null,
    details: { rows: list.items.length },
  });
  return buffer;
}
