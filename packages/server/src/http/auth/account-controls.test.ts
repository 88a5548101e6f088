import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { auditRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import { systemActor } from "../../context.ts";
import { dormantAccounts } from "../../services/accounts/dormant-accounts.service.ts";
import { addTestAccount, createTestServer, TestClient, type TestServer } from "../../testing.ts";

/** 等保三级 account controls as an assessor tries them over HTTP (docs/security.md). */
// The tests share one clock and run in order: the last ones move it forward by months.
describe.each(testEngines())("account controls on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(engine);
  }, 300_000);
  afterAll(async () => {
    await server.close();
  });

  const audit = async (action: string) =>
    (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, action, limit: 50, offset: 0 })).rows;

  it("holds at most 3 sessions per account: a fourth login ends the oldest, which is told why", async () => {
    await addTestAccount(server, { login: "multi", role: "bureauPlanner", unitCode: "620802-jyj" });
    const [first, second, third] = [1, 2, 3].map(() => new TestClient(server.app)) as [
      TestClient,
      TestClient,
      TestClient,
    ];
    const browsers = [first, second, third];
    for (const b of browsers) {
      expect((await b.login("multi")).statusCode).toBe(200);
      server.advance(1000);
    }
    for (const b of browsers) {
      expect((await b.request("GET", "/api/auth/me")).statusCode).toBe(200);
    }
    const fourth = new TestClient(server.app);
    expect((await fourth.login("multi")).statusCode).toBe(200);
    expect((await fourth.request("GET", "/api/auth/me")).statusCode).toBe(200);

    const oldest = await first.request("GET", "/api/auth/me");
    expect(oldest.statusCode).toBe(401);
    const error = oldest.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe("session-expired");
    expect(error.message).toMatch(/已在别处登录.*3 处/);
    expect((await second.request("GET", "/api/auth/me")).statusCode).toBe(200);
    expect((await third.request("GET", "/api/auth/me")).statusCode).toBe(200);
    const evicted = (await audit("auth.session-evicted")).filter((r) => r.actor_login === "multi");
    expect(evicted).toHaveLength(1);
    expect(evicted[0]?.details).toMatchObject({ reason: "concurrent-limit", limit: 3 });
  });

  it("does not count sessions that ended or went idle against the limit", async () => {
    await addTestAccount(server, { login: "idler", role: "bureauPlanner", unitCode: "620802-jyj" });
    const first = new TestClient(server.app);
    await first.login("idler");
    await first.request("POST", "/api/auth/logout");
    const second = new TestClient(server.app);
    await second.login("idler");
    server.advance(16 * 60_000); // idle past the 15-minute limit
    const others = [new TestClient(server.app), new TestClient(server.app), new TestClient(server.app)];
    for (const b of others) {
      expect((await b.login("idler")).statusCode).toBe(200);
    }
    for (const b of others) {
      expect((await b.request("GET", "/api/auth/me")).statusCode).toBe(200);
    }
    expect((await audit("auth.session-evicted")).filter((r) => r.actor_login === "idler")).toHaveLength(0);
  });

  it("forces a password change after an administrator's reset before any business call", async () => {
    const id = await addTestAccount(server, {
      login: "forgetful",
      role: "bureauPlanner",
      unitCode: "620802-jyj",
    });
    const user = new TestClient(server.app);
    expect((await user.login("forgetful")).statusCode).toBe(200);
    expect((await user.request("GET", "/api/org-units")).statusCode).toBe(200);

    const admin = new TestClient(server.app);
    await admin.login("systemadmin");
    const reset = await admin.request("POST", `/api/users/${id}/reset-password`);
    expect(reset.statusCode).toBe(200);
    const temporary = reset.json<{ temporaryPassword: string }>().temporaryPassword;
    // the reset ended the user's session
    expect((await user.request("GET", "/api/org-units")).statusCode).toBe(401);

    const login = await user.login("forgetful", temporary);
    expect(login.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    for (const url of ["/api/org-units", "/api/tasks/", "/api/plans", "/api/users"]) {
      const blocked = await user.request("GET", url);
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json(), url).toMatchObject({ error: { code: "password-change-required" } });
    }
    const ok = await user.request("POST", "/api/auth/password", {
      currentPassword: temporary,
      newPassword: "Rv8#Kq3z-Pingliang",
    });
    expect(ok.statusCode).toBe(200);
    expect((await user.request("GET", "/api/org-units")).statusCode).toBe(200);
  });

  it("forces a change once a password is older than 90 days", async () => {
    await addTestAccount(server, { login: "oldpass", role: "bureauPlanner", unitCode: "620802-jyj" });
    const user = new TestClient(server.app);
    await user.login("oldpass");
    await user.request("POST", "/api/auth/logout");
    server.advance(89 * 86_400_000); // a login every so often keeps the account alive …
    await user.login("oldpass");
    server.advance(2 * 86_400_000); // … but the password itself is now 91 days old
    const login = await user.login("oldpass");
    expect(login.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    const blocked = await user.request("GET", "/api/org-units");
    expect(blocked.json()).toMatchObject({ error: { code: "password-change-required" } });
  });
  it("disables an account unused for 90 days at its next login, answering as for any failure", async () => {
    const id = await addTestAccount(server, { login: "sleeper", role: "schoolUser", unitCode: "1620802001" });
    const client = new TestClient(server.app);
    expect((await client.login("sleeper")).statusCode).toBe(200);
    const unknown = await new TestClient(server.app).login("nobody-at-all");
    server.advance(91 * 86_400_000);
    const res = await new TestClient(server.app).login("sleeper");
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: unknown }>().error).toEqual({
      ...unknown.json<{ error: { details: object } }>().error,
      details: { requestId: expect.any(String) as string },
    });
    expect((await userRepo.findById(server.handle.db, id))?.is_disabled).toBe(true);
    const [disabled] = (await audit("user.dormant-disable")).filter((r) => r.entity_id === id);
    expect(disabled?.details).toMatchObject({ trigger: "login" });
    // the old session is gone too, and the right password no longer helps
    expect((await client.request("GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await new TestClient(server.app).login("sleeper")).statusCode).toBe(401);
  });
});

