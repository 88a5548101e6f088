/**
 * Benchmark of issue 6's scale requirement on the embedded database: a synthetic province (1 province,
 * 10 cities, 100 counties, 1,000 townships, 25,000 schools; scripts/synthetic-province.ts) in a PGlite
 * data folder; 9 years of statistics bulk-loaded through the repo and the 10th imported as a real
 * .xlsx workbook (one row per school on each template sheet, plus 人口) through `importStatistics`;
 * then the whole indicator catalogue for every org unit and year through `computeCatalogueTables`,
 * cold and warm. Goals (issue 19, for 25,000 schools; scaled to the schools of a smaller run): the
 * import ≤ 5 s, the catalogue cold < 1 s with peak RSS < 1 GB. Prints the figures, the stages of the
 * catalogue (read, tag + scan, engine) and peak RSS.
 *
 *   node scripts/bench-stats-db.ts [schoolsPerTownship]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  inTransaction,
  attachAuditKey,
  migrate,
  openDatabase,
  orgUnitRepo,
  statsRepo,
  type StatValuesInsert,
  WHOLE_TREE,
} from "@luoshi/db";
import {
  computeCatalogueTables,
  computeIndicators,
  type CatalogueTables,
  importOrgUnits,
  importStatistics,
  parseConfig,
  type Actor,
  type ServiceDeps,
} from "@luoshi/server";
import { isCiRun, reportFigure } from "./bench-goals.ts";
import { writeStatsWorkbook } from "./make-stats-workbook.ts";
import { synthesizeProvince } from "./synthetic-province.ts";

/** The benchmark's audit key (a throwaway database). */
const BENCH_AUDIT_KEY = Buffer.from("luoshi-bench-audit-key-not-for-production");

const SCHOOLS_PER_TOWNSHIP = Number(process.argv[2] ?? (isCiRun() ? 2 : 25));

/** A full collection before each timed run (scripts/bench.ts passes --expose-gc). */
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
/** Peak resident set size of the process so far (the kernel's high-water mark), in MB. */
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const t = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t };
};

