/** 导入记录: the statistics imports made in an actor's scope, newest first, for the import page. */
import type { StatsImportList, StatsImportListQuery } from "@luoshi/contracts";
import { statsRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

/**
 * One page of `stats_imports` whose unit lies in the actor's scope (imports made with the whole country
 * as scope, which have no unit, only for an actor whose scope is the whole country).
 */
export async function listStatsImports(
  deps: ServiceDeps,
  actor: Actor,
  query: StatsImportListQuery,
): Promise<StatsImportList> {
  authorize(actor, "stats.read");
  const { rows, total } = await statsRepo.listImports(deps.handle.db, actor.scope, query);
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      fileName: r.fileName,
      rows: r.rows,
      orgUnitName: r.orgUnitName,
      importedBy: r.login === null ? null : `${r.displayName ?? r.login}（${r.login}）`,
      importedAt: new Date(r.importedAt).toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
