import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { orgUnitRepo, type DatabaseHandle } from "@luoshi/db";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import { systemActor, type ServiceDeps } from "../../context.ts";
import { buildApp } from "../app.ts";
import { createUser } from "../../services/accounts/create-user.service.ts";
import { SETUP_TOKEN_FILE } from "../../services/org/setup-token.ts";
import { createTestServer, TestClient } from "../../testing.ts";

const TOKEN = "setup-token-for-tests";
const PASSWORD = "Pl#2026-Liang";
const body = (setupToken: string, divisionCode = "620800") => ({
  setupToken,
  divisionCode,
  admin: { login: "chen.ming", displayName: "陈明", password: PASSWORD },
});

/** A client that holds a CSRF token without a session, as the first-run page does. */
async function anonymous(app: FastifyInstance): Promise<TestClient> {
  const client = new TestClient(app);
  client.csrfToken = (await client.request("GET", "/api/auth/csrf")).json<{ csrfToken: string }>().csrfToken;
  return client;
}

describe.each(testEngines())("first-run setup on %s", (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let deps: ServiceDeps;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-setup-"));
    writeFileSync(join(dataDir, SETUP_TOKEN_FILE), TOKEN);
    handle = await createTestDatabase(engine);
    // the administrator's second factor has its own tests (auth/second-factor.test.ts); here a password is enough
    const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test", LUOSHI_REQUIRE_TOTP: "false" });
    if (parsed.config === undefined) {
      throw new Error(parsed.problems.join("; "));
    }
    deps = { handle, config: parsed.config, now: () => new Date() };
    app = await buildApp(deps, {
      cookieSecret: "x".repeat(32),
      webDir: null,
      logger: false,
      version: "test",
      setupToken: TOKEN,
    });
  });
  afterAll(async () => {
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("tells anyone that the installation is empty and lists divisions", async () => {
    const client = new TestClient(app);
    const status = await client.request("GET", "/api/setup");
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ initialized: false, jurisdiction: null });
    expect(status.json<{ divisionSource: string }>().divisionSource).toContain("2023年统计用区划代码");
    const provinces = await client.request("GET", "/api/setup/divisions");
    expect(provinces.json()).toContainEqual({ code: "620000", name: "甘肃省", level: "province" });
    const counties = await client.request("GET", "/api/setup/divisions?parent=620800");
    expect(counties.json()).toContainEqual({ code: "620821", name: "泾川县", level: "county" });
    expect((await client.request("GET", "/api/setup/divisions?parent=629900")).statusCode).toBe(404);
    expect((await client.request("GET", "/api/installation")).statusCode).toBe(401);
  });

  it("refuses a wrong token, a missing CSRF token and a weak password", async () => {
    const client = await anonymous(app);
    const wrong = await client.request("POST", "/api/setup", body("guessed"));
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: { code: "forbidden" } });
    const noCsrf = await new TestClient(app).request("POST", "/api/setup", body(TOKEN));
    expect(noCsrf.statusCode).toBe(403);
    const weak = await client.request("POST", "/api/setup", {
      ...body(TOKEN),
      admin: { login: "chen.ming", displayName: "陈明", password: "password" },
    });
    expect(weak.statusCode).toBe(400);
    expect(await orgUnitRepo.count(handle.db)).toBe(0);
  });

  it("initialises a city with the token, then closes", async () => {
    const client = await anonymous(app);
    const created = await client.request("POST", "/api/setup", body(TOKEN));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      jurisdiction: { code: "620800", fullName: "甘肃省平凉市", level: "city" },
      counts: { counties: 7, townships: 113 },
      admin: { login: "chen.ming", orgUnitName: "平凉市教育局" },
    });
    expect(existsSync(join(dataDir, SETUP_TOKEN_FILE))).toBe(false);
    expect((await client.request("POST", "/api/setup", body(TOKEN))).statusCode).toBe(409);
    expect((await client.request("GET", "/api/setup/divisions")).statusCode).toBe(409);
    const status = await client.request("GET", "/api/setup");
    expect(status.json()).toMatchObject({
      initialized: true,
      jurisdiction: { code: "620800", name: "甘肃省平凉市", level: "city" },
    });
  });

  it("lets the new administrator in, and keeps each county bureau to its county", async () => {
    const admin = new TestClient(app);
    expect((await admin.login("chen.ming", PASSWORD)).statusCode).toBe(200);
    const installation = await admin.request("GET", "/api/installation");
    expect(installation.statusCode).toBe(200);
    expect(installation.json()).toMatchObject({ jurisdiction: { code: "620800", level: "city" } });
    const jingchuan = await orgUnitRepo.findByCode(handle.db, "620821");
    const kongtong = await orgUnitRepo.findByCode(handle.db, "620802");
    const seen = await admin.request("GET", `/api/org-units/${kongtong?.id ?? ""}`);
    expect(seen.statusCode).toBe(200);

    const bureau = await orgUnitRepo.findByCode(handle.db, "620821-jyj-jcjyg");
    // accounts are a security administrator's to create (三员分立); the system plays one here
    await createUser(
      deps,
      { ...systemActor("test"), role: "securityAdmin" },
      { login: "jc.planner", displayName: "泾川规划", role: "bureauPlanner", orgUnitId: bureau?.id ?? "" },
      { mustChangePassword: false, password: PASSWORD },
    );
    const planner = new TestClient(app);
    expect((await planner.login("jc.planner", PASSWORD)).statusCode).toBe(200);
    expect((await planner.request("GET", `/api/org-units/${jingchuan?.id ?? ""}`)).statusCode).toBe(200);
    expect((await planner.request("GET", `/api/org-units/${kongtong?.id ?? ""}`)).statusCode).toBe(403);
  });
});

describe("setup on an installation that already has data", () => {
  it("says initialised and refuses to set up again", async () => {
    const server = await createTestServer("pglite");
    try {
      const client = await anonymous(server.app);
      expect((await client.request("GET", "/api/setup")).json()).toMatchObject({ initialized: true });
      expect((await client.request("POST", "/api/setup", body(TOKEN))).statusCode).toBe(409);
    } finally {
      await server.close();
    }
  });
});
