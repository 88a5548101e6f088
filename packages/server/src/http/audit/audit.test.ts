import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

describe.each(testEngines())("audit log API on %s", (engine) => {
  let server: TestServer;
  let auditor: TestClient;
  beforeAll(async () => {
    server = await createTestServer(engine);
    await new TestClient(server.app).login("leader");
    await new TestClient(server.app).login("leader", "Wrong#Pass2026");
    auditor = new TestClient(server.app);
    await auditor.login("auditadmin");
  });
  afterAll(async () => {
    await server.close();
  });

  it("lists logins, failed ones included, filtered by user", async () => {
    const res = await auditor.request("GET", "/api/audit?actor=leader&entityType=user");
    expect(res.statusCode).toBe(200);
    const page = res.json<{
      items: { actionLabel: string; result: string; actorLogin: string }[];
      total: number;
    }>();
    expect(page.items.map((i) => [i.actionLabel, i.result])).toEqual([
      ["登录", "failure"],
      ["登录", "success"],
    ]);
  });

  it("names the object type in Chinese and the people by name, not by id", async () => {
    const res = await auditor.request("GET", "/api/audit?actor=leader&entityType=user");
    const items = res.json<{
      items: { entityTypeLabel: string; entityName: string | null; actorName: string | null }[];
    }>().items;
    const success = items[1];
    expect(success?.entityTypeLabel).toBe("用户");
    expect(success?.actorName).toEqual(expect.any(String)); // the account's display name
    expect(success?.entityName).toBe(success?.actorName);
  });

  it("filters by date", async () => {
    const future = await auditor.request("GET", "/api/audit?from=2999-01-01");
    expect(future.json<{ total: number }>().total).toBe(0);
    const bad = await auditor.request("GET", "/api/audit?from=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/querystring\.from/);
  });

  it("exports CSV with a BOM, and records the export", async () => {
    const res = await auditor.request("GET", "/api/audit/export.csv?actor=leader");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]?.replace(/^\uFEFF/, "")).toBe(
      "序号,时间,操作人,角色,操作,对象类型,对象,结果,来源地址,请求号,详情,校验值",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/,leader,leader,登录,用户,/);
    const exports = await auditor.request("GET", "/api/audit?action=audit.export");
    expect(exports.json<{ total: number }>().total).toBe(1);
  });

  it.each(["systemadmin", "securityadmin", "bureauplanner", "leader"])("refuses %s", async (login) => {
    const client = new TestClient(server.app);
    await client.login(login);
    expect((await client.request("GET", "/api/audit")).statusCode).toBe(403);
    expect((await client.request("GET", "/api/audit/export.csv")).statusCode).toBe(403);
  });
});

describe("health and OpenAPI", () => {
  it("serves the health probe and an OpenAPI document listing the routes", async () => {
    const server = await createTestServer("pglite");
    try {
      const health = await server.app.inject({ method: "GET", url: "/api/health" });
      expect(health.json()).toEqual({ status: "ok", engine: "pglite", version: "test" });
      const doc = await server.app.inject({ method: "GET", url: "/api/openapi.json" });
      const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
      expect(paths).toEqual(
        expect.arrayContaining(["/api/auth/login", "/api/org-units/{id}", "/api/users/", "/api/audit/"]),
      );
      // the browsable document renders without signing in (its operations still need a session)
      const docs = await server.app.inject({ method: "GET", url: "/api/docs/" });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers["content-type"]).toMatch(/text\/html/);
      const docsJson = await server.app.inject({ method: "GET", url: "/api/docs/json" });
      expect(docsJson.statusCode).toBe(200);
      expect((await server.app.inject({ method: "GET", url: "/api/users/" })).statusCode).toBe(401);
      const unknown = await server.app.inject({ method: "GET", url: "/api/nothing" });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: "not-found" } });
    } finally {
      await server.close();
    }
  });
});
