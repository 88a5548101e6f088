import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.ts";
import { orgUnitRepo } from "./repos/org-unit.repo.ts";
import { inScope, narrowScope, scopeContains, scopeOf, WHOLE_TREE } from "./scope.ts";
import { createTestDatabase, testEngines } from "./testing.ts";

describe("narrowScope", () => {
  const county = scopeOf("/c/");
  it.each([
    ["a unit inside the scope narrows it to the unit's subtree", "/c/s1/", "/c/s1/"],
    ["the scope's own unit leaves it as it is", "/c/", "/c/"],
    ["a unit above the scope cannot widen it", "/", "/c/"],
    ["another county's unit meets nothing", "/d/", null],
    ["a sibling whose path shares a prefix meets nothing", "/c2/", null],
  ])("%s", (_name, unitPath, expected) => {
    expect(narrowScope(county, unitPath)?.path ?? null).toBe(expected);
  });

  it("refuses a value that is not a materialised path", () => {
    expect(() => scopeOf("c/")).toThrow(/not an org-unit path/);
    expect(() => scopeOf("/c")).toThrow(/not an org-unit path/);
  });

  it("contains exactly the units below the scope's path", () => {
    expect(scopeContains(county, "/c/x/")).toBe(true);
    expect(scopeContains(county, "/cx/")).toBe(false);
    expect(scopeContains(WHOLE_TREE, "/anything/")).toBe(true);
  });
});

describe.each(testEngines())("inScope on %s", (engine) => {
  let handle: DatabaseHandle;
  const ids: Record<string, { id: string; path: string }> = {};
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const city = await orgUnitRepo.insert(
      handle.db,
      { code: "C", name: "市", kind: "city", parent_id: null },
      null,
    );
    const a = await orgUnitRepo.insert(
      handle.db,
      { code: "A", name: "甲县", kind: "county", parent_id: city.id },
      city,
    );
    const b = await orgUnitRepo.insert(
      handle.db,
      { code: "B", name: "乙县", kind: "county", parent_id: city.id },
      city,
    );
    const sa = await orgUnitRepo.insert(
      handle.db,
      { code: "SA", name: "甲县教育局", kind: "department", parent_id: a.id },
      a,
    );
    Object.assign(ids, { city, a, b, sa });
  });
  afterAll(async () => {
    await handle.close();
  });

  const codesIn = async (path: string) =>
    (
      await handle.db
        .selectFrom("org_units")
        .select("code")
        .where(inScope("org_units.path", scopeOf(path)))
        .orderBy("code")
        .execute()
    ).map((r) => r.code);

  it("limits rows to the scope's subtree", async () => {
    expect(await codesIn(ids.a?.path ?? "")).toEqual(["A", "SA"]);
    expect(await codesIn(ids.b?.path ?? "")).toEqual(["B"]);
    expect(await codesIn(ids.city?.path ?? "")).toEqual(["A", "B", "C", "SA"]);
  });

  it("takes LIKE wildcards in a path literally", async () => {
    expect(await codesIn("/%/")).toEqual([]);
    expect(await codesIn("/_/")).toEqual([]);
  });
});
