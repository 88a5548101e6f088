import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { MonthlyBulletin, type TaskDetail } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");
const chinaNow = () => new Date(Date.now() + 8 * 3_600_000);
const today = chinaNow().toISOString().slice(0, 10);
const month = today.slice(0, 7);
const monthLabel = `${month.slice(0, 4)}年${String(Number(month.slice(5, 7)))}月`;
const nextMonth = (() => {
  const d = chinaNow();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
})();
const inDays = (n: number) => new Date(chinaNow().getTime() + n * 86_400_000).toISOString().slice(0, 10);

// Issue 12: the 月通报 names the month's 销号 tasks, says which report figures it counts, speaks for the
// account's own unit when the account sees only its tasks, and refuses a month not yet begun.
describe.each(testEngines())("the 月通报 on %s", (engine) => {
  let server: TestServer;
  let bureau: TestClient;
  let lead: TestClient;
  let co: TestClient;
  const title = "合成测试任务：更新合成小学课桌椅";

  beforeAll(async () => {
    server = await createTestServer(engine);
    bureau = new TestClient(server.app);
    lead = new TestClient(server.app);
    co = new TestClient(server.app);
    await bureau.login("bureauplanner");
    await lead.login("unituser");
    await co.login("schooluser");
    const created = await bureau.request("POST", "/api/tasks", {
      title,
      sourceKind: "meeting",
      leadUnitId: await server.unitId("620802-czj"),
      coUnitIds: [await server.unitId("1620802001")],
      deadline: inDays(60),
    });
    const id = created.json<TaskDetail>().id;
    const act = (c: TestClient, action: string, comment?: string) =>
      c.request("POST", `/api/tasks/${id}/actions`, {
        action,
        ...(comment === undefined ? {} : { comment }),
      });
    await act(bureau, "assign");
    await act(lead, "accept");
    await co.request("POST", `/api/tasks/${id}/reports`, { period: month, progress: 100, text: "已完成" });
    await lead.request("POST", `/api/tasks/${id}/reports`, {
      period: month,
      progress: 100,
      text: "汇总：已全部完成",
      isConsolidated: true,
      attachments: [{ fileName: "验收单.pdf", contentBase64: PDF }],
    });
    await co.request("POST", `/api/tasks/${id}/sign-offs`, { verdict: "confirm" });
    await act(lead, "submitForReview");
    const supervisor = new TestClient(server.app);
    await supervisor.login("bureausupervisor");
    const closed = await act(supervisor, "approve", "同意销号");
    expect(closed.json<TaskDetail>().state).toBe("closed");
  });
  afterAll(async () => {
    await server.close();
  });

  const docxText = async (c: TestClient, m = month) => {
    const res = await c.request("GET", `/api/ledger/bulletin.docx?month=${m}`);
    expect(res.statusCode).toBe(200);
    return (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
  };

  it("names each task closed in the month, 按期 or 逾期, with its closing day and units", async () => {
    const b = MonthlyBulletin.parse(
      (await bureau.request("GET", `/api/ledger/bulletin?month=${month}`)).json(),
    );
    expect(b.closedList).toEqual([
      {
        taskId: expect.any(String) as string,
        title,
        units: ["崆峒区财政局", "崆峒区第1小学"],
        deadline: inDays(60),
        closedOn: today,
        isOnTime: true,
        daysOverdue: 0,
      },
    ]);
    const text = await docxText(bureau);
    expect(text).toContain("三、本月销号任务");
    expect(text).toContain(`${monthLabel}共销号重点任务1项，其中按期办结1项、逾期办结0项。`);
    expect(text).toMatch(
      new RegExp(`${title}\\s*崆峒区财政局、崆峒区第1小学\\s*${inDays(60)}\\s*${today}\\s*按期办结`),
    );
  });

  it("counts the reports received in the month apart from those due in it, and says so", async () => {
    const b = MonthlyBulletin.parse(
      (await bureau.request("GET", `/api/ledger/bulletin?month=${month}`)).json(),
    );
    expect(b.summary.receivedInMonth).toBe(2);
    const text = await docxText(bureau);
    expect(text).toContain(`按报送期限统计，${monthLabel}内到期应报送进展${String(b.summary.dueReports)}次`);
    expect(text).toContain(`按报送日期统计，${monthLabel}共收到各单位进展报告2份`);
    expect(text).not.toContain("本月应报送进展");
  });

  it("titles the bureau's bulletin as the bureau's", async () => {
    const b = MonthlyBulletin.parse(
      (await bureau.request("GET", `/api/ledger/bulletin?month=${month}`)).json(),
    );
    const bureauTitle = `崆峒区教育局${monthLabel}重点任务督办情况通报`;
    expect(b.heading).toEqual({ scope: "bureau", name: "崆峒区教育局", title: bureauTitle });
    const text = await docxText(bureau);
    expect(text.trim().split("\n")[0]).toBe(bureauTitle);
    expect(text).toContain("全局共督办重点任务");
  });

  it.each([
    ["unituser", "崆峒区财政局"],
    ["schooluser", "崆峒区第1小学"],
  ] as const)("titles %s's bulletin as its own unit's and speaks of 本单位", async (login, unit) => {
    const c = login === "unituser" ? lead : co;
    const b = MonthlyBulletin.parse((await c.request("GET", `/api/ledger/bulletin?month=${month}`)).json());
    const unitTitle = `${unit}${monthLabel}承办重点任务督办情况`;
    expect(b.heading).toEqual({ scope: "unit", name: unit, title: unitTitle });
    const text = await docxText(c);
    expect(text.trim().split("\n")[0]).toBe(unitTitle);
    expect(text).toContain(`本单位（${unit}）牵头或协办的重点任务共1项`);
    expect(text).not.toMatch(/全局|教育局.*督办情况通报/);
  });

  it.each(["bulletin", "bulletin.docx"])(
    "refuses the %s of a month not yet begun with a 400 in Chinese",
    async (what) => {
      const res = await bureau.request("GET", `/api/ledger/${what}?month=${nextMonth}`);
      expect(res.statusCode).toBe(400);
      const label = `${nextMonth.slice(0, 4)}年${String(Number(nextMonth.slice(5, 7)))}月`;
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(
        new RegExp(`^${label}尚未开始`),
      );
    },
  );
});
