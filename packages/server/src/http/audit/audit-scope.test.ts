/**
 * "A city installation with two counties keeps each county bureau inside its own county": an audit
 * administrator reads the actions of the accounts within its jurisdiction only, and the rows no
 * account wrote (the system, the CLI, a login under an unknown name) only when it audits the whole
 * installation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import type { AuditPage } from "@luoshi/contracts";
import { addTestAccount, createTestServer, TestClient, type TestServer } from "../../testing.ts";

describe.each(testEngines())("audit trail scope on %s", (engine) => {
  let server: TestServer;
  const auditors: Record<"county" | "city" | "province", TestClient> = {} as never;
  const signIn = async (login: string) => {
    const client = new TestClient(server.app);
    expect((await client.login(login)).statusCode).toBe(200);
    return client;
  };
  const logins = async (client: TestClient, query: string) => {
    const res = await client.request("GET", `/api/audit?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditPage>().items.map((i) => i.actorLogin);
  };
  beforeAll(async () => {
    server = await createTestServer(engine);
    await addTestAccount(server, { login: "jc.planner", role: "bureauPlanner", unitCode: "620821-jyj" });
    await addTestAccount(server, { login: "city.auditor", role: "auditAdmin", unitCode: "620800" });
    await addTestAccount(server, { login: "gs.auditor", role: "auditAdmin", unitCode: "620000" });
    await signIn("jc.planner"); // a 泾川县 action
    await signIn("leader"); // a 崆峒区 action
    await new TestClient(server.app).login("no.such.user"); // a failure no account wrote
    auditors.county = await signIn("auditadmin"); // 崆峒区教育局
    auditors.city = await signIn("city.auditor");
    auditors.province = await signIn("gs.auditor");
  });
  afterAll(async () => {
    await server.close();
  });

  it("keeps 泾川县's actions from 崆峒区's audit administrator, in the list and the export", async () => {
    expect(await logins(auditors.county, "&actor=jc.planner")).toEqual([]);
    expect(await logins(auditors.county, "")).not.toContain("jc.planner");
    expect(await logins(auditors.county, "&actor=leader")).toEqual(["leader"]);
    const csv = await auditors.county.request("GET", "/api/audit/export.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(",leader,leader,");
    // the auditor's own searches name jc.planner in their filters; no row is jc.planner's own
    expect(csv.body).not.toContain(",jc.planner,bureauPlanner,");
  });

  it("shows both counties to the city's audit administrator, but not the rows no account wrote", async () => {
    expect(await logins(auditors.city, "&actor=jc.planner")).toEqual(["jc.planner"]);
    expect(await logins(auditors.city, "&actor=leader")).toEqual(["leader"]);
    expect(await logins(auditors.city, "&actor=no.such.user")).toEqual([]);
    expect(await logins(auditors.county, "&action=org.import")).toEqual([]);
  });

  it("shows everything, the system's rows included, to the whole installation's auditor", async () => {
    expect(await logins(auditors.province, "&actor=no.such.user")).toEqual(["no.such.user"]);
    expect(await logins(auditors.province, "&action=org.import")).toEqual(["test"]);
    expect(await logins(auditors.province, "&actor=jc.planner")).toEqual(["jc.planner"]);
    const csv = await auditors.province.request("GET", "/api/audit/export.csv?actor=jc.planner");
    expect(csv.body).toContain(",jc.planner,bureauPlanner,");
  });
});
