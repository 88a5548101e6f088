import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

describe.each(testEngines())("authentication on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(engine);
  });
  afterAll(async () => {
    await server.close();
  });

  const lastAudit = async (action: string) =>
    (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, action, limit: 1, offset: 0 })).rows[0];

  it("logs in, sets an HttpOnly SameSite cookie, and records the login", async () => {
    const client = new TestClient(server.app);
    const res = await client.login("bureauplanner");
    expect(res.statusCode).toBe(200);
    const body = res.json<{ user: { login: string; roleLabel: string; permissions: string[] } }>();
    expect(body.user.login).toBe("bureauplanner");
    expect(body.user.roleLabel).toBe("教育局（规划）");
    const cookie = res.cookies.find((c) => c.name === "luoshi_sid");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    const entry = await lastAudit("auth.login");
    expect(entry?.actor_login).toBe("bureauplanner");
    expect(entry?.result).toBe("success");
    expect(entry?.client_ip).toBe("127.0.0.1");
    const me = await client.request("GET", "/api/auth/me");
    expect(me.statusCode).toBe(200);
    expect(me.headers["cache-control"]).toBe("no-store");
  });

  it("gives one generic message for an unknown login and a wrong password", async () => {
    const client = new TestClient(server.app);
    const unknown = await client.login("nobody-here");
    const wrong = await client.login("leader", "Wrong#Pass2026");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({
      error: { code: "invalid-credentials", message: expect.stringMatching(/^登录名或口令错误/) as string },
    });
    expect(wrong.json<{ error: { message: string } }>().error.message).toBe(
      unknown.json<{ error: { message: string } }>().error.message,
    );
    const entry = await lastAudit("auth.login");
    expect(entry?.result).toBe("failure");
  });

  it("locks the account after 5 failures for 15 minutes, answering as for an unknown login", async () => {
    const client = new TestClient(server.app);
    const unknown = await client.login("nobody-here", "Wrong#Pass2026");
    const answer = (r: typeof unknown) => {
      const { code, message } = r.json<{ error: { code: string; message: string } }>().error;
      return { status: r.statusCode, code, message };
    };
    for (let i = 0; i < 4; i++) {
      expect(answer(await client.login("inspector", "Wrong#Pass2026"))).toEqual(answer(unknown));
    }
    // The fifth failure locks the account, and the right password is refused while it is locked; neither
    // answer tells a locked account from one that does not exist (security-requirements.md).
    expect(answer(await client.login("inspector", "Wrong#Pass2026"))).toEqual(answer(unknown));
    expect(answer(await client.login("inspector"))).toEqual(answer(unknown));
    expect(answer(unknown).message).toMatch(/连续 5 次.*锁定 15 分钟/);
    expect((await lastAudit("auth.login"))?.details).toMatchObject({ reason: "locked" });
    server.advance(15 * 60_000 + 1000);
    expect((await client.login("inspector")).statusCode).toBe(200);
  });

  it("refuses writes without the CSRF token", async () => {
    const client = new TestClient(server.app);
    await client.request("GET", "/api/auth/csrf");
    const res = await client.request(
      "POST",
      "/api/auth/login",
      { login: "leader", password: "x" },
      { "x-csrf-token": "forged" },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: "csrf-invalid" } });
  });

  it.each([
    ["malformed JSON", '{"login": "leader", ', "malformed-body", /JSON/],
    ["an unknown field", { login: "leader", password: "x", isAdmin: true }, "validation-failed", /isAdmin/],
    ["an over-long login", { login: "a".repeat(65), password: "x" }, "validation-failed", /body\.login/],
    ["a missing password", { login: "leader" }, "validation-failed", /body\.password/],
  ])("answers 400 to %s, naming the problem", async (_name, body, code, message) => {
    const client = new TestClient(server.app);
    const csrf = await client.request("GET", "/api/auth/csrf");
    client.csrfToken = csrf.json<{ csrfToken: string }>().csrfToken;
    const before = (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, limit: 1, offset: 0 })).total;
    const res = await client.request("POST", "/api/auth/login", body, { "content-type": "application/json" });
    expect(res.statusCode).toBe(400);
    const error = res.json<{ error: { code: string; message: string } }>().error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect((await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, limit: 1, offset: 0 })).total).toBe(
      before,
    );
  });

  it("ends a session idle for longer than 15 minutes", async () => {
    const client = new TestClient(server.app);
    expect((await client.login("leader")).statusCode).toBe(200);
    server.advance(16 * 60_000);
    const res = await client.request("GET", "/api/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: "session-expired" } });
    expect((await client.request("GET", "/api/auth/me")).statusCode).toBe(401);
  });

  it("kills the server-side session at logout", async () => {
    const client = new TestClient(server.app);
    await client.login("leader");
    expect((await client.request("GET", "/api/auth/me")).statusCode).toBe(200);
    const jar = client.snapshot();
    expect((await client.request("POST", "/api/auth/logout")).statusCode).toBe(200);
    client.restore(jar);
    const replay = await client.request("GET", "/api/auth/me");
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect((await lastAudit("auth.logout"))?.actor_login).toBe("leader");
  });

  it("forces a password change first, with the policy and history enforced", async () => {
    const admin = new TestClient(server.app);
    await admin.login("systemadmin");
    const created = await admin.request("POST", "/api/users", {
      login: "newbie",
      displayName: "新同事",
      role: "bureauPlanner",
      orgUnitId: await server.unitId("620802-jyj"),
    });
    expect(created.statusCode).toBe(201);
    const temporary = created.json<{ temporaryPassword: string }>().temporaryPassword;

    const user = new TestClient(server.app);
    const login = await user.login("newbie", temporary);
    expect(login.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
    const blocked = await user.request("GET", "/api/org-units");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: { code: "password-change-required" } });

    const weak = await user.request("POST", "/api/auth/password", {
      currentPassword: temporary,
      newPassword: "newbie123",
    });
    expect(weak.statusCode).toBe(400);
    const weakError = weak.json<{
      error: { code: string; details: { fields: { path: string; message: string }[] } };
    }>().error;
    expect(weakError.code).toBe("password-policy");
    expect(weakError.details.fields.map((f) => f.message)).toEqual([
      "口令须包含大写字母、小写字母、数字、符号中的至少三类",
      "口令不得包含登录名",
    ]);
    expect(new Set(weakError.details.fields.map((f) => f.path))).toEqual(new Set(["body.newPassword"]));
    const same = await user.request("POST", "/api/auth/password", {
      currentPassword: temporary,
      newPassword: temporary,
    });
    expect(same.json<{ error: { message: string } }>().error.message).toMatch(/最近 5 次/);
    const ok = await user.request("POST", "/api/auth/password", {
      currentPassword: temporary,
      newPassword: "Qm7#Lp2x-Gansu",
    });
    expect(ok.statusCode).toBe(200);
    expect((await user.request("GET", "/api/org-units")).statusCode).toBe(200);
  });
});
