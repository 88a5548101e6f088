import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { PlanAdoptionForm, PlanDetail, TargetMonitorList } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const seed = (name: string) =>
  readFileSync(new URL(`../../../../domain/fixtures/seeds/${name}.txt`, import.meta.url)).toString("base64");

describe.each(testEngines())("承接方案 on %s", (engine) => {
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

  it("makes an own plan from a confirmed 上级文件's picked items, with local units and local targets linked back", async () => {
    const imported = await planner.request("POST", "/api/plans", {
      fileName: "西宁市实施方案.txt",
      contentBase64: seed("001_72fade767b193fd1"),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const higher = imported.json<PlanDetail>();
    expect(higher.documentLevel).toBe("higher");
    // a draft is not yet a document the county implements
    expect((await planner.request("GET", `/api/plans/${higher.id}/adoption`)).statusCode).toBe(409);
    expect((await planner.request("POST", `/api/plans/${higher.id}/confirm`)).statusCode).toBe(200);

    const formRes = await leader.request("GET", `/api/plans/${higher.id}/adoption`);
    expect(formRes.statusCode, formRes.body).toBe(200);
    const form = formRes.json<PlanAdoptionForm>();
    expect(form.suggestedTitle).toContain("崆峒区");
    expect(form.localUnits.some((u) => u.name === "崆峒区教育局")).toBe(true);
    expect(form.localUnits.every((u) => !u.name.startsWith("西宁"))).toBe(true);
    const withTarget = form.items.find((i) => i.targets.some((t) => t.value !== null));
    const plain = form.items.find((i) => i.role === "task" && i.targets.length === 0 && i !== withTarget);
    expect(withTarget).toBeDefined();
    expect(plain).toBeDefined();
    if (withTarget === undefined || plain === undefined) {
      return;
    }
    const target = withTarget.targets.find((t) => t.value !== null);
    const bureau = form.localUnits.find((u) => u.name === "崆峒区教育局");
    const finance = form.localUnits.find((u) => u.name !== "崆峒区教育局" && u.name !== "崆峒区");
    if (target === undefined || bureau === undefined || finance === undefined) {
      throw new Error("fixture lacks a target or local units");
    }

    const path = `/api/plans/${higher.id}/adoptions`;
    const body = {
      items: [
        {
          nodeId: withTarget.nodeId,
          units: [
            { orgUnitId: bureau.orgUnitId, isLead: true },
            { orgUnitId: finance.orgUnitId, isLead: false },
          ],
          targets: [{ targetId: target.targetId, value: (target.value ?? 0) + 1 }],
        },
        { nodeId: plain.nodeId, units: [{ orgUnitId: bureau.orgUnitId, isLead: true }] },
      ],
    };
    expect((await leader.request("POST", path, body)).statusCode).toBe(403);
    const foreign = await planner.request("POST", path, {
      items: [{ nodeId: plain.nodeId, units: [{ orgUnitId: county.replace(/.$/, "0"), isLead: true }] }],
    });
    expect(foreign.statusCode).toBe(400);
    const created = await planner.request("POST", path, body);
    expect(created.statusCode, created.body).toBe(201);
    const own = created.json<PlanDetail>();
    expect(own).toMatchObject({ status: "draft", documentLevel: "own", adoptsPlanId: higher.id });
    const adopted = own.nodes.find((n) => n.adoptedNodeId === withTarget.nodeId);
    expect(adopted?.units.map((u) => [u.name, u.isLead, u.orgUnitId])).toEqual([
      ["崆峒区教育局", true, bureau.orgUnitId],
      [finance.name, false, finance.orgUnitId],
    ]);
    expect(own.nodes.some((n) => n.adoptedNodeId === plain.nodeId)).toBe(true);
    expect(own.targets.map((t) => [t.path, t.metric, t.value])).toEqual([
      [adopted?.path, target.metric, (target.value ?? 0) + 1],
    ]);
    const source = (await planner.request("GET", `/api/plans/${own.id}/source`)).json<{ text: string }>();
    expect(source.text).toContain(`牵头单位：崆峒区教育局`);

    expect((await planner.request("POST", `/api/plans/${own.id}/confirm`)).statusCode).toBe(200);
    const monitor = await leader.request("GET", `/api/targets/monitor?orgUnitId=${county}&year=2022`);
    const plans = new Set(monitor.json<TargetMonitorList>().items.map((i) => i.planId));
    expect(plans.has(own.id)).toBe(true);
    expect(plans.has(higher.id)).toBe(false);

    const again = (await planner.request("GET", `/api/plans/${higher.id}/adoption`)).json<PlanAdoptionForm>();
    expect(again.adoptions).toEqual([
      { planId: own.id, title: own.title, status: "confirmed", statusLabel: "已确认" },
    ]);
    const entry = (
      await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, action: "plan.adopt", limit: 1, offset: 0 })
    ).rows[0];
    expect(entry).toMatchObject({
      actor_login: "bureauplanner",
      entity_id: own.id,
      after: { adoptsPlanId: higher.id, items: 2 },
    });
  });

  it("refuses a 承接方案 of the county's own plan", async () => {
    const res = await planner.request("POST", "/api/plans", {
      fileName: "崆峒区规划.txt",
      contentBase64: seed("000_0be9ef1e3056036c"),
    });
    const own = res.json<PlanDetail>();
    expect((await planner.request("POST", `/api/plans/${own.id}/confirm`)).statusCode).toBe(200);
    expect((await planner.request("GET", `/api/plans/${own.id}/adoption`)).statusCode).toBe(409);
  });
});
