import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoCounty } from "@luoshi/domain/demo";
import type { OrgUnitSeed, SchoolAttributes } from "@luoshi/domain/org";
import {
  generateDemoStatistics,
  jicengWorkbook,
  supplementWorkbook,
  withFineClassBands,
  type GridWorkbook,
  type SchoolYearRecord,
} from "@luoshi/domain/stats";
import { WHOLE_TREE, auditRepo, orgUnitRepo, scopeOf, statsRepo, type DatabaseHandle } from "@luoshi/db";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import { systemActor, type Actor, type ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { jicengArchive } from "../../reports/jiceng-workbook.ts";
import { writeStatsWorkbook } from "../../reports/stats-workbook.ts";
import { evaluateBalance } from "../evaluation/evaluation.service.ts";
import { getPreschool } from "../evaluation/supervision/preschool.service.ts";
import { importOrgUnits } from "../org/org-import.service.ts";
import { importStatistics } from "./stats-import.service.ts";
import { computeIndicators } from "./stats-indicators.service.ts";

/** 2020 is read in the 基础基 layout, 2024 in the 教基 layout. */
const YEARS = [2020, 2024] as const;
const COUNTY = "620802";

/** The demo county with three schools of every 办学类型 (and the 完小 their 教学点 belong to). */
function smallCounty(): { units: OrgUnitSeed[]; schools: (OrgUnitSeed & { school: SchoolAttributes })[] } {
  const county = generateDemoCounty();
  const all = county.units.filter(
    (u): u is OrgUnitSeed & { school: SchoolAttributes } => u.school !== undefined,
  );
  const picked = new Set<string>();
  for (const type of new Set(all.map((u) => u.school.schoolType))) {
    for (const u of all.filter((s) => s.school.schoolType === type).slice(0, 3)) {
      picked.add(u.code);
      if (u.school.parentSchoolCode !== undefined) {
        picked.add(u.school.parentSchoolCode);
      }
    }
  }
  const schools = all.filter((u) => picked.has(u.code));
  return { units: county.units.filter((u) => u.school === undefined || picked.has(u.code)), schools };
}

const WORLD = smallCounty();
const DEMO = generateDemoStatistics(generateDemoCounty(), [...YEARS]);
const codes = new Set(WORLD.schools.map((s) => s.code));
/** The records both paths import: the demo's, with the 5-wide 班额 halves the 基层表 prints. */
const RECORDS: SchoolYearRecord[] = DEMO.records
  .filter((r) => codes.has(r.schoolCode))
  .map((r) => ({ ...r, values: withFineClassBands(r.values as Record<string, number>) }));

function workbooksOf(year: number): GridWorkbook[] {
  const records = RECORDS.filter((r) => r.year === year);
  const books = records.map((r) => {
    const s = WORLD.schools.find((u) => u.code === r.schoolCode);
    if (s === undefined) {
      throw new Error(r.schoolCode);
    }
    return jicengWorkbook({ code: s.code, name: s.name, attributes: s.school }, year, r.values);
  });
  return [
    ...books,
    supplementWorkbook(
      year,
      records,
      DEMO.population.filter((p) => p.year === year),
    ),
  ];
}

async function templateBytes(year: number): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-jiceng-"));
  try {
    const file = join(dir, "template.xlsx");
    await writeStatsWorkbook(
      {
        year,
        names: new Map(WORLD.units.map((u) => [u.code, u.name])),
        records: RECORDS,
        population: DEMO.population,
      },
      file,
    );
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Files built once for both engines. */
const files = new Map<string, Uint8Array>();
async function file(kind: "template" | "jiceng", year: number): Promise<Uint8Array> {
  const key = `${kind}|${year}`;
  let bytes = files.get(key);
  if (bytes === undefined) {
    bytes = kind === "template" ? await templateBytes(year) : await jicengArchive(workbooksOf(year));
    files.set(key, bytes);
  }
  return bytes;
}

interface World {
  handle: DatabaseHandle;
  deps: ServiceDeps;
  actor: Actor;
  countyId: string;
  /** Unit ids → codes, to compare answers of two databases. */
  codeOf: Map<string, string>;
}

async function world(engine: "pglite" | "postgres"): Promise<World> {
  const handle = await createTestDatabase(engine);
  const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
  await importOrgUnits(deps, systemActor("test"), WORLD.units);
  const county = await orgUnitRepo.findByCode(handle.db, COUNTY);
  if (county === undefined) {
    throw new Error("no county");
  }
  const codeOf = new Map<string, string>();
  for (const u of WORLD.units) {
    const row = await orgUnitRepo.findByCode(handle.db, u.code);
    if (row !== undefined) {
      codeOf.set(row.id, u.code);
    }
  }
  const actor: Actor = { ...systemActor("test"), role: "bureauPlanner", scope: scopeOf(county.path) };
  return { handle, deps, actor, countyId: county.id, codeOf };
}

/** An answer with every unit id replaced by the unit's code, without the units' row timestamps. */
function byCode(w: World, answer: unknown): unknown {
  const text = JSON.stringify(answer).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    (id) => w.codeOf.get(id) ?? id,
  );
  // when each database created its units differs; nothing else may
  return JSON.parse(text, (key, value: unknown) =>
    key === "created_at" || key === "updated_at" ? undefined : value,
  ) as unknown;
}

describe.each(testEngines())("基层表 import on %s", (engine) => {
  let viaTemplate: World;
  let viaJiceng: World;
  beforeAll(async () => {
    viaTemplate = await world(engine);
    viaJiceng = await world(engine);
  }, 300_000);
  afterAll(async () => {
    await viaTemplate.handle.close();
    await viaJiceng.handle.close();
  });

  it("refuses a malformed workbook with its 表号, 行代码 and 栏号, and writes nothing", async () => {
    const books = workbooksOf(2024);
    const at = books.findIndex((w) => w.sheets.some((s) => s.name.startsWith("教基3112")));
    const first = books[at];
    if (first === undefined) {
      throw new Error("no 小学 workbook");
    }
    // 小学 在校生数 (行代码 01, 栏号 2) written in words
    books[at] = {
      ...first,
      sheets: first.sheets.map((s) =>
        s.name.startsWith("教基3112")
          ? { ...s, rows: s.rows.map((r) => (r[1] === "01" ? [r[0], r[1], r[2], "三百", ...r.slice(4)] : r)) }
          : s,
      ),
    };
    const bytes = await jicengArchive(books);
    const error = await importStatistics(viaJiceng.deps, viaJiceng.actor, {
      fileName: "坏的基层表.zip",
      year: 2024,
      bytes,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe("validation-failed");
    expect(e.message).toMatch(/基层表有 1 处错误，未导入：.*表 教基3112 行代码 01 栏号 2：“三百”不是数字/);
    expect(e.message).toContain(first.fileName);
    expect(
      await statsRepo.listInScope(viaJiceng.handle.db, "school_stats", viaJiceng.actor.scope, 2024, 2024),
    ).toEqual([]);
  }, 120_000);

  it("gives exactly the indicators and evaluations of the same data imported through the template", async () => {
    for (const year of YEARS) {
      const t = await importStatistics(viaTemplate.deps, viaTemplate.actor, {
        fileName: `模板 ${year}.xlsx`,
        year,
        bytes: await file("template", year),
      });
      const j = await importStatistics(viaJiceng.deps, viaJiceng.actor, {
        fileName: `基层表 ${year}.zip`,
        year,
        bytes: await file("jiceng", year),
      });
      expect(j.schools).toBe(t.schools);
      expect(j.areas).toBe(t.areas);
      expect(j.changedValues).toBe(t.changedValues);
      expect(j.warnings.map((w) => w.message)).toEqual(t.warnings.map((w) => w.message));
    }
    for (const year of YEARS) {
      const stored = async (w: World) =>
        (await statsRepo.listInScope(w.handle.db, "school_stats", w.actor.scope, year, year))
          .map((r) => [r.code, r.values] as const)
          .sort(([a], [b]) => a.localeCompare(b));
      expect(await stored(viaJiceng)).toEqual(await stored(viaTemplate));

      const answers = async (w: World) =>
        byCode(w, {
          indicators: await computeIndicators(w.deps, w.actor, { orgUnitId: w.countyId, year }),
          balance: await evaluateBalance(w.deps, w.actor, { orgUnitId: w.countyId, year }),
          preschool: await getPreschool(w.deps, w.actor, { orgUnitId: w.countyId, year }),
        });
      const fromJiceng = await answers(viaJiceng);
      expect(fromJiceng).toEqual(await answers(viaTemplate));
      expect(JSON.stringify(fromJiceng)).toMatch(/"value":\s*[1-9]/);
    }
    // the import left its audit row, naming the .zip
    const audit = await auditRepo.list(viaJiceng.handle.db, {
      scope: WHOLE_TREE,
      action: "stats.import",
      limit: 10,
      offset: 0,
    });
    expect(audit.rows.map((a) => (a.details as { fileName?: string }).fileName)).toEqual(
      expect.arrayContaining(["基层表 2020.zip", "基层表 2024.zip"]),
    );
  }, 600_000);
});
