import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskRepo } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { TaskDetail } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const DAY = 86_400_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

// Issue 12: pressing 一键催报 twice wrote every reminder twice.
describe.each(testEngines())("一键催报 on %s", (engine) => {
  let server: TestServer;
  let bureau: TestClient;
  const deadline = chinaDay(Date.now() + DAY);

  beforeAll(async () => {
    server = await createTestServer(engine);
    bureau = new TestClient(server.app);
    const lead = new TestClient(server.app);
    await bureau.login("bureauplanner");
    await lead.login("unituser");
    const created = await bureau.request("POST", "/api/tasks", {
      title: "合成测试任务：报送催办演练",
      sourceKind: "meeting",
      leadUnitId: await server.unitId("620802-czj"),
      coUnitIds: [await server.unitId("1620802001")],
      deadline,
    });
    const id = created.json<TaskDetail>().id;
    await bureau.request("POST", `/api/tasks/${id}/actions`, { action: "assign" });
    await lead.request("POST", `/api/tasks/${id}/actions`, { action: "accept" });
    // Three days on, the report due by the deadline has not come from either unit.
    server.advance(3 * DAY);
    await bureau.login("bureauplanner");
  });
  afterAll(async () => {
    await server.close();
  });

  it("writes one reminder per task, unit and period however often it is pressed", async () => {
    const month = deadline.slice(0, 7);
    const count = async () => {
      const lead = await taskRepo.notificationsFor(server.handle.db, await server.unitId("620802-czj"));
      const co = await taskRepo.notificationsFor(server.handle.db, await server.unitId("1620802001"));
      // 交办 also wrote a notification to each unit: count the reminders only
      return [...lead, ...co].filter((n) => n.kind === "report-reminder").length;
    };
    const first = await bureau.request("POST", "/api/ledger/reminders", { month });
    expect(first.json()).toEqual({ sent: 2 });
    expect(await count()).toBe(2);
    const again = await bureau.request("POST", "/api/ledger/reminders", { month });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ sent: 0 });
    expect(await count()).toBe(2);
  });
});
