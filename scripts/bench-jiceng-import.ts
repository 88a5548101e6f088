/**
 * Benchmark of the 基层表 import on the demo county (崆峒区, 2024, 357 schools): every school's
 * workbook in the 教基 layout plus a supplement, zipped, then `importStatistics` on a fresh PGlite
 * database, timed by stage (读取 covers unzipping, reading every workbook and turning it into the
 * template's sheets). Also the size of the archive, and reading the same schools from one cross-school
 * export against reading them from their own workbooks (grids in memory, no .xlsx parsing). Target: a
 * county's archive in under 60 s.
 *
 *   node scripts/bench-jiceng-import.ts [year=2024]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { orgUnitRepo, scopeOf } from "@luoshi/db";
import { createTestDatabase } from "@luoshi/db/testing";
import { generateDemoCounty } from "@luoshi/domain/demo";
import type { SchoolAttributes } from "@luoshi/domain/org";
import {
  crossSchoolWorkbook,
  generateDemoStatistics,
  jicengGenerationFor,
  jicengWorkbook,
  readJicengUpload,
  supplementWorkbook,
  withFineClassBands,
} from "@luoshi/domain/stats";
import {
  importOrgUnits,
  importStatistics,
  jicengArchive,
  parseConfig,
  systemActor,
  type ServiceDeps,
  type StatsImportStage,
} from "@luoshi/server";

const YEAR = Number(process.argv[2] ?? 2024);
const dir = mkdtempSync(join(tmpdir(), "luoshi-bench-jiceng-"));
try {
  const county = generateDemoCounty();
  const stats = generateDemoStatistics(county, [YEAR]);
  const schools = new Map(
    county.units
      .filter((u): u is typeof u & { school: SchoolAttributes } => u.school !== undefined)
      .map((u) => [u.code, u]),
  );
  const records = stats.records.map((r) => ({
    ...r,
    values: withFineClassBands(r.values as Record<string, number>),
  }));
  let t = performance.now();
  const books = records.map((r) => {
    const s = schools.get(r.schoolCode);
    if (s === undefined) {
      throw new Error(r.schoolCode);
    }
    return jicengWorkbook({ code: s.code, name: s.name, attributes: s.school }, YEAR, r.values);
  });
  books.push(supplementWorkbook(YEAR, records, stats.population));
  const bytes = await jicengArchive(books);
  console.log(
    `built ${books.length} workbooks, archive ${(bytes.length / 1024 / 1024).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`,
  );

  const generation = jicengGenerationFor(YEAR);
  if (generation === undefined) {
    throw new Error(`no 基层表 layout for ${String(YEAR)}`);
  }
  const export_ = crossSchoolWorkbook(books.slice(0, -1), generation, "全县基层表.xlsx");
  t = performance.now();
  readJicengUpload(books, YEAR);
  const own = performance.now() - t;
  t = performance.now();
  const fromExport = readJicengUpload([export_, ...books.slice(-1)], YEAR);
  const cross = performance.now() - t;
  console.log(
    `read ${String(fromExport.workbooks)} schools from their own workbooks in ${(own / 1000).toFixed(2)} s, ` +
      `from one cross-school export in ${(cross / 1000).toFixed(2)} s`,
  );

  const handle = await createTestDatabase("pglite");
  const parsed = parseConfig({ LUOSHI_DATA_DIR: dir, NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
  await importOrgUnits(deps, systemActor("bench"), county.units);
  const unit = await orgUnitRepo.findByCode(handle.db, "620802");
  if (unit === undefined) {
    throw new Error("no county");
  }
  const actor = { ...systemActor("bench"), role: "bureauPlanner" as const, scope: scopeOf(unit.path) };
  const stageStart = new Map<StatsImportStage, number>();
  const stageTime = new Map<StatsImportStage, number>();
  t = performance.now();
  const result = await importStatistics(
    deps,
    actor,
    { fileName: `基层表 ${String(YEAR)}.zip`, year: YEAR, bytes },
    (done, total, stage) => {
      if (!stageStart.has(stage)) {
        stageStart.set(stage, performance.now());
      }
      if (done === total) {
        stageTime.set(stage, performance.now() - (stageStart.get(stage) ?? 0));
      }
    },
  );
  const total = performance.now() - t;
  const s = (stage: StatsImportStage) => `${((stageTime.get(stage) ?? 0) / 1000).toFixed(1)} s`;
  console.log(
    `imported ${String(result.schools)} schools, ${String(result.areas)} 乡镇, ${String(result.rows)} template rows: ` +
      `读取 ${s("reading")}, 校验 ${s("validating")}, 写入 ${s("writing")}, total ${(total / 1000).toFixed(1)} s`,
  );
  await handle.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
