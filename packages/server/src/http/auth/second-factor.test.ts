import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { systemActor } from "../../context.ts";
import { resetSecondFactor } from "../../services/accounts/second-factor.service.ts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

interface Me {
  user: { secondFactor: { enrolled: boolean; mustEnrol: boolean; pending: boolean } };
}

/**
 * The second factor through the API, with LUOSHI_REQUIRE_TOTP=true (the product's default): an
 * administrator must bind an authenticator before anything else, every later login owes a code, a code
 * is good once, recovery codes are one-time, five wrong codes lock the account; each step audited.
 */
describe.each(testEngines())("second factor (TOTP) on %s", (engine) => {
  let server: TestServer;
  let client: TestClient;
  let secret = "";
  let recovery: string[] = [];
  let offset = 0;
  const codeAt = (ms = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
      timestamp: Date.now() + offset + ms,
    });
  /** Moves the server's clock to the next 30-second step, so that a fresh code exists. */
  const nextStep = () => {
    offset += 30_000;
    server.advance(30_000);
  };
  /** The trail's rows of one action, oldest first. */
  const trail = async (action: string) =>
    (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, action, limit: 100, offset: 0 })).rows
      .map((r) => `${r.result}${r.details === null ? "" : ` ${JSON.stringify(r.details)}`}`)
      .reverse();

  beforeAll(async () => {
    server = await createTestServer(engine, { LUOSHI_REQUIRE_TOTP: "true" });
    client = new TestClient(server.app);
  }, 180_000);
  afterAll(async () => {
    await server.close();
  });

  it("makes an administrator bind an authenticator before anything else", async () => {
    const login = await client.login("securityadmin");
    expect(login.statusCode).toBe(200);
    expect(login.json<Me>().user.secondFactor).toEqual({ enrolled: false, mustEnrol: true, pending: false });
    const blocked = await client.request("GET", "/api/users");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: "second-factor-required",
      message: expect.stringContaining("绑定动态口令") as unknown,
    });
    const status = await client.request("GET", "/api/auth/totp");
    expect(status.json()).toEqual({
      enrolled: false,
      required: true,
      confirmedAt: null,
      recoveryCodesLeft: 0,
    });

    const enrol = await client.request("POST", "/api/auth/totp/enrol");
    expect(enrol.statusCode).toBe(200);
    expect(enrol.headers["cache-control"]).toBe("no-store");
    const body = enrol.json<{ secret: string; uri: string; qrSvg: string }>();
    secret = body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.uri).toMatch(/^otpauth:\/\/totp\/.+\?.*secret=[A-Z2-7]{32}/);
    expect(body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // stored encrypted per field, never in clear
    const row = await userRepo.findByLogin(server.handle.db, "securityadmin");
    expect(row?.totp_secret).toMatch(/^test1:sm4:/);
    expect(row?.totp_secret).not.toContain(secret);

    const wrong = await client.request("POST", "/api/auth/totp/confirm", {
      code: "000000" === codeAt() ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { message: string } }>().error.message).toContain("动态口令不对");
    const confirmed = await client.request("POST", "/api/auth/totp/confirm", { code: codeAt() });
    expect(confirmed.statusCode).toBe(200);
    recovery = confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    recovery.forEach((c) => {
      expect(c).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    });
    expect((await client.request("GET", "/api/users")).statusCode).toBe(200);
    const again = await client.request("POST", "/api/auth/totp/enrol");
    expect(again.statusCode).toBe(409);
    expect(await trail("auth.totp-enrol")).toEqual([
      'failure {"reason":"wrong-code"}',
      'success {"recoveryCodes":10}',
    ]);
  });

  it("asks every later login for a code, good once", async () => {
    await client.request("POST", "/api/auth/logout");
    const login = await client.login("securityadmin");
    expect(login.statusCode).toBe(200);
    expect(login.json<Me>().user.secondFactor).toEqual({ enrolled: true, mustEnrol: false, pending: true });
    const blocked = await client.request("GET", "/api/users");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe("second-factor-required");
    expect((await client.request("GET", "/api/auth/me")).statusCode).toBe(200);
    // the code that confirmed the binding is spent: the same time step is refused
    const replay = await client.request("POST", "/api/auth/totp/verify", { code: codeAt() });
    expect(replay.statusCode).toBe(400);
    nextStep();
    const ok = await client.request("POST", "/api/auth/totp/verify", { code: codeAt() });
    expect(ok.statusCode).toBe(200);
    client.csrfToken = ok.json<{ csrfToken: string }>().csrfToken;
    expect(ok.json<Me>().user.secondFactor).toEqual({ enrolled: true, mustEnrol: false, pending: false });
    expect((await client.request("GET", "/api/users")).statusCode).toBe(200);
    const twice = await client.request("POST", "/api/auth/totp/verify", { code: codeAt() });
    expect(twice.statusCode).toBe(409);
  });

  it("takes a recovery code once", async () => {
    await client.request("POST", "/api/auth/logout");
    await client.login("securityadmin");
    const first = recovery[0] ?? "";
    const ok = await client.request("POST", "/api/auth/totp/verify", { code: first.toLowerCase() });
    expect(ok.statusCode).toBe(200);
    client.csrfToken = ok.json<{ csrfToken: string }>().csrfToken;
    expect((await client.request("GET", "/api/auth/totp")).json()).toMatchObject({ recoveryCodesLeft: 9 });
    await client.request("POST", "/api/auth/logout");
    await client.login("securityadmin");
    const spent = await client.request("POST", "/api/auth/totp/verify", { code: first });
    expect(spent.statusCode).toBe(400);
  });

  it("locks the account after five wrong codes and ends the session", async () => {
    // the previous test left one failure on the account
    const wrong = codeAt() === "123456" ? "654321" : "123456";
    for (let i = 2; i <= 4; i++) {
      expect((await client.request("POST", "/api/auth/totp/verify", { code: wrong })).statusCode).toBe(400);
    }
    const locked = await client.request("POST", "/api/auth/totp/verify", { code: wrong });
    expect(locked.statusCode).toBe(401);
    expect(locked.json<{ error: { message: string } }>().error.message).toContain("账号锁定 15 分钟");
    expect((await client.request("GET", "/api/auth/me")).statusCode).toBe(401);
    expect((await client.login("securityadmin")).statusCode).toBe(401);
    const failures = (await trail("auth.second-factor")).filter((r) => r.startsWith("failure"));
    expect(failures).toHaveLength(6);
    expect(failures.at(-1)).toContain('"locked":true');
    expect((await trail("auth.second-factor")).filter((r) => r.startsWith("success"))).toEqual([
      'success {"method":"totp"}',
      'success {"method":"recovery","recoveryCodesLeft":9}',
    ]);
  });

  it("lets the security administrator reset a lost one: the holder binds again", async () => {
    await resetSecondFactor(
      server.deps,
      { ...systemActor("cli:test"), role: "securityAdmin" },
      "securityadmin",
    );
    const row = await userRepo.findByLogin(server.handle.db, "securityadmin");
    expect(row).toMatchObject({ totp_secret: null, totp_confirmed_at: null });
    server.advance(16 * 60_000); // past the lock
    offset += 16 * 60_000;
    const again = new TestClient(server.app);
    const login = await again.login("securityadmin");
    expect(login.statusCode).toBe(200);
    expect(login.json<Me>().user.secondFactor).toEqual({ enrolled: false, mustEnrol: true, pending: false });
    expect((await again.request("GET", "/api/auth/totp")).json()).toMatchObject({ recoveryCodesLeft: 0 });
    expect(await trail("auth.totp-disable")).toEqual(['success {"by":"reset"}']);
  });

  it("does not require it of a role that sees no unmasked data, and requires it of one that does", async () => {
    const leader = new TestClient(server.app);
    const login = await leader.login("leader");
    expect(login.json<Me>().user.secondFactor).toEqual({ enrolled: false, mustEnrol: false, pending: false });
    expect((await leader.request("GET", "/api/plans")).statusCode).toBe(200);
    const supervisor = new TestClient(server.app);
    const sup = await supervisor.login("bureausupervisor");
    expect(sup.json<Me>().user.secondFactor.mustEnrol).toBe(true);
  });
});
