import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client.ts";
import { orgUnitRepo } from "./repos/org-unit.repo.ts";
import { inScope, narrowScope, scopeContains, scopeKey, scopeOf, scopeWithin, WHOLE_TREE } from "./scope.ts";
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

describe("a scope limited to subtrees (责任督学: the schools of the 责任区)", () => {
  const zone = scopeWithin("/c/", ["/c/t/s1/", "/c/s2/", "/d/s9/"]);
  it("drops subtrees outside the jurisdiction", () => {
    expect(zone.within).toEqual(["/c/s2/", "/c/t/s1/"]);
  });
  it("contains the listed subtrees only", () => {
    expect(scopeContains(zone, "/c/t/s1/")).toBe(true);
    expect(scopeContains(zone, "/c/t/s1/x/")).toBe(true);
    expect(scopeContains(zone, "/c/t/")).toBe(false);
    expect(scopeContains(zone, "/c/s3/")).toBe(false);
    expect(scopeContains(zone, "/d/s9/")).toBe(false);
  });
  it("narrows and never widens", () => {
    expect(narrowScope(zone, "/c/t/s1/")).toEqual(scopeOf("/c/t/s1/"));
    expect(narrowScope(zone, "/")).toBe(zone);
    expect(narrowScope(zone, "/c/")).toBe(zone);
    expect(narrowScope(zone, "/c/t/")).toEqual(scopeWithin("/c/t/", ["/c/t/s1/"]));
    expect(narrowScope(zone, "/c/s3/")).toBeNull();
    expect(narrowScope(zone, "/d/")).toBeNull();
  });
  it("has its own cache key, and an empty list reaches nothing", () => {
    expect(scopeKey(zone)).not.toBe(scopeKey(scopeOf("/c/")));
    expect(scopeContains(scopeWithin("/c/", []), "/c/s2/")).toBe(false);
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

  it("limits rows to the listed subtrees of a 责任区 scope, and an empty list to none", async () => {
    const codes = async (scope: ReturnType<typeof scopeOf>) =>
      (
        await handle.db
          .selectFrom("org_units")
          .select("code")
          .where(inScope("org_units.path", scope))
          .orderBy("code")
          .execute()
      ).map((r) => r.code);
    const a = ids.a?.path ?? "";
    const sa = ids.sa?.path ?? "";
    const b = ids.b?.path ?? "";
    expect(await codes(scopeWithin(a, [sa, b]))).toEqual(["SA"]);
    expect(await codes(scopeWithin(a, []))).toEqual([]);
  });
});
