/** 导入记录: the statistics imports made in an actor's scope, newest first, for the import page. */
import type { StatsImportListQuery } from "@luoshi/contracts";
import { statsRepo, type StatsImportListRow } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

/**
 * One page of `stats_imports` whose unit lies in the actor's scope (imports made with the whole country
 * as scope, which have no unit, only for an actor whose scope is the whole country), with the total.
 */
export async function listStatsImports(
  deps: ServiceDeps,
  actor: Actor,
  query: StatsImportListQuery,
): Promise<{ rows: StatsImportListRow[]; total: number }> {
  authorize(actor, "stats.read");
  return statsRepo.listImports(deps.handle.db, actor.scope, query);
}
