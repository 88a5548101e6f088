import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.ts";
import type { OrgUnitRow } from "../schema.ts";
import { scopeOf } from "../scope.ts";
import { createTestDatabase, testEngines } from "../testing.ts";
import { evaluationRepo } from "./evaluation.repo.ts";
import { orgUnitChangeRepo } from "./org-unit-change.repo.ts";
import { orgUnitRepo } from "./org-unit.repo.ts";
import { planRepo } from "./plan.repo.ts";

describe.each(testEngines())("units over time in the repositories on %s", (engine) => {
  let handle: DatabaseHandle;
  let county: OrgUnitRow;
  let east: OrgUnitRow;
  let west: OrgUnitRow;
  let school: OrgUnitRow;
  let teachingPoint: OrgUnitRow;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const db = handle.db;
    county = await orgUnitRepo.insert(db, { code: "620899", name: "测试县", kind: "county" }, null);
    east = await orgUnitRepo.insert(
      db,
      { code: "620899001", name: "东镇", kind: "township", parent_id: county.id },
      county,
    );
    west = await orgUnitRepo.insert(
      db,
      { code: "620899002", name: "西镇", kind: "township", parent_id: county.id },
      county,
    );
    school = await orgUnitRepo.insert(
      db,
      { code: "1620899001", name: "东镇小学", kind: "school", school_type: "primary", parent_id: east.id },
      east,
    );
    teachingPoint = await orgUnitRepo.insert(
      db,
      {
        code: "1620899002",
        name: "新开小学",
        kind: "school",
        school_type: "primary",
        parent_id: east.id,
        opened_on: "2024-03-01",
      },
      east,
    );
  });
  afterAll(async () => {
    await handle.close();
  });

  it("moves a unit with its whole subtree: paths re-prefixed, depths shifted", async () => {
    const moved = await orgUnitRepo.moveSubtree(handle.db, east, west);
    expect(moved.parent_id).toBe(west.id);
    expect(moved.path).toBe(`${west.path}${east.id}/`);
    expect(moved.depth).toBe(west.depth + 1);
    const child = await orgUnitRepo.findById(handle.db, school.id);
    expect(child?.path).toBe(`${west.path}${east.id}/${school.id}/`);
    expect(child?.depth).toBe(west.depth + 2);
    const untouched = await orgUnitRepo.findById(handle.db, west.id);
    expect(untouched?.path).toBe(west.path);
    await orgUnitRepo.moveSubtree(handle.db, moved, county);
    expect((await orgUnitRepo.findById(handle.db, school.id))?.path).toBe(school.path);
  });

  it("lists a year's schools open on 1 September under the names they had then", async () => {
    await orgUnitChangeRepo.insert(handle.db, {
      orgUnitId: school.id,
      kind: "rename",
      effectiveOn: "2024-02-01",
      before: { name: "东镇小学" },
      after: { name: "东镇中心小学" },
      actorId: null,
    });
    await orgUnitRepo.update(handle.db, school.id, { name: "东镇中心小学" });
    const scope = scopeOf(county.path);
    expect((await evaluationRepo.listSchools(handle.db, scope, 2023)).map((s) => s.name)).toEqual([
      "东镇小学",
    ]);
    expect((await evaluationRepo.listSchools(handle.db, scope, 2024)).map((s) => s.name)).toEqual([
      "东镇中心小学",
      "新开小学",
    ]);
    await orgUnitRepo.close(handle.db, teachingPoint.id, "2025-07-01", school.id);
    expect(
      (await evaluationRepo.listBalanceSchools(handle.db, scope, ["primary"], 2025)).map((s) => s.code),
    ).toEqual(["1620899001"]);
    const facts = await orgUnitChangeRepo.listRenamesAndMovesAfter(handle.db, [school.id], "2023-09-01");
    expect(facts).toEqual([
      { orgUnitId: school.id, kind: "rename", effectiveOn: "2024-02-01", before: { name: "东镇小学" } },
    ]);
    expect(await orgUnitChangeRepo.listRenamesAndMovesAfter(handle.db, [school.id], "2024-09-01")).toEqual(
      [],
    );
  });

  it("matches new work only to units still open, while old plans still find a closed one", async () => {
    const db = handle.db;
    const office = await orgUnitRepo.insert(
      db,
      { code: "620899-wsj", name: "测试县卫生局", kind: "department", parent_id: county.id },
      county,
    );
    await orgUnitRepo.close(db, office.id, "2025-01-01", null);
    const names = async (openOn?: string) =>
      (await planRepo.registryUnits(db, scopeOf(county.path), openOn)).map((u) => u.name);
    expect(await names("2024-12-31")).toContain("测试县卫生局");
    expect(await names("2025-01-01")).not.toContain("测试县卫生局");
    expect(await names("2025-06-01")).toContain("东镇");
    expect(await names()).toContain("测试县卫生局");
  });
});
