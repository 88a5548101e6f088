/**
 * Benchmark of 统计数据导入 on the embedded database: a synthetic province's org units in a fresh PGlite
 * directory, one year written as a template workbook, then `importStatistics` timed by stage (读取, 校验,
 * 写入) — first import, then a re-import of the same year (replace + change diff). Goal (issue 19): the
 * first import's read + check of 5,000 schools ≤ 1 s (scaled for other sizes).
 * Run: node scripts/bench-stats-import.ts [schoolsPerTownship=5] [sheets]
 * (5 per township = 5,000 schools ≈ 25,000 rows over the six sheets; 25 = 25,000 schools, 126,000 rows).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attachAuditKey, migrate, openDatabase, orgUnitRepo, scopeOf } from "@luoshi/db";
import {
  AppError,
  importOrgUnits,
  importStatistics,
  parseConfig,
  systemActor,
  type ServiceDeps,
  type StatsImportStage,
} from "@luoshi/server";
import { isCiRun, reportFigure } from "./bench-goals.ts";
import { writeStatsWorkbook } from "./make-stats-workbook.ts";
import { synthesizeProvince } from "./synthetic-province.ts";

/** The benchmark's audit key (a throwaway database). */
const BENCH_AUDIT_KEY = Buffer.from("luoshi-bench-audit-key-not-for-production");

const perTownship = Number(process.argv[2] ?? (isCiRun() ? 1 : 5));
const sheets = (process.argv[3] ?? "").split(",").filter((s) => s !== "");
const dir = mkdtempSync(join(tmpdir(), "luoshi-bench-stats-import-"));
try {
  const handle = await openDatabase({ engine: "pglite", dataDir: join(dir, "db") });
  await migrate(handle);
  attachAuditKey(handle.db, BENCH_AUDIT_KEY);
  const parsed = parseConfig({ LUOSHI_DATA_DIR: dir, NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
  const province = synthesizeProvince({ schoolsPerTownship: perTownship });
  await importOrgUnits(deps, systemActor("bench"), province.units);
  const year = province.years.at(-1) ?? 2024;
  const file = join(dir, "stats.xlsx");
  const rows = await writeStatsWorkbook(province, year, file, sheets);
  const bytes = readFileSync(file);
  const root = await orgUnitRepo.findByCode(handle.db, "990000");
  if (root === undefined) {
    throw new Error("the synthetic province's root unit 990000 was not imported");
  }
  const actor = { ...systemActor("bench"), role: "bureauPlanner" as const, scope: scopeOf(root.path) };
  const schools = province.units.filter((u) => u.kind === "school").length;
  console.log(
    `${schools} schools, ${rows} rows in ${sheets.length === 0 ? "6" : sheets.length} sheets, ${(bytes.length / 1024 / 1024).toFixed(1)} MB`,
  );

  for (const label of ["first import", "re-import"]) {
    const stageStart = new Map<StatsImportStage, number>();
    const t0 = performance.now();
    try {
      const result = await importStatistics(
        deps,
        actor,
        { fileName: "stats.xlsx", year, bytes },
        (_d, _t, s) => {
          if (!stageStart.has(s)) {
            stageStart.set(s, performance.now());
          }
        },
      );
      const t1 = performance.now();
      const at = (s: StatsImportStage) => stageStart.get(s) ?? t1;
      if (label === "first import") {
        reportFigure({
          name: "statistics import of 5,000 schools, read + check",
          value: (at("writing") - t0) / 1000,
          goal: 1,
          unit: "s",
          scale: schools / 5000,
        });
      }
      console.log(
        `${label}: ${((t1 - t0) / 1000).toFixed(2)} s (读取 ${((at("validating") - t0) / 1000).toFixed(2)} s, 校验 ${((at("writing") - at("validating")) / 1000).toFixed(2)} s, 写入 ${((t1 - at("writing")) / 1000).toFixed(2)} s); ${result.schools} schools, ${result.areas} areas, ${result.changedValues} changed values, ${result.warnings.length} warnings`,
      );
    } catch (error) {
      const t1 = performance.now();
      const problems =
        error instanceof AppError ? JSON.stringify(error.details?.["problems"]).slice(0, 600) : "";
      console.log(`${label}: refused after ${((t1 - t0) / 1000).toFixed(2)} s: ${String(error)} ${problems}`);
    }
  }
  await handle.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