describe.each(testEngines())("the dormant-account report on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(engine);
  }, 300_000);
  afterAll(async () => {
    await server.close();
  });

  it("lists accounts unused for 90 days, and with apply disables them, all audited", async () => {
    const operator = { ...systemActor("cli:test"), role: "systemAdmin" as const };
    const idle = await addTestAccount(server, {
      login: "idle-one",
      role: "schoolUser",
      unitCode: "1620802002",
    });
    server.advance(60 * 86_400_000);
    const active = new TestClient(server.app);
    expect((await active.login("leader")).statusCode).toBe(200);
    server.advance(31 * 86_400_000);

    const report = await dormantAccounts(server.deps, operator, { apply: false });
    const logins = report.accounts.map((a) => a.login);
    expect(logins).toContain("idle-one");
    expect(logins).not.toContain("leader"); // logged in 31 days ago
    expect(report.days).toBe(90);
    expect((await userRepo.findById(server.handle.db, idle))?.is_disabled).toBe(false);

    const applied = await dormantAccounts(server.deps, operator, { apply: true });
    expect(applied.accounts.map((a) => a.login)).toEqual(logins);
    expect((await userRepo.findById(server.handle.db, idle))?.is_disabled).toBe(true);
    expect((await new TestClient(server.app).login("idle-one")).statusCode).toBe(401);
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "user.dormant-disable",
      entityId: idle,
      limit: 5,
      offset: 0,
    });
    expect(trail.rows[0]?.details).toMatchObject({ trigger: "report", days: 90 });
    const reports = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "user.dormant-report",
      limit: 5,
      offset: 0,
    });
    expect(reports.rows.map((r) => r.details)).toEqual([
      { days: 90, found: logins.length, applied: true },
      { days: 90, found: logins.length, applied: false },
    ]);
    expect((await dormantAccounts(server.deps, operator, { apply: false })).accounts).toEqual([]);
  });
});