const dataDir = mkdtempSync(join(tmpdir(), "luoshi-bench-stats-"));
try {
  const handle = await openDatabase({ engine: "pglite", dataDir: join(dataDir, "db") });
  await migrate(handle);
  attachAuditKey(handle.db, BENCH_AUDIT_KEY);
  const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
  const actor: Actor = {
    userId: null,
    login: "bench",
    role: "bureauPlanner",
    orgUnitId: null,
    scope: WHOLE_TREE,
    clientIp: null,
    requestId: null,
  };

  /**
   * Generates, stores and imports the province. A function of its own so that the generated records
   * (a gigabyte of objects) are garbage once it returns: a server holds none of them, and a heap that
   * large slows every collection during the computation being measured.
   */
  const load = async () => {
    const province = synthesizeProvince({ schoolsPerTownship: SCHOOLS_PER_TOWNSHIP });
    const { years } = province;
    const importYear = years[years.length - 1] ?? 2024;
    const schools = province.units.filter((u) => u.kind === "school").length;

    const units = await timed(() => importOrgUnits(deps, actor, province.units, "bench.org"));
    const ids = await orgUnitRepo.idsByCode(handle.db);
    const toInsert = (code: string, year: number, values: StatValuesInsert["values"]): StatValuesInsert => ({
      orgUnitId: ids.get(code) ?? "",
      year,
      values,
    });
    const bulk = await timed(async () => {
      await inTransaction(handle.db, async (trx) => {
        const before = province.records.filter((r) => r.year !== importYear);
        await statsRepo.insertMany(
          trx,
          "school_stats",
          before.map((r) => toInsert(r.schoolCode, r.year, r.values)),
        );
        await statsRepo.insertMany(
          trx,
          "enrolment_history",
          province.history.map((r) => toInsert(r.schoolCode, r.year, r.values)),
        );
        await statsRepo.insertMany(
          trx,
          "population_stats",
          province.population
            .filter((r) => r.year !== importYear)
            .map((r) => toInsert(r.areaCode, r.year, r.values)),
        );
      });
      // As an import does after it commits: the planner's row counts for the rows just written.
      await statsRepo.analyze(handle.db, ["school_stats", "enrolment_history", "population_stats"]);
      return years.length - 1;
    });

    const bookFile = join(dataDir, `${importYear}.xlsx`);
    const book = await timed(async () => {
      await writeStatsWorkbook(province, importYear, bookFile);
      return readFileSync(bookFile);
    });
    const imported = await timed(() =>
      importStatistics(deps, actor, { fileName: `${importYear}.xlsx`, year: importYear, bytes: book.value }),
    );
    return {
      years,
      importYear,
      schools,
      unitCount: province.units.length,
      units,
      bulk,
      book: { ms: book.ms, bytes: book.value.length },
      imported,
    };
  };
  const { years, importYear, schools, unitCount, units, bulk, book, imported } = await load();
  const importPeak = peakRssMb();
  const root = await orgUnitRepo.findByCode(handle.db, "990000");
  if (root === undefined) {
    throw new Error("province not loaded");
  }
  const input = { orgUnitId: root.id, from: years[0] ?? importYear, to: importYear };
  /**
   * One timed computation; only its figures are kept (a server drops a table once it is sent, and a
   * kept one would slow the collections of the next run). `check` may look at the table first.
   */
  const run = async (deps: ServiceDeps, check?: (r: CatalogueTables) => Promise<void>) => {
    gc();
    const { value, ms } = await timed(() => computeCatalogueTables(deps, actor, input));
    const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    await check?.(value);
    const { timings, rowsRead, units, indicators } = value;
    return {
      ms,
      rss,
      timings,
      rowsRead,
      units: units.length,
      years: value.years.length,
      indicators: indicators.length,
    };
  };
  // The first read of freshly written rows also writes their pages back (PostgreSQL sets hint bits;
  // PGlite runs no autovacuum): timed apart from a computation in a freshly opened database.
  const first = await run(deps);
  await handle.close();
  const reopened = await openDatabase({ engine: "pglite", dataDir: join(dataDir, "db") });
  const fresh: ServiceDeps = { ...deps, handle: reopened };
  const cold = await run(fresh);
  // Spot check: one county, the imported year, against the per-unit computation.
  let mismatches = 0;
  const warm = await run(fresh, async (table) => {
    const county = await orgUnitRepo.findByCode(reopened.db, "990101");
    const one = await computeIndicators(fresh, actor, { orgUnitId: county?.id ?? "", year: importYear });
    for (const item of one.items) {
      if (table.cell(item.code, "990101", importYear).display !== item.display) {
        mismatches++;
      }
    }
  });
  await reopened.close();

  const r = cold;
  const cells = r.units * r.years * r.indicators;
  const t = (x: typeof r.timings): string =>
    `read ${seconds(x.readMs)} s, tag + scan ${seconds(x.prepareMs)} s, engine ${seconds(x.evaluateMs)} s`;
  console.log(
    `schools ${schools}, org units ${unitCount}, years ${years.length} (${input.from}–${input.to})`,
  );
  console.log(
    `org units insert ${seconds(units.ms)} s | bulk load of ${bulk.value} years ${seconds(bulk.ms)} s`,
  );
  console.log(
    `import ${importYear}.xlsx (${(book.bytes / 1024 / 1024).toFixed(1)} MB, ${imported.value.rows} rows: ` +
      `${imported.value.schools} schools, ${imported.value.areas} 乡镇; built in ${seconds(book.ms)} s): ` +
      `${seconds(imported.ms)} s`,
  );
  console.log(
    `catalogue: ${r.indicators} indicators × ${r.units} units × ${r.years} years = ` +
      `${cells} values from ${r.rowsRead} rows`,
  );
  console.log(`  first after the load ${seconds(first.ms)} s (${t(first.timings)})`);
  console.log(`  cold (database reopened) ${seconds(cold.ms)} s (${t(r.timings)})`);
  console.log(`  warm ${seconds(warm.ms)} s (${t(warm.timings)})`);
  console.log(`spot check 990101 ${importYear} against computeIndicators: ${mismatches} mismatches`);
  console.log(
    `peak rss ${peakRssMb()} MB (${importPeak} MB by the end of the import); ` +
      `rss just after the cold computation ${cold.rss} MB`,
  );
  const scale = schools / 25_000;
  reportFigure({
    name: "province statistics import into the database",
    value: imported.ms / 1000,
    goal: 5,
    unit: "s",
    scale,
  });
  reportFigure({
    name: "indicator catalogue of a province, cold",
    value: cold.ms / 1000,
    goal: 1,
    unit: "s",
    scale,
  });
  reportFigure({
    name: "indicator catalogue of a province, peak RSS",
    value: peakRssMb(),
    goal: 1024,
    unit: "MB",
  });
  if (mismatches > 0) {
    process.exitCode = 1;
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
