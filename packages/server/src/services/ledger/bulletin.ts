import { monthlyBulletin, type MonthlyBulletin } from "@luoshi/domain/ledger";
import type { Actor, ServiceDeps } from "../../context.ts";
import { bulletinDocx } from "../../reports/bulletin-docx.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import { asOfFor, ledgerData, monthStart } from "./ledger-data.ts";

/** 月通报 data for a month. */
export async function bulletinFor(deps: ServiceDeps, actor: Actor, month: string): Promise<MonthlyBulletin> {
  const d = await ledgerData(deps, actor, new Date(monthStart(month).getTime() - 400 * 86_400_000));
  return monthlyBulletin(d.tasks, d.reports, d.instructions, month, d.units, { asOf: asOfFor(deps, month) });
}

/** 月通报 as a .docx in 公文 layout. */
export async function bulletinDocxFor(deps: ServiceDeps, actor: Actor, month: string): Promise<Buffer> {
  const bulletin = await bulletinFor(deps, actor, month);
  const root = await scopeRoot(deps.handle.db, actor);
  const buffer = await bulletinDocx(bulletin, { county: root.name, issuer: `${root.name}教育局`, month });
  await recordAudit(deps.handle.db, actor, {
    action: "ledger.bulletin-export",
    entityType: "bulletin",
    entityId: month,
  });
  return buffer;
}
