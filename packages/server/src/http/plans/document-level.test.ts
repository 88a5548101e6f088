import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { PlanDetail, TargetMonitorList } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const seed = (name: string) =>
  readFileSync(new URL(`../../../../domain/fixtures/seeds/${name}.txt`, import.meta.url)).toString("base64");

describe.each(testEngines())("文件层级 on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let leader: TestClient;
  let county: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    leader = new TestClient(server.app);
    await planner.login("bureauplanner");
    await leader.login("leader");
    county = await server.unitId("620802");
  });
  afterAll(async () => {
    await server.close();
  });

  const monitored = async () => {
    const res = await leader.request("GET", `/api/targets/monitor?orgUnitId=${county}&year=2022`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TargetMonitorList>().items.map((i) => i.planTitle);
  };
  const importConfirmed = async (fileName: string, contentBase64: string) => {
    const res = await planner.request("POST", "/api/plans", { fileName, contentBase64 });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json<PlanDetail>();
    expect((await planner.request("POST", `/api/plans/${plan.id}/confirm`)).statusCode).toBe(200);
    return plan;
  };

  it("judges the county only by its own plans: another area's scheme counts once staff say it is theirs", async () => {
    const own = await importConfirmed("崆峒区规划.txt", seed("000_0be9ef1e3056036c"));
    expect(own).toMatchObject({ documentLevel: "own", documentLevelLabel: "本级文件" });
    const other = await importConfirmed("西宁市实施方案.txt", seed("001_72fade767b193fd1"));
    expect(other).toMatchObject({ documentLevel: "higher", issuerLevel: "city" });
    expect(other.documentLevelLabel).toBe("上级或外地文件（市级）");
    expect(other.documentLevelReason).toContain("西宁市");
    const isXining = (title: string) => title.startsWith("西宁市");
    const before = await monitored();
    expect(before.length).toBeGreaterThan(10);
    expect(before.filter(isXining)).toEqual([]);

    const path = `/api/plans/${other.id}/document-level`;
    expect((await leader.request("PUT", path, { documentLevel: "own" })).statusCode).toBe(403);
    expect((await planner.request("PUT", path, { documentLevel: "county" })).statusCode).toBe(400);
    const changed = await planner.request("PUT", path, { documentLevel: "own" });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<PlanDetail>()).toMatchObject({
      documentLevel: "own",
      documentLevelLabel: "本级文件",
    });
    expect((await monitored()).filter(isXining).length).toBeGreaterThan(10);
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "plan.document-level",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry).toMatchObject({
      actor_login: "bureauplanner",
      entity_id: other.id,
      before: { documentLevel: "higher" },
      after: { documentLevel: "own" },
    });
  });
});
