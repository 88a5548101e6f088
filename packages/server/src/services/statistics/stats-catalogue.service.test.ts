import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoCounty } from "@luoshi/domain/demo";
import { orgUnitRepo, type DatabaseHandle, scopeOf } from "@luoshi/db";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import { systemActor, type Actor, type ServiceDeps } from "../../context.ts";
import { importOrgUnits } from "../org/org-import.service.ts";
import { computeCatalogueTables } from "./stats-catalogue.service.ts";
import { readValuesInto } from "./stats-columns.ts";
import { loadDemoStatistics } from "../demo/stats-demo.service.ts";
import { computeIndicators } from "./stats-indicators.service.ts";
import { listStatsImports } from "./stats-import-history.service.ts";

describe("readValuesInto", () => {
  const columns = () =>
    new Map([
      ["a", new Float64Array(3)],
      ["b.c", new Float64Array(3)],
      ["x", new Float64Array(3)],
    ]);
  const at = (cols: Map<string, Float64Array>, row: number) =>
    Object.fromEntries([...cols].map(([k, c]) => [k, c[row]]));

  it("writes the wanted keys of jsonb text into one row, skipping the others", () => {
    const cols = columns();
    const text = `junk{"a": 12, "b.c": -3.25, "skip": 99, "x": 1e3}tail`;
    readValuesInto(text, 4, text.length - 4, 1, cols);
    expect(at(cols, 1)).toEqual({ a: 12, "b.c": -3.25, x: 1000 });
    expect(at(cols, 0)).toEqual({ a: 0, "b.c": 0, x: 0 });
  });

  it("reads large integers and empty objects", () => {
    const cols = columns();
    const big = `{"a": 1234567890123456789}`;
    readValuesInto(big, 0, big.length, 0, cols);
    expect(cols.get("a")?.[0]).toBe(Number("1234567890123456789"));
    readValuesInto("{}", 0, 2, 2, cols);
    expect(at(cols, 2)).toEqual({ a: 0, "b.c": 0, x: 0 });
  });

  it("keeps rows apart when keys change position or share a prefix", () => {
    const cols = columns();
    const rows = [`{"a": 1, "x": 2}`, `{"ab": 5, "x": 3}`, `{"a": 7, "b.c": 8}`];
    rows.forEach((text, row) => {
      readValuesInto(text, 0, text.length, row, cols);
    });
    expect([0, 1, 2].map((r) => at(cols, r))).toEqual([
      { a: 1, "b.c": 0, x: 2 },
      { a: 0, "b.c": 0, x: 3 },
      { a: 7, "b.c": 8, x: 0 },
    ]);
  });

  it("reads escaped keys, and null or text values as the engine does", () => {
    const cols = columns();
    const text = `{"a": null, "b.c": "7", "q\\"uote": 1, "x": 2}`;
    readValuesInto(text, 0, text.length, 0, cols);
    expect(at(cols, 0)).toEqual({ a: 0, "b.c": 7, x: 2 });
  });
});

describe.each(testEngines())("computeCatalogueTables on %s", (engine) => {
  let handle: DatabaseHandle;
  let deps: ServiceDeps;
  let leader: Actor;
  let countyId: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", NODE_ENV: "test" });
    if (parsed.config === undefined) {
      throw new Error(parsed.problems.join("; "));
    }
    deps = { handle, config: parsed.config, now: () => new Date() };
    const county = generateDemoCounty();
    await importOrgUnits(deps, systemActor("test"), county.units);
    await loadDemoStatistics(deps, systemActor("test"), county);
    const unit = await orgUnitRepo.findByCode(handle.db, "620802");
    if (unit === undefined) {
      throw new Error("demo county missing");
    }
    countyId = unit.id;
    leader = { ...systemActor("test"), role: "leader", scope: scopeOf(unit.path) };
  }, 120_000);
  afterAll(async () => {
    await handle.close();
  });

  it("lists the demo's loaded years in 导入记录", async () => {
    const { rows } = await listStatsImports(deps, leader, { page: 1, pageSize: 20 });
    expect(rows.map((r) => r.year).sort()).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(rows[0]?.fileName).toMatch(/演示数据/);
  });

  it("equals the per-unit computation for every indicator of sampled units and years", async () => {
    const all = await computeCatalogueTables(deps, leader, { orgUnitId: countyId, from: 2016, to: 2024 });
    expect(all.root.code).toBe("620802");
    expect(all.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(all.units[0]?.code).toBe("620802");
    const schools = all.units.filter((u) => u.kind === "school");
    const townships = all.units.filter((u) => u.kind === "township");
    expect(schools.length).toBeGreaterThan(300);
    expect(all.units.some((u) => u.kind === "department")).toBe(false);
    const sample = [
      all.units[0],
      townships[0],
      townships[5],
      schools.find((s) => s.name.includes("幼儿园")),
      schools.find((s) => s.name.includes("中学")),
      schools[7],
    ];
    let compared = 0;
    let defined = 0;
    for (const u of sample) {
      expect(u).toBeDefined();
      for (const year of [2016, 2020, 2024]) {
        const one = await computeIndicators(deps, leader, { orgUnitId: u?.id ?? "", year });
        for (const item of one.items) {
          const cell = all.cell(item.code, u?.code ?? "", year);
          expect({ unit: u?.code, year, code: item.code, display: cell.display }).toEqual({
            unit: u?.code,
            year,
            code: item.code,
            display: item.display,
          });
          if (item.value === null) {
            expect(cell.value).toBeNull();
          } else {
            defined++;
            expect(cell.value).toBeCloseTo(item.value, 9);
          }
          if (item.numerator !== null) {
            expect(cell.numerator).toBeCloseTo(item.numerator, 6);
            expect(cell.denominator).toBeCloseTo(item.denominator ?? Number.NaN, 6);
          }
          compared++;
        }
      }
    }
    expect(compared).toBe(sample.length * 3 * all.indicators.length);
    // Most cells hold a value: the comparison is not of empty tables.
    expect(defined).toBeGreaterThan(compared / 2);
  }, 120_000);

  it("lists only the kinds asked for, and refuses units outside the scope and bad year ranges", async () => {
    const counties = await computeCatalogueTables(deps, leader, {
      orgUnitId: countyId,
      from: 2020,
      to: 2020,
      kinds: ["county", "township"],
    });
    expect(new Set(counties.units.map((u) => u.kind))).toEqual(new Set(["county", "township"]));
    const province = await orgUnitRepo.findByCode(handle.db, "620000");
    await expect(
      computeCatalogueTables(deps, leader, { orgUnitId: province?.id ?? "", from: 2020, to: 2020 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      computeCatalogueTables(deps, leader, { orgUnitId: countyId, from: 2021, to: 2020 }),
    ).rejects.toMatchObject({ code: "validation-failed" });
    await expect(
      computeCatalogueTables(deps, leader, { orgUnitId: countyId, from: 1990, to: 2024 }),
    ).rejects.toMatchObject({ code: "validation-failed" });
    await expect(
      computeCatalogueTables(deps, { ...leader, role: null }, { orgUnitId: countyId, from: 2020, to: 2020 }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
