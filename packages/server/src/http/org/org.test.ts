import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { ROLES, type Role } from "@luoshi/domain/auth";
import { createTestServer, TestClient, TEST_ACCOUNTS, type TestServer } from "../../testing.ts";

/** What each role gets for a unit inside and outside its scope. */
const EXPECTED: Record<Role, { own: number; inside: string; outside: string }> = {
  systemAdmin: { own: 200, inside: "1620802001", outside: "1620821001" },
  securityAdmin: { own: 200, inside: "1620802002", outside: "620821-jyj" },
  auditAdmin: { own: 403, inside: "1620802001", outside: "1620821001" },
  bureauPlanner: { own: 200, inside: "1620802002", outside: "1620821001" },
  bureauSupervisor: { own: 200, inside: "620802-czj", outside: "620821" },
  unitUser: { own: 200, inside: "620802-czj", outside: "620802-jyj" },
  schoolUser: { own: 200, inside: "1620802001", outside: "1620802002" },
  inspector: { own: 200, inside: "620802001", outside: "1620821001" },
  leader: { own: 200, inside: "1620802001", outside: "620800" },
};

describe.each(testEngines())("org units and scopes on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(engine);
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(ROLES)("%s sees its scope and gets 403 outside it", async (role) => {
    const client = new TestClient(server.app);
    expect((await client.login(role.toLowerCase())).statusCode).toBe(200);
    const expected = EXPECTED[role];
    const own = await client.request("GET", `/api/org-units/${await server.unitId(TEST_ACCOUNTS[role])}`);
    expect(own.statusCode).toBe(expected.own);
    const outside = await client.request("GET", `/api/org-units/${await server.unitId(expected.outside)}`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ error: { code: "forbidden" } });
    if (expected.own === 200) {
      const inside = await client.request("GET", `/api/org-units/${await server.unitId(expected.inside)}`);
      expect(inside.statusCode).toBe(200);
      const children = await client.request(
        "GET",
        `/api/org-units?parentId=${await server.unitId(expected.outside)}`,
      );
      expect(children.statusCode).toBe(403);
    }
  });

  it("starts bureau staff at their county and lists its children", async () => {
    const client = new TestClient(server.app);
    await client.login("bureauplanner");
    const roots = await client.request("GET", "/api/org-units");
    const root = roots.json<{ items: { id: string; name: string; childCount: number }[] }>().items;
    expect(root.map((u) => u.name)).toEqual(["崆峒区"]);
    expect(root[0]?.childCount).toBe(3);
    const children = await client.request("GET", `/api/org-units?parentId=${root[0]?.id ?? ""}`);
    expect(
      children
        .json<{ items: { name: string }[] }>()
        .items.map((u) => u.name)
        .sort(),
    ).toEqual(["中街街道", "崆峒区教育局", "崆峒区财政局"].sort());
    const schools = await client.request("GET", "/api/org-units?kind=school&q=小学");
    const page = schools.json<{ total: number; items: { school: { schoolTypeLabel: string } }[] }>();
    expect(page.total).toBe(2);
    expect(page.items[0]?.school.schoolTypeLabel).toBe("小学");
  });

  it("shows a school user only its own school", async () => {
    const client = new TestClient(server.app);
    await client.login("schooluser");
    const list = await client.request("GET", "/api/org-units?kind=school");
    expect(list.json<{ items: { code: string }[] }>().items.map((u) => u.code)).toEqual(["1620802001"]);
  });

  it("answers 400 naming the field for a malformed id, 404 for an unknown one, 401 without a session", async () => {
    const client = new TestClient(server.app);
    expect((await client.request("GET", "/api/org-units")).statusCode).toBe(401);
    await client.login("leader");
    const bad = await client.request("GET", "/api/org-units/not-a-uuid");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: "validation-failed", details: { fields: [{ path: "params.id" }] } },
    });
    const missing = await client.request("GET", `/api/org-units/${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    const long = await client.request("GET", `/api/org-units?q=${"长".repeat(101)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json<{ error: { message: string } }>().error.message).toMatch(/querystring\.q/);
  });
});
