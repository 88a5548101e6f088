import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { NotificationPage, PlanDetail, TaskBatchResult, TaskDetail, Workbench } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const DAY = 86_400_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const PLAN = [
  "崆峒区合成测试教育行动方案",
  "一、重点任务",
  "（一）合成测试：改善学校食堂条件。（牵头单位：区财政局）",
  "（二）合成测试：开展教师培训。",
  "（三）合成测试：更新课桌椅。",
].join("\n");

type ErrorBody = { error: { code: string; message: string; details?: { fields?: { path: string }[] } } };

// Issue 12: the 督查室 workflow — batch 立项, notifications that arrive, 签收时限, 会签, 岗位分离, 工作台.
describe.each(testEngines())("the 督查室 workflow on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let supervisor: TestClient;
  let finance: TestClient;
  let school: TestClient;
  let leader: TestClient;
  let plan: PlanDetail;
  let czj: string;
  let school1: string;
  let taskIds: string[] = [];
  const deadline = chinaDay(Date.now() + 90 * DAY);
  const act = (c: TestClient, id: string, action: string, comment?: string) =>
    c.request("POST", `/api/tasks/${id}/actions`, { action, ...(comment === undefined ? {} : { comment }) });
  const inbox = async (c: TestClient, q = "") =>
    (await c.request("GET", `/api/notifications${q}`)).json<NotificationPage>();
  const unread = async (c: TestClient) =>
    (await c.request("GET", "/api/notifications/unread-count")).json<{ unread: number }>().unread;

  beforeAll(async () => {
    server = await createTestServer(engine);
    [planner, supervisor, finance, school, leader] = [0, 1, 2, 3, 4].map(
      () => new TestClient(server.app),
    ) as [TestClient, TestClient, TestClient, TestClient, TestClient];
    await planner.login("bureauplanner");
    await supervisor.login("bureausupervisor");
    await finance.login("unituser");
    await school.login("schooluser");
    await leader.login("leader");
    czj = await server.unitId("620802-czj");
    school1 = await server.unitId("1620802001");
    const imported = await planner.request("POST", "/api/plans", {
      fileName: "合成测试行动方案.txt",
      contentBase64: Buffer.from(PLAN).toString("base64"),
    });
    plan = imported.json<PlanDetail>();
    expect((await planner.request("POST", `/api/plans/${plan.id}/confirm`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await server.close();
  });

  const items = () => plan.nodes.filter((n) => n.title.startsWith("合成测试"));

  it("creates tasks from chosen plan items all or nothing, naming the bad row", async () => {
    expect(items()).toHaveLength(3);
    const rows = items().map((n) => ({
      planNodeId: n.id,
      title: n.title,
      leadUnitId: czj,
      coUnitIds: [school1],
      deadline,
      frequency: "monthly",
    }));
    const other = await server.unitId("1620821001");
    const bad = await planner.request("POST", "/api/tasks/batch", {
      planId: plan.id,
      rows: [rows[0], { ...rows[1], coUnitIds: [other] }, rows[2]],
    });
    expect(bad.statusCode).toBe(400);
    const error = bad.json<ErrorBody>().error;
    expect(error.message).toMatch(/^第2行（第 .+ 条）：协办单位“泾川县城关小学”不在本辖区内$/);
    expect(error.details?.fields?.map((f) => f.path)).toContain("body.rows.1.coUnitIds.0");
    expect(
      (await planner.request("GET", `/api/tasks?planId=${plan.id}`)).json<{ total: number }>().total,
    ).toBe(0);

    expect((await finance.request("POST", "/api/tasks/batch", { planId: plan.id, rows })).statusCode).toBe(
      403,
    );
    const made = await planner.request("POST", "/api/tasks/batch", { planId: plan.id, rows });
    expect(made.statusCode).toBe(201);
    taskIds = made.json<TaskBatchResult>().taskIds;
    expect(taskIds).toHaveLength(3);
    const first = (await planner.request("GET", `/api/tasks/${taskIds[0] ?? ""}`)).json<TaskDetail>();
    expect(first).toMatchObject({ state: "pending", leadUnit: { id: czj }, acceptWithinDays: 2 });
    expect(first.source).toContain("合成测试教育行动方案");
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "task.batch-create",
      limit: 5,
      offset: 0,
    });
    expect(trail.rows).toHaveLength(1);
  });

  it("tells the units of 交办, counts unread, and marks one or all read", async () => {
    const id = taskIds[0] ?? "";
    expect(await unread(finance)).toBe(0);
    const assigned = (await act(planner, id, "assign")).json<TaskDetail>();
    expect(assigned.acceptBy).not.toBeNull();
    expect(await unread(finance)).toBe(1);
    const list = await inbox(finance);
    expect(list.items[0]).toMatchObject({ kind: "assigned", kindLabel: "交办", taskId: id, isRead: false });
    expect(list.items[0]?.text).toContain(`请于${assigned.acceptBy ?? ""}前签收`);
    expect((await inbox(school)).items[0]?.text).toContain("由您单位协办");
    // nobody else reads the unit's messages
    expect((await inbox(planner)).items.filter((n) => n.kind === "assigned")).toHaveLength(0);

    await act(planner, taskIds[1] ?? "", "assign");
    expect(await unread(finance)).toBe(2);
    const firstId = list.items[0]?.id ?? "";
    const one = await finance.request("POST", "/api/notifications/read", { ids: [firstId] });
    expect(one.json()).toEqual({ marked: 1 });
    // another unit's notification id marks nothing
    expect((await school.request("POST", "/api/notifications/read", { ids: [firstId] })).json()).toEqual({
      marked: 0,
    });
    expect(await unread(finance)).toBe(1);
    expect((await inbox(finance, "?unread=true")).items).toHaveLength(1);
    expect((await finance.request("POST", "/api/notifications/read-all")).json()).toEqual({ marked: 1 });
    expect(await unread(finance)).toBe(0);
    expect(await unread(school)).toBe(2);
  });

  it("shows 签收 overdue after the working-day limit in the light and the 工作台", async () => {
    const id = taskIds[1] ?? "";
    const before = (await finance.request("GET", "/api/workbench")).json<Workbench>();
    const toAccept = before.groups.find((g) => g.kind === "accept");
    expect(toAccept?.items.map((i) => i.link)).toContain(`/ledger/tasks/${id}`);
    expect(toAccept?.items.every((i) => !i.isOverdue)).toBe(true);
    server.advance(6 * DAY);
    // sessions expire meanwhile: everyone signs in again
    for (const [c, login] of [
      [planner, "bureauplanner"],
      [supervisor, "bureausupervisor"],
      [finance, "unituser"],
      [school, "schooluser"],
      [leader, "leader"],
    ] as const) {
      await c.login(login);
    }
    const late = (await finance.request("GET", `/api/tasks/${id}`)).json<TaskDetail>();
    expect(late).toMatchObject({
      light: "yellow",
      lightReason: `逾期未签收（应于${late.acceptBy ?? ""}前签收）`,
    });
    const after = (await finance.request("GET", "/api/workbench")).json<Workbench>();
    expect(after.groups.find((g) => g.kind === "accept")?.items.every((i) => i.isOverdue)).toBe(true);
    const listed = (await planner.request("GET", "/api/tasks?state=assigned")).json<{
      items: { id: string; lightReason: string }[];
    }>();
    expect(listed.items.find((t) => t.id === id)?.lightReason).toMatch(/^逾期未签收/);
  });

  it("needs each co-unit's 会签 before 提请销号 and lets only another reviewer 销号", async () => {
    const id = taskIds[0] ?? "";
    expect((await act(finance, id, "accept")).json<TaskDetail>().state).toBe("inProgress");
    expect(
      (await school.request("POST", `/api/tasks/${id}/sign-offs`, { verdict: "confirm" })).statusCode,
    ).toBe(409);
    const final = await finance.request("POST", `/api/tasks/${id}/reports`, {
      period: chinaDay(Date.now() + 6 * DAY).slice(0, 7),
      progress: 100,
      text: "汇总：食堂改造全部完成",
      isConsolidated: true,
      attachments: [
        { fileName: "验收单.pdf", contentBase64: Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64") },
      ],
    });
    expect(final.json<TaskDetail>()).toMatchObject({ hasFinalReport: true, coSignOffs: [{ verdict: null }] });
    expect((await inbox(school)).items[0]).toMatchObject({ kind: "co-sign", taskId: id });
    expect(
      (await school.request("GET", "/api/workbench")).json<Workbench>().groups.map((g) => g.kind),
    ).toContain("co-sign");
    expect(
      (await finance.request("POST", `/api/tasks/${id}/sign-offs`, { verdict: "confirm" })).statusCode,
    ).toBe(403);
    expect(
      (await school.request("POST", `/api/tasks/${id}/sign-offs`, { verdict: "object" })).statusCode,
    ).toBe(400);
    const objected = await school.request("POST", `/api/tasks/${id}/sign-offs`, {
      verdict: "object",
      note: "我校课桌数未计入",
    });
    expect(objected.json<TaskDetail>().coSignOffs[0]).toMatchObject({
      verdict: "object",
      note: "我校课桌数未计入",
    });
    expect((await inbox(finance)).items[0]?.kind).toBe("co-sign-objection");
    const refused = await act(finance, id, "submitForReview");
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.message).toBe(
      "提请销号须先由全部协办单位会签办结报告：崆峒区第1小学有异议（我校课桌数未计入）",
    );
    const signed = await school.request("POST", `/api/tasks/${id}/sign-offs`, { verdict: "confirm" });
    expect(signed.json<TaskDetail>().coSignOffs[0]).toMatchObject({
      verdict: "confirm",
      signer: "schoolUser",
    });
    expect((await act(finance, id, "submitForReview")).json<TaskDetail>().state).toBe("underReview");

    // reviewers hear of it; the unit does not
    expect((await inbox(supervisor)).items[0]).toMatchObject({ kind: "review-request", taskId: id });
    expect((await inbox(planner)).items[0]).toMatchObject({ kind: "review-request", taskId: id });
    expect((await inbox(finance)).items.some((n) => n.kind === "review-request")).toBe(false);
    const review = (await supervisor.request("GET", "/api/workbench")).json<Workbench>();
    expect(review.groups.find((g) => g.kind === "review")?.items[0]?.detail).toBe("已提请销号，请复核");
    const own = (await planner.request("GET", "/api/workbench")).json<Workbench>();
    expect(own.groups.find((g) => g.kind === "review")?.items[0]?.detail).toMatch(/须由其他复核人员销号/);

    // 岗位分离: the planner created and assigned the task
    const seen = (await planner.request("GET", `/api/tasks/${id}`)).json<TaskDetail>();
    expect(seen.availableActions).not.toContain("approve");
    expect(seen.closeRefusal).toMatch(/不能为其销号/);
    expect((await supervisor.request("GET", `/api/tasks/${id}`)).json<TaskDetail>()).toMatchObject({
      closeRefusal: null,
      availableActions: expect.arrayContaining(["approve"]) as unknown,
    });
    const selfClose = await act(planner, id, "approve");
    expect(selfClose.statusCode).toBe(403);
    expect(selfClose.json<ErrorBody>().error.message).toBe(
      "您是该任务的立项人或交办人，不能为其销号：请由另一位有复核权限的同事复核销号",
    );
    const returned = await act(supervisor, id, "return", "请补充验收照片");
    expect(returned.json<TaskDetail>().state).toBe("inProgress");
    expect((await inbox(finance)).items[0]).toMatchObject({ kind: "returned" });
    expect((await inbox(finance)).items[0]?.text).toContain("请补充验收照片");
    await act(finance, id, "submitForReview");
    const closed = await act(supervisor, id, "approve", "同意销号");
    expect(closed.json<TaskDetail>().state).toBe("closed");
  });

  it("tells the units of a 批示", async () => {
    const id = taskIds[1] ?? "";
    await leader.request("POST", `/api/tasks/${id}/instructions`, { text: "抓紧签收落实" });
    const got = (await inbox(finance)).items[0];
    expect(got).toMatchObject({ kind: "instruction", kindLabel: "批示" });
    expect(got?.text).toContain("抓紧签收落实");
  });

  it("edits and 改派 a task, telling the old unit and keeping the history", async () => {
    const id = taskIds[1] ?? "";
    expect(
      (
        await finance.request("PATCH", `/api/tasks/${id}`, {
          leadUnitId: school1,
          coUnitIds: [],
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    const moved = await planner.request("PATCH", `/api/tasks/${id}`, {
      leadUnitId: school1,
      coUnitIds: [],
      deadline: chinaDay(Date.now() + 120 * DAY),
      reason: "改由学校牵头更合适",
    });
    expect(moved.statusCode).toBe(200);
    const detail = moved.json<TaskDetail>();
    expect(detail).toMatchObject({ state: "assigned", leadUnit: { id: school1 }, coUnits: [] });
    const event = detail.events.at(-1);
    expect(event).toMatchObject({ action: "reassign", actionLabel: "改派", actorName: "bureauPlanner" });
    expect(event?.comment).toContain("理由：改由学校牵头更合适");
    expect((await inbox(finance)).items[0]).toMatchObject({ kind: "reassigned", taskId: id });
    expect((await inbox(school)).items[0]?.text).toContain("改由您单位牵头");
    // the old lead unit no longer sees the task
    expect((await finance.request("GET", `/api/tasks/${id}`)).statusCode).toBe(403);
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "task.reassign",
      limit: 5,
      offset: 0,
    });
    expect(trail.rows[0]?.entity_id).toBe(id);
    const same = await planner.request("PATCH", `/api/tasks/${id}`, {
      leadUnitId: school1,
      reason: "无变化",
    });
    expect(same.statusCode).toBe(400);
  });

  it("explains an empty 工作台 by having no groups", async () => {
    const admin = new TestClient(server.app);
    await admin.login("inspector");
    const bench = (await admin.request("GET", "/api/workbench")).json<Workbench>();
    expect(bench.groups.every((g) => g.kind === "red" || g.kind === "notifications")).toBe(true);
  });
});
