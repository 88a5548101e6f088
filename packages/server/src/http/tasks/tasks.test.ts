import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import {
  DispatchBoard,
  MonthlyBulletin,
  Scoreboard,
  type TaskDetail,
  type TaskPage,
} from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const month = today.slice(0, 7);
const inDays = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describe.each(testEngines())("supervision ledger on %s", (engine) => {
  let server: TestServer;
  let bureau: TestClient;
  let lead: TestClient;
  let co: TestClient;
  let task: TaskDetail;
  const act = (c: TestClient, action: string, comment?: string) =>
    c.request("POST", `/api/tasks/${task.id}/actions`, {
      action,
      ...(comment === undefined ? {} : { comment }),
    });
  const report = (c: TestClient, extra: Record<string, unknown> = {}) =>
    c.request("POST", `/api/tasks/${task.id}/reports`, {
      period: month,
      progress: 50,
      text: "已推进",
      ...extra,
    });

  beforeAll(async () => {
    server = await createTestServer(engine);
    bureau = new TestClient(server.app);
    lead = new TestClient(server.app);
    co = new TestClient(server.app);
    await bureau.login("bureauplanner");
    await lead.login("unituser");
    await co.login("schooluser");
    const res = await bureau.request("POST", "/api/tasks", {
      title: "落实学前教育专项资金",
      sourceKind: "leader",
      sourceNote: "局长办公会交办",
      leadUnitId: await server.unitId("620802-czj"),
      coUnitIds: [await server.unitId("1620802001")],
      deadline: inDays(60),
      milestones: [{ title: "资金下达", dueOn: inDays(30) }],
    });
    expect(res.statusCode).toBe(201);
    task = res.json<TaskDetail>();
  });
  afterAll(async () => {
    await server.close();
  });

  it("creates a pending task with lead and co-unit as relations", () => {
    expect(task).toMatchObject({
      state: "pending",
      stateLabel: "待交办",
      leadUnit: { name: "崆峒区财政局" },
    });
    expect(task.coUnits.map((u) => u.name)).toEqual(["崆峒区第1小学"]);
    expect(task.availableActions).toContain("assign");
  });

  it.each([
    ["a deadline before the assignment", { deadline: "2020-01-01" }, "body.deadline", /早于交办日期/],
    [
      "a co-unit outside the jurisdiction, named",
      { coUnitIds: ["__OUT__"] },
      "body.coUnitIds.0",
      /协办单位“[^”]+”不在本辖区内/,
    ],
    ["a bad date", { deadline: "next week" }, "body.deadline", /YYYY-MM-DD/],
  ])("refuses %s and writes nothing", async (_n, patch, path, message) => {
    const count = async () => (await bureau.request("GET", "/api/tasks")).json<TaskPage>().total;
    const before = await count();
    const body: Record<string, unknown> = {
      title: "x",
      sourceKind: "meeting",
      leadUnitId: await server.unitId("620802-czj"),
      deadline: inDays(10),
      ...patch,
    };
    if ("coUnitIds" in patch) {
      body.coUnitIds = [await server.unitId("1620821001")];
    }
    const res = await bureau.request("POST", "/api/tasks", body);
    expect(res.statusCode).toBe(400);
    const error = res.json<{ error: { message: string; details: { fields: { path: string }[] } } }>().error;
    expect(error.message).toMatch(message);
    expect(error.details.fields.map((f) => f.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it("walks 交办 → 签收 → 报送 → 提请销号 → 退回 → 提请销号 → 销号, refusing illegal steps", async () => {
    expect((await act(lead, "accept")).statusCode).toBe(409);
    expect((await act(lead, "assign")).statusCode).toBe(403);
    expect((await act(bureau, "assign")).json<TaskDetail>().state).toBe("assigned");
    expect((await report(lead)).statusCode).toBe(409);
    expect((await act(lead, "accept")).json<TaskDetail>().state).toBe("inProgress");
    expect((await act(lead, "submitForReview")).statusCode).toBe(409);

    const coReport = await report(co, {
      attachments: [{ fileName: "../../etc/证明.pdf", contentBase64: PDF }],
    });
    expect(coReport.statusCode).toBe(200);
    const attachment = coReport.json<TaskDetail>().reports[0]?.attachments[0];
    expect(attachment?.fileName).toBe("证明.pdf");
    const download = await bureau.request("GET", `/api/attachments/${attachment?.id ?? ""}`);
    expect(download.rawPayload.subarray(0, 4).toString()).toBe("%PDF");

    const bad = await report(lead, { attachments: [{ fileName: "run.exe", contentBase64: PDF }] });
    expect(bad.statusCode).toBe(400);
    const fake = await report(lead, {
      attachments: [{ fileName: "x.pdf", contentBase64: Buffer.from("MZ").toString("base64") }],
    });
    expect(fake.json<{ error: { message: string } }>().error.message).toMatch(/内容与扩展名不符/);
    expect((await report(co, { isConsolidated: true })).statusCode).toBe(403);

    const final = await report(lead, { progress: 100, isConsolidated: true, text: "汇总：全部完成" });
    expect(final.json<TaskDetail>().progress).toBe(100);
    // the co-unit signs the 办结报告 (会签) before the lead may ask for 销号
    const unsigned = await act(lead, "submitForReview");
    expect(unsigned.statusCode).toBe(409);
    expect(unsigned.json<{ error: { message: string } }>().error.message).toContain("崆峒区第1小学尚未会签");
    const signed = await co.request("POST", `/api/tasks/${task.id}/sign-offs`, { verdict: "confirm" });
    expect(signed.json<TaskDetail>().coSignOffs).toMatchObject([{ verdict: "confirm" }]);
    expect((await act(lead, "submitForReview")).json<TaskDetail>().state).toBe("underReview");
    expect((await act(bureau, "return")).statusCode).toBe(409);
    const returned = await act(bureau, "return", "佐证材料不全，请补充拨付凭证");
    expect(returned.json<TaskDetail>().state).toBe("inProgress");
    expect((await act(lead, "submitForReview")).json<TaskDetail>().state).toBe("underReview");
    // the planner created and assigned the task: another reviewer closes it
    expect((await act(bureau, "approve", "同意销号")).statusCode).toBe(403);
    const supervisor = new TestClient(server.app);
    await supervisor.login("bureausupervisor");
    const closed = await act(supervisor, "approve", "同意销号");
    const detail = closed.json<TaskDetail>();
    expect(detail).toMatchObject({ state: "closed", light: "grey" });
    expect(detail.events.map((e) => e.action)).toEqual([
      "create",
      "assign",
      "accept",
      "signOff",
      "submitForReview",
      "return",
      "submitForReview",
      "approve",
    ]);
    expect(detail.events[5]?.comment).toBe("佐证材料不全，请补充拨付凭证");
    // 办理过程 names people, not logins
    expect(detail.events[0]).toMatchObject({ actorLogin: "bureauplanner", actorName: "bureauPlanner" });
    expect(detail.events[2]).toMatchObject({ actorLogin: "unituser", actorName: "unitUser" });
    const closedReport = await report(lead);
    expect(closedReport.statusCode).toBe(409);
    expect(closedReport.json<{ error: { message: string } }>().error.message).toBe(
      "已销号的任务不能再提交进展",
    );
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "task.approve",
      limit: 5,
      offset: 0,
    });
    expect(trail.rows[0]?.actor_login).toBe("bureausupervisor");
  });

  it("lets leaders instruct and units answer, and keeps others out", async () => {
    const leader = new TestClient(server.app);
    await leader.login("leader");
    const instructed = await leader.request("POST", `/api/tasks/${task.id}/instructions`, {
      text: "抓紧落实",
    });
    const first = instructed.json<TaskDetail>().instructions[0];
    expect(first?.text).toBe("抓紧落实");
    expect((await act(leader, "approve")).statusCode).toBe(403);
    const answer = await lead.request("POST", `/api/tasks/${task.id}/instructions`, {
      text: "已落实",
      replyTo: first?.id,
    });
    expect(answer.json<TaskDetail>().instructions).toHaveLength(2);
    const auditor = new TestClient(server.app);
    await auditor.login("auditadmin");
    expect((await auditor.request("GET", `/api/tasks/${task.id}`)).statusCode).toBe(403);
  });

  it("shows a unit only its own tasks", async () => {
    const other = await bureau.request("POST", "/api/tasks", {
      title: "教育局自办任务",
      sourceKind: "meeting",
      leadUnitId: await server.unitId("620802-jyj"),
      deadline: inDays(5),
    });
    const otherId = other.json<TaskDetail>().id;
    expect((await lead.request("GET", `/api/tasks/${otherId}`)).statusCode).toBe(403);
    const mine = (await lead.request("GET", "/api/tasks")).json<TaskPage>();
    expect(mine.items.map((t) => t.id)).toEqual([task.id]);
    const all = (await bureau.request("GET", "/api/tasks?sort=light")).json<TaskPage>();
    expect(all.items.map((t) => t.light)).toEqual(["blue", "grey"]);
    const blue = (await bureau.request("GET", "/api/tasks?light=blue")).json<TaskPage>();
    expect(blue.items.map((t) => t.title)).toEqual(["教育局自办任务"]);
  });

  it("produces the 月通报 .docx, the 月调度 board and the ledger .xlsx", async () => {
    const bulletin = await bureau.request("GET", `/api/ledger/bulletin?month=${month}`);
    expect(bulletin.statusCode).toBe(200);
    expect(MonthlyBulletin.parse(bulletin.json()).perUnit.map((u) => u.unit.name)).toContain("崆峒区财政局");
    const docx = await bureau.request("GET", `/api/ledger/bulletin.docx?month=${month}`);
    expect(docx.statusCode).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toMatch(/督办情况通报/);
    expect(text).toMatch(/崆峒区财政局/);
    expect((await bureau.request("GET", "/api/ledger/bulletin?month=2026-13")).statusCode).toBe(400);
    const board = await bureau.request("GET", `/api/ledger/dispatch?month=${month}`);
    expect(board.statusCode).toBe(200);
    expect(DispatchBoard.parse(board.json()).month).toBe(month);
    const scores = await bureau.request("GET", `/api/ledger/scoreboard?year=${month.slice(0, 4)}`);
    expect(Scoreboard.parse(scores.json()).map((s) => s.unit.name)).toContain("崆峒区财政局");
    const xlsx = await bureau.request("GET", "/api/tasks/export.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("督办台账");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "序号",
      "任务内容",
      "牵头单位",
      "责任单位",
      "完成时限",
      "进展情况",
      "状态",
      "亮灯",
    ]);
    const titles: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) {
        titles.push(row.getCell(2).value);
      }
    });
    expect(titles).toContain("落实学前教育专项资金");
  });

  it("handles 申请调整 (approve and refuse), 中止 and 恢复, and refuses every other role", async () => {
    const created = await bureau.request("POST", "/api/tasks", {
      title: "改扩建学校食堂",
      sourceKind: "meeting",
      leadUnitId: await server.unitId("620802-czj"),
      deadline: inDays(20),
    });
    const id = created.json<TaskDetail>().id;
    const on = (c: TestClient, action: string, comment?: string) =>
      c.request("POST", `/api/tasks/${id}/actions`, {
        action,
        ...(comment === undefined ? {} : { comment }),
      });
    await on(bureau, "assign");
    await on(lead, "accept");
    const early = await lead.request("POST", `/api/tasks/${id}/adjustments`, {
      newDeadline: inDays(5),
      reason: "提前",
    });
    expect(early.statusCode).toBe(409);
    const asked = await lead.request("POST", `/api/tasks/${id}/adjustments`, {
      newDeadline: inDays(90),
      reason: "资金未到位",
    });
    expect(asked.json<TaskDetail>().pendingAdjustment).toMatchObject({
      newDeadline: inDays(90),
      reason: "资金未到位",
    });
    expect(
      (await lead.request("POST", `/api/tasks/${id}/adjustments/decision`, { isApproved: true })).statusCode,
    ).toBe(403);
    const approved = await bureau.request("POST", `/api/tasks/${id}/adjustments/decision`, {
      isApproved: true,
    });
    expect(approved.json<TaskDetail>()).toMatchObject({ deadline: inDays(90), pendingAdjustment: null });
    await lead.request("POST", `/api/tasks/${id}/adjustments`, {
      newTitle: "改扩建学校食堂及宿舍",
      reason: "范围扩大",
    });
    const refused = await bureau.request("POST", `/api/tasks/${id}/adjustments/decision`, {
      isApproved: false,
      comment: "另行立项",
    });
    expect(refused.json<TaskDetail>()).toMatchObject({ title: "改扩建学校食堂", pendingAdjustment: null });
    expect((await on(bureau, "suspend")).statusCode).toBe(409);
    expect((await on(bureau, "suspend", "项目暂缓")).json<TaskDetail>()).toMatchObject({
      state: "suspended",
      light: "grey",
    });
    expect((await on(bureau, "resume")).json<TaskDetail>().state).toBe("inProgress");
    for (const login of ["systemadmin", "securityadmin", "inspector"]) {
      const c = new TestClient(server.app);
      await c.login(login);
      expect((await c.request("POST", `/api/tasks/${id}/actions`, { action: "approve" })).statusCode).toBe(
        403,
      );
    }
    const inspector = new TestClient(server.app);
    await inspector.login("inspector");
    expect((await inspector.request("GET", `/api/tasks/${id}`)).statusCode).toBe(200);
    const admin = new TestClient(server.app);
    await admin.login("systemadmin");
    expect((await admin.request("GET", `/api/tasks/${id}`)).statusCode).toBe(403);
  });
});
