import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { DatabaseHandle } from "../client.ts";
import { scopeOf, WHOLE_TREE } from "../scope.ts";
import { createTestDatabase, testEngines } from "../testing.ts";
import { orgUnitRepo } from "./org-unit.repo.ts";
import { statsRepo } from "./stats.repo.ts";

describe.each(testEngines())("statsRepo on %s", (engine) => {
  let handle: DatabaseHandle;
  let countyPath: string;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const county = await orgUnitRepo.insert(
      handle.db,
      { kind: "county", code: "990101", name: "测试县" },
      null,
    );
    countyPath = county.path;
    const rows = Array.from({ length: 12 }, (_, i) => ({
      orgUnitId: county.id,
      year: 2010 + i,
      values: { a: i },
    }));
    await statsRepo.insertMany(handle.db, "population_stats", rows);
  });
  afterAll(async () => {
    await handle.close();
  });

  const estimate = async (table: string): Promise<number> => {
    const r = await sql<{
      n: number;
    }>`SELECT reltuples::int AS n FROM pg_class WHERE relname = ${table}`.execute(handle.db);
    return Number(r.rows[0]?.n);
  };

  it("analyze gives the planner the row count a bulk write left", async () => {
    await statsRepo.analyze(handle.db, ["population_stats"]);
    expect(await estimate("population_stats")).toBe(12);
  });

  it("reads back what insertMany wrote, within the scope only", async () => {
    const inCounty = await statsRepo.listInScope(
      handle.db,
      "population_stats",
      scopeOf(countyPath),
      2020,
      2021,
    );
    expect(inCounty.map((r) => [r.year, r.values])).toEqual([
      [2020, { a: 10 }],
      [2021, { a: 11 }],
    ]);
    expect(
      await statsRepo.listInScope(handle.db, "population_stats", scopeOf("/nowhere/"), 2010, 2021),
    ).toEqual([]);
    const packed = await statsRepo.listPackedInScope(handle.db, "population_stats", WHOLE_TREE, 2021, 2021);
    expect(packed.map((p) => p.count)).toEqual([1]);
  });
});
