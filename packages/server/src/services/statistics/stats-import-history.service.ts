/** 导入记录: the statistics imports made in an actor's scope, newest first, for the import page. */
import type { StatsImportList, StatsImportListQuery } from "@luoshi/contracts";
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
  const { db } = deps.handle;
  let base = db
    .selectFrom("stats_imports")
    .leftJoin("org_units", "org_units.id", "stats_imports.org_unit_id")
    .leftJoin("users", "users.id", "stats_imports.imported_by")
    .where((eb) =>
      actor.scope.path === "/" ? eb.val(true) : eb("org_units.path", "like", `${actor.scope.path}%`),
    );
  if (query.year !== undefined) {
    base = base.where("stats_imports.year", "=", query.year);
  }
  const { n } = await base
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await base
    .select([
      "stats_imports.id as id",
      "stats_imports.year as year",
      "stats_imports.file_name as fileName",
      "stats_imports.rows as rows",
      "stats_imports.imported_at as importedAt",
      "org_units.name as orgUnitName",
      "users.display_name as displayName",
      "users.login as login",
    ])
    .orderBy("stats_imports.imported_at", "desc")
    .orderBy("stats_imports.id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
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
    total: Number(n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
