import { startOfChinaDay } from "@luoshi/common";
import { unitScoreboard, type UnitScore } from "@luoshi/domain/ledger";
import type { Actor, ServiceDeps } from "../../context.ts";
import { asOfFor, ledgerData } from "./ledger-data.ts";

/** 年度考核 scoreboard. */
export async function scoreboardFor(deps: ServiceDeps, actor: Actor, year: number): Promise<UnitScore[]> {
  const d = await ledgerData(deps, actor, startOfChinaDay(`${year - 1}-01-01`));
  return unitScoreboard(d.tasks, d.reports, year, d.units, { asOf: asOfFor(deps, `${year}-12`) });
}
