import { chinaDate, startOfChinaDay } from "@luoshi/common";
import { assessUnits, unitScoreboard } from "@luoshi/domain/ledger";
import { escalationRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { assessmentDocx, assessmentXlsx, type AssessmentReport } from "../../reports/assessment-export.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { asOfFor, ledgerData } from "./ledger-data.ts";
import { bureauOwner, settingsOf } from "./ledger-settings.ts";

/**
 * 年度考核 under the bureau's scheme: the year's scoreboard (the December bulletin's tallies), the
 * 约谈 records of the year, scored and ranked by `assessUnits`.
 */
export async function assessmentFor(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
): Promise<AssessmentReport> {
  const owner = await bureauOwner(deps, actor);
  const { db } = deps.handle;
  const settings = await settingsOf(db, owner);
  const d = await ledgerData(deps, actor, startOfChinaDay(`${String(year - 1)}-01-01`));
  const asOf = asOfFor(deps, `${String(year)}-12`);
  const rows = unitScoreboard(d.tasks, d.reports, year, d.units, { asOf });
  const interviews = (
    await escalationRepo.forTasks(
      db,
      d.tasks.map((t) => t.id),
    )
  )
    .filter((e) => e.level === "interview")
    .map((e) => ({ unitId: e.org_unit_id, day: chinaDate(e.created_at) }));
  return {
    county: owner.name,
    year,
    asOf,
    scheme: settings.assessment,
    rows: assessUnits(rows, d.tasks, interviews, year, asOf, settings.assessment),
  };
}

/** 年度考核 as .xlsx or .docx; the export is audited. */
export async function assessmentFile(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
  format: "xlsx" | "docx",
): Promise<Buffer> {
  const report = await assessmentFor(deps, actor, year);
  const buffer =
    format === "xlsx"
      ? await assessmentXlsx(report)
      : await assessmentDocx(report, `${report.county}教育局`, chinaDate(deps.now()));
  await recordAudit(deps.handle.db, actor, {
    action: "ledger.assessment-export",
    entityType: "assessment",
    entityId: String(year),
    details: { format },
  });
  return buffer;
}
