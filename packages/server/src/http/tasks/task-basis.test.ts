import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import type { PlanDetail, TaskDetail } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

/** A document as some government sites publish it: traditional characters with pinyin glosses. */
const GLOSSED = [
  "崆峒區(qū)學(xué)前教育推進(jìn)方案",
  "一、重點(diǎn)任務(wù)",
  "（一）擴(kuò)大普惠性學(xué)前教育資源。新建改擴(kuò)建公辦幼兒園3所。（牽頭單位：區(qū)教育局）",
  "（二）提高保教質(zhì)量。開展幼兒園保育教育質(zhì)量評估。",
].join("\n");

describe.each(testEngines())("a task's 督办依据 on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
  });
  afterAll(async () => {
    await server.close();
  });

  it("quotes the clause as a person reads it, not the glossed source", async () => {
    const imported = await planner.request("POST", "/api/plans", {
      fileName: "学前教育推进方案.txt",
      contentBase64: Buffer.from(GLOSSED).toString("base64"),
    });
    expect(imported.statusCode).toBe(201);
    const plan = imported.json<PlanDetail>();
    expect((await planner.request("POST", `/api/plans/${plan.id}/confirm`)).statusCode).toBe(200);
    const node = plan.nodes.find((n) => n.title.includes("普惠性学前教育资源"));
    expect(node, "the parser finds the clause").toBeDefined();

    const created = await planner.request("POST", "/api/tasks", {
      title: "扩大普惠性学前教育资源",
      sourceKind: "plan",
      planNodeId: node?.id,
      leadUnitId: await server.unitId("620802-czj"),
      deadline: "2030-12-31",
    });
    expect(created.statusCode).toBe(201);
    const detail = await planner.request("GET", `/api/tasks/${created.json<TaskDetail>().id}`);
    const basis = detail.json<TaskDetail>().sourceText ?? "";
    expect(basis).toContain("扩大普惠性学前教育资源。新建改扩建公办幼儿园3所。");
    expect(basis).not.toMatch(/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]/);
    expect(basis).not.toMatch(/擴|學|園/);
  });
});
