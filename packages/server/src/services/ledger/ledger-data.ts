import type { Instruction, LedgerTask, LedgerUnit, ProgressReport } from "@luoshi/domain/ledger";
import { chinaDate, startOfChinaDay } from "@luoshi/common";
import { taskRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { authorize } from "../access/authorize.ts";
import { taskScopeFor } from "./task-access.ts";
import { toLedgerTask, toProgressReports } from "./ledger-task.ts";

/** What the month and year views (月调度, 月通报, 年度考核) read. */
export interface LedgerData {
  tasks: LedgerTask[];
  units: LedgerUnit[];
  reports: ProgressReport[];
  instructions: Instruction[];
}

/** Everything the monthly views need, loaded set-based for the actor's scope. */
export async function ledgerData(deps: ServiceDeps, actor: Actor, since: Date): Promise<LedgerData> {
  authorize(actor, "task.read");
  const scope = taskScopeFor(actor);
  const { db } = deps.handle;
  const [bundle, reportRows, instructionRows] = await Promise.all([
    taskRepo.loadBundle(db, scope),
    taskRepo.reportsSince(db, scope, since),
    taskRepo.openingInstructions(db, scope),
  ]);
  const tasks = bundle.tasks.map((row) => toLedgerTask(row, bundle));
  const units: LedgerUnit[] = [
    ...new Map(bundle.units.map((u) => [u.org_unit_id, { id: u.org_unit_id, name: u.name }])).values(),
  ];
  const instructions: Instruction[] = instructionRows.map((r) => ({
    taskId: r.task_id,
    author: r.display_name ?? "",
    at: r.at,
    text: r.text,
  }));
  return { tasks, units, reports: toProgressReports(reportRows), instructions };
}

/** The first instant of a month (`YYYY-MM`) in China. */
export function monthStart(month: string): Date {
  return startOfChinaDay(`${month}-01`);
}

/** 统计截止日 of a month: its last day, or today while the month runs. */
export function asOfFor(deps: ServiceDeps, month: string): string {
  const today = chinaDate(deps.now());
  const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  return today < end ? today : end;
}

/**
 * Refuses a month that has not begun in China: its figures would be today's under a later label.
 * `what` names the view in the message (月通报).
 */
export function assertMonthStarted(deps: ServiceDeps, month: string, what: string): void {
  const current = chinaDate(deps.now()).slice(0, 7);
  if (month > current) {
    throw new AppError(
      "bad-request",
      `${month.slice(0, 4)}年${String(Number(month.slice(5, 7)))}月尚未开始，无法生成${what}；请选择${current.slice(0, 4)}年${String(Number(current.slice(5, 7)))}月或更早的月份`,
      { fields: [{ path: "query.month", message: `${month}尚未开始` }] },
    );
  }
}
