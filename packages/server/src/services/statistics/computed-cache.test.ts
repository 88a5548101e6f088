import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataVersionRepo, orgUnitRepo, statsRepo, type DatabaseHandle } from "@luoshi/db";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import { systemActor } from "../../context.ts";
import { importOrgUnits } from "../org/org-import.service.ts";
import { byStatisticsVersion } from "./computed-cache.ts";

describe.each(testEngines())("results kept per statistics version on %s", { timeout: 120_000 }, (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await handle.close();
  });

  it("computes once for many callers, and again after any change to what results come from", async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { n: computed };
    };
    const db = handle.db;
    const first = await Promise.all(Array.from({ length: 10 }, () => byStatisticsVersion(db, "k", compute)));
    expect(computed).toBe(1);
    expect(new Set(first.map((r) => r.n))).toEqual(new Set([1]));
    expect((await byStatisticsVersion(db, "other key", compute)).n).toBe(2);

    // Org units: the database bumps the version itself.
    const before = await dataVersionRepo.statistics(db);
    const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", NODE_ENV: "test" });
    if (parsed.config === undefined) {
      throw new Error(parsed.problems.join("; "));
    }
    await importOrgUnits({ handle, config: parsed.config, now: () => new Date() }, systemActor("test"), [
      { code: "990000", name: "合成县", kind: "county" },
      {
        code: "9900000001",
        name: "合成小学",
        kind: "school",
        parentCode: "990000",
        school: { schoolType: "primary", ownership: "public", urbanRural: "urban", isInclusive: false },
      },
    ]);
    expect(await dataVersionRepo.statistics(db)).toBeGreaterThan(before);
    expect((await byStatisticsVersion(db, "k", compute)).n).toBe(3);
    expect((await byStatisticsVersion(db, "k", compute)).n).toBe(3);

    // School statistics written by anyone: kept results are stale.
    const school = await orgUnitRepo.findByCode(db, "9900000001");
    await statsRepo.insertMany(db, "school_stats", [
      { orgUnitId: school?.id ?? "", year: 2024, values: { "students.primary": 100 } },
    ]);
    expect((await byStatisticsVersion(db, "k", compute)).n).toBe(4);
  });

  it("keeps no failure", async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error("no statistics"));
    };
    await expect(byStatisticsVersion(handle.db, "fails", failing)).rejects.toThrow("no statistics");
    await expect(byStatisticsVersion(handle.db, "fails", failing)).rejects.toThrow("no statistics");
    expect(calls).toBe(2);
  });
});
