import { dispatchBoard, type DispatchBoard } from "@luoshi/domain/ledger";
import type { Actor, ServiceDeps } from "../../context.ts";
import { asOfFor, ledgerData, monthStart } from "./ledger-data.ts";

/** 月调度 board for a month. */
export async function dispatchFor(deps: ServiceDeps, actor: Actor, month: string): Promise<DispatchBoard> {
  const d = await ledgerData(deps, actor, new Date(monthStart(month).getTime() - 100 * 86_400_000));
  return dispatchBoard(d.tasks, d.reports, month, d.units, { asOf: asOfFor(deps, month) });
}
