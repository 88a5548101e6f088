import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { TaskDetail } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const DAY = 86_400_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

// Issue 12: a milestone could never be marked reached, so a task stayed yellow until it turned red.
describe.each(testEngines())("marking a milestone reached on %s", (engine) => {
  let server: TestServer;
  let bureau: TestClient;
  let lead: TestClient;
  let co: TestClient;
  let task: TaskDetail;
  const reach = (c: TestClient, milestoneId: string, body: Record<string, unknown>) =>
    c.request("POST", `/api/tasks/${task.id}/milestones/${milestoneId}/reached`, body);
  const today = () => chinaDay(server.deps.now().getTime());

  beforeAll(async () => {
    server = await createTestServer(engine);
    bureau = new TestClient(server.app);
    lead = new TestClient(server.app);
    co = new TestClient(server.app);
    await bureau.login("bureauplanner");
    await lead.login("unituser");
    await co.login("schooluser");
    const created = await bureau.request("POST", "/api/tasks", {
      title: "合成测试任务：改造合成小学运动场",
      sourceKind: "meeting",
      leadUnitId: await server.unitId("620802-czj"),
      coUnitIds: [await server.unitId("1620802001")],
      deadline: chinaDay(Date.now() + 90 * DAY),
      frequency: "once",
      milestones: [
        { title: "完成招标", dueOn: chinaDay(Date.now() + 10 * DAY) },
        { title: "主体完工", dueOn: chinaDay(Date.now() + 40 * DAY) },
      ],
    });
    task = created.json<TaskDetail>();
    await bureau.request("POST", `/api/tasks/${task.id}/actions`, { action: "assign" });
    await lead.request("POST", `/api/tasks/${task.id}/actions`, { action: "accept" });
    // Twenty days on, 完成招标 is past due and not reached: the task is yellow.
    server.advance(20 * DAY);
    for (const [c, login] of [
      [bureau, "bureauplanner"],
      [lead, "unituser"],
      [co, "schooluser"],
    ] as const) {
      await c.login(login);
    }
    task = (await bureau.request("GET", `/api/tasks/${task.id}`)).json<TaskDetail>();
  });
  afterAll(async () => {
    await server.close();
  });

  it("turns the light back from yellow once the lead unit marks the milestone reached", async () => {
    expect(task).toMatchObject({ light: "yellow", lightReason: expect.stringMatching(/完成招标/) as string });
    const first = task.milestones[0];
    expect(first).toMatchObject({ title: "完成招标", reachedOn: null, note: null });
    const res = await reach(lead, first?.id ?? "", { reachedOn: today(), note: "已完成公开招标" });
    expect(res.statusCode).toBe(200);
    const after = res.json<TaskDetail>();
    expect(after.milestones[0]).toMatchObject({ reachedOn: today(), note: "已完成公开招标" });
    expect(after.light).not.toBe("yellow");
    expect(after.events.at(-1)).toMatchObject({
      action: "milestoneReached",
      actionLabel: "确认序时进度完成",
      comment: `序时进度「完成招标」于${today()}完成：已完成公开招标`,
    });
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "task.milestone-reached",
      limit: 5,
      offset: 0,
    });
    expect(trail.rows.map((r) => r.actor_login)).toEqual(["unituser"]);
  });

  it("refuses a second marking, a co-unit, a leader, a future day and an unknown milestone", async () => {
    const [first, second] = task.milestones;
    const twice = await reach(bureau, first?.id ?? "", { reachedOn: today() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { message: string } }>().error.message).toMatch(/已于.*确认完成/);
    expect((await reach(co, second?.id ?? "", { reachedOn: today() })).statusCode).toBe(403);
    const leader = new TestClient(server.app);
    await leader.login("leader");
    expect((await reach(leader, second?.id ?? "", { reachedOn: today() })).statusCode).toBe(403);
    const future = await reach(bureau, second?.id ?? "", {
      reachedOn: chinaDay(server.deps.now().getTime() + DAY),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { message: string } }>().error.message).toMatch(/晚于今天/);
    const unknown = await reach(bureau, "00000000-0000-4000-8000-000000000018", { reachedOn: today() });
    expect(unknown.statusCode).toBe(404);
    const detail = (await bureau.request("GET", `/api/tasks/${task.id}`)).json<TaskDetail>();
    expect(detail.milestones[1]?.reachedOn).toBeNull();
  });

  it("lets bureau staff mark a milestone reached", async () => {
    const second = task.milestones[1];
    const res = await reach(bureau, second?.id ?? "", { reachedOn: today() });
    expect(res.json<TaskDetail>().milestones[1]).toMatchObject({ reachedOn: today(), note: null });
  });
});
