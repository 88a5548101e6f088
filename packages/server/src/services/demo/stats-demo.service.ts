/**
 * 演示统计数据: stores the demo county's generated statistics 2016–2024 (school rows, 招生 history and
 * 乡镇 population) with bulk inserts, after its org units exist.
 */
import { createHash } from "node:crypto";
import type { DemoCounty } from "@luoshi/domain/demo";
import { generateDemoStatistics } from "@luoshi/domain/stats";
import { inTransaction, orgUnitRepo, statsRepo, type StatValuesInsert } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { analyzeAfterImport } from "../statistics/stats-import-write.ts";

/** Stores the demo statistics in one transaction with one audit row; returns the rows written. */
export async function loadDemoStatistics(
  deps: ServiceDeps,
  actor: Actor,
  county: DemoCounty,
): Promise<number> {
  const { db } = deps.handle;
  const stats = generateDemoStatistics(county);
  const ids = await orgUnitRepo.idsByCode(db);
  const idOf = (code: string): string => {
    const id = ids.get(code);
    if (id === undefined) {
      throw new AppError("internal", `演示统计数据的单位 ${code} 不存在`);
    }
    return id;
  };
  const schools: StatValuesInsert[] = stats.records.map((r) => ({
    orgUnitId: idOf(r.schoolCode),
    year: r.year,
    values: r.values,
  }));
  const history: StatValuesInsert[] = stats.enrolmentHistory.map((r) => ({
    orgUnitId: idOf(r.schoolCode),
    year: r.year,
    values: r.values,
  }));
  const population: StatValuesInsert[] = stats.population.map((r) => ({
    orgUnitId: idOf(r.areaCode),
    year: r.year,
    values: r.values,
  }));
  await inTransaction(db, async (trx) => {
    await statsRepo.insertMany(trx, "school_stats", schools);
    await statsRepo.insertMany(trx, "enrolment_history", history);
    await statsRepo.insertMany(trx, "population_stats", population);
    // 导入记录 lists the demo's years like imports (not undoable: there is nothing before them)
    for (const year of stats.years) {
      const rows = [...schools, ...population].filter((r) => r.year === year);
      await statsRepo.insertImport(trx, {
        org_unit_id: idOf(county.countyCode),
        year,
        file_name: `演示数据（系统生成，${String(year)}年）`,
        sha256: createHash("sha256").update(JSON.stringify(rows)).digest("hex"),
        rows: rows.length,
        imported_by: actor.userId,
      });
    }
    await recordAudit(trx, actor, {
      action: "stats.import",
      entityType: "stats_import",
      entityId: null,
      details: {
        source: "demo",
        years: stats.years,
        schools: schools.length,
        history: history.length,
        population: population.length,
      },
    });
  });
  // Fresh tables of thousands of rows: let the planner know (as an import does).
  await analyzeAfterImport(db, ["school_stats", "enrolment_history", "population_stats"]);
  return schools.length + history.length + population.length;
}
