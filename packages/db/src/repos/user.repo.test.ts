import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.ts";
import { scopeOf, WHOLE_TREE } from "../scope.ts";
import { createTestDatabase, testEngines } from "../testing.ts";
import { orgUnitRepo } from "./org-unit.repo.ts";
import { userRepo } from "./user.repo.ts";

describe.each(testEngines())("users and org units in a scope on %s", (engine) => {
  let handle: DatabaseHandle;
  let countyA: { id: string; path: string };
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const city = await orgUnitRepo.insert(
      handle.db,
      { code: "C", name: "市", kind: "city", parent_id: null },
      null,
    );
    countyA = await orgUnitRepo.insert(
      handle.db,
      { code: "A", name: "甲县", kind: "county", parent_id: city.id },
      city,
    );
    const countyB = await orgUnitRepo.insert(
      handle.db,
      { code: "B", name: "乙县", kind: "county", parent_id: city.id },
      city,
    );
    const user = (login: string, unit: { id: string }) =>
      userRepo.insert(handle.db, {
        login,
        display_name: login,
        role: "leader",
        org_unit_id: unit.id,
        password_hash: "x",
        password_changed_at: new Date(),
      });
    for (const login of ["a3", "a1", "a2"]) {
      await user(login, countyA);
    }
    await user("b1", countyB);
    await user("c1", city);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("lists only the scope's users, by login, with the unit's name", async () => {
    const { rows, total } = await userRepo.listInScope(handle.db, scopeOf(countyA.path));
    expect(rows.map((r) => [r.login, r.org_unit_name])).toEqual([
      ["a1", "甲县"],
      ["a2", "甲县"],
      ["a3", "甲县"],
    ]);
    expect(total).toBe(3);
  });

  it("pages in the database and still counts the whole scope", async () => {
    const page = await userRepo.listInScope(handle.db, WHOLE_TREE, { limit: 2, offset: 2 });
    expect(page.rows.map((r) => r.login)).toEqual(["a3", "b1"]);
    expect(page.total).toBe(5);
  });

  it("lists org units inside the scope only", async () => {
    const { rows, total } = await orgUnitRepo.list(handle.db, {
      scope: scopeOf(countyA.path),
      limit: 10,
      offset: 0,
    });
    expect(rows.map((r) => r.code)).toEqual(["A"]);
    expect(total).toBe(1);
    expect((await orgUnitRepo.findByPath(handle.db, countyA.path))?.code).toBe("A");
  });
});
