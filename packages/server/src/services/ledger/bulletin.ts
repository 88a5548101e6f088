import { monthlyBulletin, type MonthlyBulletin } from "@luoshi/domain/ledger";
import { orgUnitRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { bulletinDocx, bulletinTitle } from "../../reports/bulletin-docx.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import { asOfFor, assertMonthStarted, ledgerData, monthStart } from "./ledger-data.ts";
import { taskScopeFor } from "./task-access.ts";

/**
 * Whose bulletin it is: the bureau's (its jurisdiction's tasks, 全局) or, for a 责任单位 or 学校
 * account that sees only the tasks naming it, that unit's own (本单位). `name` is the bureau's or the
 * unit's name, `title` the bulletin's title.
 */
export interface BulletinHeading {
  scope: "bureau" | "unit";
  name: string;
  title: string;
  county: string;
}

/** 月通报 of a month with its heading. */
export interface BulletinView {
  bulletin: MonthlyBulletin;
  heading: BulletinHeading;
}

async function headingFor(deps: ServiceDeps, actor: Actor, month: string): Promise<BulletinHeading> {
  const { db } = deps.handle;
  if (taskScopeFor(actor).reach === "named") {
    const unit = actor.orgUnitId === null ? undefined : await orgUnitRepo.findById(db, actor.orgUnitId);
    const name = unit?.name ?? "本单位";
    return { scope: "unit", name, title: bulletinTitle("", month, name), county: "" };
  }
  const root = await scopeRoot(db, actor);
  return {
    scope: "bureau",
    name: `${root.name}教育局`,
    title: bulletinTitle(root.name, month),
    county: root.name,
  };
}

/** 月通报 data for a month (400 for a month not yet begun). */
export async function bulletinFor(deps: ServiceDeps, actor: Actor, month: string): Promise<BulletinView> {
  assertMonthStarted(deps, month, "月通报");
  const d = await ledgerData(deps, actor, new Date(monthStart(month).getTime() - 400 * 86_400_000));
  const bulletin = monthlyBulletin(d.tasks, d.reports, d.instructions, month, d.units, {
    asOf: asOfFor(deps, month),
  });
  return { bulletin, heading: await headingFor(deps, actor, month) };
}

/** 月通报 as a .docx in 公文 layout. */
export async function bulletinDocxFor(deps: ServiceDeps, actor: Actor, month: string): Promise<Buffer> {
  const { bulletin, heading } = await bulletinFor(deps, actor, month);
  const buffer = await bulletinDocx(bulletin, {
    county: heading.county,
    issuer: heading.name,
    month,
    ...(heading.scope === "unit" ? { unit: heading.name } : {}),
  });
  await recordAudit(deps.handle.db, actor, {
    action: "ledger.bulletin-export",
    entityType: "bulletin",
    entityId: month,
  });
  return buffer;
}
