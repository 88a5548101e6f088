import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

describe.each(testEngines())("user management on %s", (engine) => {
  let server: TestServer;
  let admin: TestClient;
  beforeAll(async () => {
    server = await createTestServer(engine);
    admin = new TestClient(server.app);
    await admin.login("systemadmin");
  });
  afterAll(async () => {
    await server.close();
  });

  const counts = async () => ({
    // Every user belongs to a unit, so the whole tree's users are all users.
    users: (await userRepo.listInScope(server.handle.db, WHOLE_TREE, { limit: 1, offset: 0 })).total,
    audit: (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, limit: 1, offset: 0 })).total,
  });

  it("creates a user with a one-time password and records who did it", async () => {
    const res = await admin.request("POST", "/api/users", {
      login: "zhang.wei",
      displayName: "张伟",
      role: "schoolUser",
      orgUnitId: await server.unitId("1620802002"),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{
      user: { login: string; mustChangePassword: boolean };
      temporaryPassword: string;
    }>();
    expect(body.user).toMatchObject({ login: "zhang.wei", mustChangePassword: true });
    expect(body.temporaryPassword).toHaveLength(14);
    expect(JSON.stringify(body)).not.toMatch(/argon2/);
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "user.create",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry?.actor_login).toBe("systemadmin");
    expect(entry?.after).toMatchObject({ login: "zhang.wei", role: "schoolUser" });
    const list = await admin.request("GET", "/api/users?pageSize=50");
    expect(list.json<{ items: { login: string }[] }>().items.map((u) => u.login)).toContain("zhang.wei");
  });

  it.each([
    ["a login taken in another case", { login: "ZHANG.WEI" }, 409, "body.login", /已被使用/],
    ["a login with spaces", { login: "zhang wei" }, 400, "body.login", /字母、数字/],
    ["an unknown role", { role: "superuser" }, 400, "body.role", /./],
    ["an administrator role (三权分立)", { role: "auditAdmin" }, 403, "body.role", /三权分立/],
    ["an over-long name", { displayName: "名".repeat(51) }, 400, "body.displayName", /50/],
    ["an unknown field", { isAdmin: true }, 400, "body.isAdmin", /isAdmin/],
  ])("refuses %s and writes nothing", async (_name, patch, status, path, message) => {
    const before = await counts();
    const res = await admin.request("POST", "/api/users", {
      login: "li.na",
      displayName: "李娜",
      role: "schoolUser",
      orgUnitId: await server.unitId("1620802002"),
      ...patch,
    });
    expect(res.statusCode).toBe(status);
    const error = res.json<{ error: { message: string; details: { fields?: { path: string }[] } } }>().error;
    expect(error.message).toMatch(message);
    expect(error.details.fields?.map((f) => f.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });

  it("refuses a unit outside the administrator's county", async () => {
    const res = await admin.request("POST", "/api/users", {
      login: "wang.fang",
      displayName: "王芳",
      role: "schoolUser",
      orgUnitId: await server.unitId("1620821001"),
    });
    expect(res.statusCode).toBe(403);
  });

  it("resets a password: new temporary password, old sessions ended", async () => {
    const user = new TestClient(server.app);
    await user.login("leader");
    const list = await admin.request("GET", "/api/users?pageSize=50");
    const leader = list
      .json<{ items: { id: string; login: string }[] }>()
      .items.find((u) => u.login === "leader");
    const res = await admin.request("POST", `/api/users/${leader?.id ?? ""}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect((await user.request("GET", "/api/auth/me")).statusCode).toBe(401);
    const again = await user.login("leader", res.json<{ temporaryPassword: string }>().temporaryPassword);
    expect(again.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
  });

  it.each(["auditadmin", "bureauplanner", "schooluser", "inspector"])(
    "refuses %s user management",
    async (login) => {
      const client = new TestClient(server.app);
      await client.login(login);
      expect((await client.request("GET", "/api/users")).statusCode).toBe(403);
      const res = await client.request("POST", "/api/users", {
        login: "x.y.z",
        displayName: "某",
        role: "schoolUser",
        orgUnitId: await server.unitId("1620802002"),
      });
      expect(res.statusCode).toBe(403);
    },
  );
});
