import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnitRepo, statsRepo, type DatabaseHandle, type StatsTable } from "@luoshi/db";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { analyzeAfterImport } from "./stats-import-write.ts";

describe.each(testEngines())("analyzeAfterImport on %s", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const county = await orgUnitRepo.insert(
      handle.db,
      { kind: "county", code: "990101", name: "测试县" },
      null,
    );
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

  // That ANALYZE leaves the planner the row count is checked on statsRepo.analyze (packages/db).
  it("refreshes the planner's statistics without a warning", async () => {
    const warnings: string[] = [];
    await analyzeAfterImport(handle.db, ["population_stats"], (m) => warnings.push(m));
    expect(warnings).toEqual([]);
  });

  it("only warns when ANALYZE fails: the import stands", async () => {
    const warnings: string[] = [];
    await expect(
      analyzeAfterImport(handle.db, ["no_such_table" as StatsTable], (m) => warnings.push(m)),
    ).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^统计数据已导入，但更新 no_such_table 的查询统计信息（ANALYZE）失败：/);
  });
});
