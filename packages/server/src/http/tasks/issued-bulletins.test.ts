import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, orgUnitRepo, taskWriteRepo, WHOLE_TREE } from "@luoshi/db";
import { tableContents, testEngines } from "@luoshi/db/testing";
import {
  Assessment,
  BulletinIssueDraft,
  EscalationRunResult,
  IssuedBulletin,
  IssuedBulletinDetail,
  IssuedBulletinList,
  LedgerSettings,
  MonthlyBulletin,
  NotificationPage,
  TaskDetail,
  TaskPage,
} from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const DAY = 86_400_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
const start = Date.now();
const inDays = (n: number) => chinaDay(start + n * DAY);
const monthOf = (ms: number) => chinaDay(ms).slice(0, 7);
/** The test moves the clock this far: the month the tasks were 交办 in and the next are both over. */
const AHEAD = 65;
const firstMonth = monthOf(start);
const secondMonth = (() => {
  const [y, m] = firstMonth.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
})();
const issueYear = Number(inDays(AHEAD).slice(0, 4));

// Issue 12: an issued 月通报 is numbered and frozen; the running month stays a draft; the 督查室's
// 督办通知单 and 催办单; escalation by light, once only; 年度考核 scored under the bureau's scheme.
describe.each(testEngines())("issued bulletins, notices, escalation and 年度考核 on %s", (engine) => {
  let server: TestServer;
  let bureau: TestClient;
  let lead: TestClient;
  let school: TestClient;
  const ids: Record<"late" | "soon" | "quiet", string> = { late: "", soon: "", quiet: "" };
  let issued: IssuedBulletin;
  let firstBytes: Buffer;

  const loginAll = async () => {
    await bureau.login("bureauplanner");
    await lead.login("unituser");
    await school.login("schooluser");
  };

  beforeAll(async () => {
    server = await createTestServer(engine);
    bureau = new TestClient(server.app);
    lead = new TestClient(server.app);
    school = new TestClient(server.app);
    await loginAll();
    const czj = await server.unitId("620802-czj");
    const create = async (title: string, leadUnitId: string, deadline: string) => {
      const res = await bureau.request("POST", "/api/tasks", {
        title,
        sourceKind: "meeting",
        sourceNote: "合成测试会议",
        leadUnitId,
        deadline,
      });
      const id = res.json<TaskDetail>().id;
      await bureau.request("POST", `/api/tasks/${id}/actions`, { action: "assign" });
      return id;
    };
    ids.late = await create("合成测试任务：甲（将逾期）", czj, inDays(10));
    ids.soon = await create("合成测试任务：乙（学校牵头）", await server.unitId("1620802001"), inDays(3));
    ids.quiet = await create("合成测试任务：丙（长期，未报送）", czj, inDays(400));
    await lead.request("POST", `/api/tasks/${ids.late}/actions`, { action: "accept" });
    await lead.request("POST", `/api/tasks/${ids.late}/reports`, {
      period: firstMonth,
      progress: 30,
      text: "已启动",
      isConsolidated: true,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it("keeps the running month a draft: 印发 answers 409 and says why", async () => {
    const draft = BulletinIssueDraft.parse(
      (await bureau.request("GET", `/api/ledger/bulletins/draft?month=${firstMonth}`)).json(),
    );
    expect(draft.blocked).toMatch(/尚未结束，月通报仍为草稿/);
    const res = await bureau.request("POST", "/api/ledger/bulletins", { month: firstMonth });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/月末后方可印发/);
  });

  it("issues a finished month under 期号 1 with the configured 发文字号, 主送 and 表扬/批评", async () => {
    server.advance(AHEAD * DAY);
    await loginAll();
    const settings = LedgerSettings.parse((await bureau.request("GET", "/api/ledger/settings")).json());
    expect(settings.docPrefix).toBe("崆峒区教督通");
    const saved = await bureau.request("PUT", "/api/ledger/settings", {
      ...settings,
      docPrefix: "崆教督通",
      recipients: ["各学校", "局机关各股室"],
    });
    expect(saved.statusCode).toBe(200);

    const draft = BulletinIssueDraft.parse(
      (await bureau.request("GET", `/api/ledger/bulletins/draft?month=${firstMonth}`)).json(),
    );
    expect(draft).toMatchObject({
      blocked: null,
      issued: null,
      serial: 1,
      docNumber: `崆教督通〔${String(issueYear)}〕1号`,
      recipients: ["各学校", "局机关各股室"],
    });
    expect(draft.ranked.map((r) => r.rank)[0]).toBe(1);

    const res = await bureau.request("POST", "/api/ledger/bulletins", {
      month: firstMonth,
      praise: "合成测试：表扬文字由督查室改写。",
    });
    expect(res.statusCode).toBe(201);
    issued = IssuedBulletin.parse(res.json());
    expect(issued).toMatchObject({
      month: firstMonth,
      serial: 1,
      docNumber: draft.docNumber,
      year: issueYear,
    });

    const again = await bureau.request("POST", "/api/ledger/bulletins", { month: firstMonth });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain("不能重复印发");

    const file = await bureau.request("GET", `/api/ledger/bulletins/${issued.id}/docx`);
    expect(file.statusCode).toBe(200);
    firstBytes = file.rawPayload;
    expect(createHash("sha256").update(firstBytes).digest("hex")).toBe(issued.sha256);
    const text = (await mammoth.extractRawText({ buffer: firstBytes })).value;
    expect(text).toContain(draft.docNumber);
    expect(text).toContain("各学校、局机关各股室：");
    expect(text).toContain("合成测试：表扬文字由督查室改写。");
    expect(text).toContain(draft.criticism);
    expect(text).toMatch(/二、各单位落实情况及排名[\s\S]*名次/);
    expect(text).toContain("三、通报表扬和批评");
  });

  it("numbers the next issue 2 and lists both, newest first", async () => {
    const res = await bureau.request("POST", "/api/ledger/bulletins", { month: secondMonth });
    expect(res.statusCode).toBe(201);
    expect(IssuedBulletin.parse(res.json()).serial).toBe(2);
    const list = IssuedBulletinList.parse((await bureau.request("GET", "/api/ledger/bulletins")).json());
    expect(list.map((b) => [b.month, b.serial])).toEqual([
      [secondMonth, 2],
      [firstMonth, 1],
    ]);
    expect(list[1]?.issuedBy).toBe("bureauPlanner");
  });

  it("returns the identical bytes and figures after the data change", async () => {
    const before = IssuedBulletinDetail.parse(
      (await bureau.request("GET", `/api/ledger/bulletins/${issued.id}`)).json(),
    );
    const { db } = server.handle;
    await orgUnitRepo.update(db, await server.unitId("620802-czj"), { name: "崆峒区财政局（合成改名）" });
    for (const id of Object.values(ids)) {
      await taskWriteRepo.updateTask(db, id, { title: "合成测试任务：改过的标题" });
    }
    const live = MonthlyBulletin.parse(
      (await bureau.request("GET", `/api/ledger/bulletin?month=${firstMonth}`)).json(),
    );
    expect(live.perUnit.map((u) => u.unit.name)).toContain("崆峒区财政局（合成改名）");

    const file = await bureau.request("GET", `/api/ledger/bulletins/${issued.id}/docx`);
    expect(file.rawPayload.equals(firstBytes)).toBe(true);
    const after = IssuedBulletinDetail.parse(
      (await bureau.request("GET", `/api/ledger/bulletins/${issued.id}`)).json(),
    );
    expect(after).toEqual(before);
    expect(after.bulletin.perUnit.map((u) => u.unit.name)).toContain("崆峒区财政局");
    const trail = async (action: string) =>
      (await auditRepo.list(db, { scope: WHOLE_TREE, action, limit: 10, offset: 0 })).total;
    // two issues and two downloads so far
    expect([await trail("ledger.bulletin-issue"), await trail("ledger.bulletin-download")]).toEqual([2, 2]);
  });

  it("keeps issued bulletins and the settings from unit accounts (403) and 印发 from leaders", async () => {
    for (const url of [
      "/api/ledger/bulletins",
      `/api/ledger/bulletins/${issued.id}/docx`,
      "/api/ledger/settings",
    ]) {
      expect((await lead.request("GET", url)).statusCode).toBe(403);
    }
    expect((await school.request("POST", "/api/ledger/bulletins", { month: firstMonth })).statusCode).toBe(
      403,
    );
  });

  it("writes the 督办通知单 and the 催办单 of a task in 公文 layout with a 签收回执", async () => {
    const notice = await bureau.request("GET", `/api/tasks/${ids.late}/notice.docx`);
    expect(notice.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: notice.rawPayload })).value;
    expect(text).toContain("崆峒区教育局重点任务督办通知单");
    expect(text).toMatch(/督办依据\s*会议议定事项（合成测试会议）/);
    expect(text).toContain(`办结时限\n\n${inDays(10).slice(0, 4)}年`);
    expect(text).toContain("督办情况");
    expect(text).toContain("签收回执");
    const urge = await lead.request("GET", `/api/tasks/${ids.quiet}/urge.docx`);
    expect(urge.statusCode).toBe(200);
    const urgeText = (await mammoth.extractRawText({ buffer: urge.rawPayload })).value;
    expect(urgeText).toContain("重点任务催办单");
    // never 签收: the first reason the light gives is the missed 签收时限, ahead of the missing reports
    expect(urgeText).toContain("逾期未签收");
    expect((await school.request("GET", `/api/tasks/${ids.quiet}/notice.docx`)).statusCode).toBe(403);
  });

  it("escalates by light once: 催办 for yellow, 督办通知 and 约谈 for long red, nothing on a rerun", async () => {
    const first = EscalationRunResult.parse((await bureau.request("POST", "/api/ledger/escalations")).json());
    expect(first).toEqual({ urge: 1, notice: 2, interview: 2, notifications: 5 });
    const second = EscalationRunResult.parse(
      (await bureau.request("POST", "/api/ledger/escalations")).json(),
    );
    expect(second).toEqual({ urge: 0, notice: 0, interview: 0, notifications: 0 });
    const detail = TaskDetail.parse((await lead.request("GET", `/api/tasks/${ids.late}`)).json());
    expect(detail.escalations.map((e) => e.levelLabel)).toEqual(["督办通知", "约谈/问责"]);
    expect(detail.escalations[1]?.subject).toContain("主要负责人");
    expect(detail.escalation).toBe("interview");
    const page = TaskPage.parse((await bureau.request("GET", "/api/tasks?pageSize=50")).json());
    const byId = new Map(page.items.map((t) => [t.id, t.escalation]));
    expect(byId.get(ids.quiet)).toBe("urge");
    const notes = ((await tableContents(server.handle.db)).get("notifications") ?? [])
      .map((line) => /"(escalation-[a-z]+)"/.exec(line)?.[1])
      .filter((kind) => kind !== undefined)
      .sort();
    expect(notes).toEqual([
      "escalation-interview",
      "escalation-interview",
      "escalation-notice",
      "escalation-notice",
      "escalation-urge",
    ]);
    expect((await lead.request("POST", "/api/ledger/escalations")).statusCode).toBe(403);
    // the reminders are dated by the server's clock, like the records they announce (they were dated
    // by the database's clock, which is not the one the services run on)
    const inbox = NotificationPage.parse(
      (await lead.request("GET", "/api/notifications?pageSize=50")).json(),
    );
    const reminders = inbox.items.filter((n) => n.kind.startsWith("escalation-"));
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.map((n) => chinaDay(Date.parse(n.createdAt))))).toEqual(
      new Set([inDays(AHEAD)]),
    );
  });

  it("scores the 年度考核 under the scheme, consistent with the scoreboard, and exports it", async () => {
    const res = await bureau.request("GET", `/api/ledger/assessment?year=${String(issueYear)}`);
    expect(res.statusCode).toBe(200);
    const a = Assessment.parse(res.json());
    const board = (await bureau.request("GET", `/api/ledger/scoreboard?year=${String(issueYear)}`)).json<
      { unit: { id: string }; tasks: number; overdue: number; closed: number }[]
    >();
    for (const row of a.rows) {
      const same = board.find((b) => b.unit.id === row.unit.id);
      expect([row.tally.tasks, row.tally.overdue, row.tally.closed]).toEqual([
        same?.tasks,
        same?.overdue,
        same?.closed,
      ]);
      const off = Object.values(row.deductions).reduce((s, v) => s + v, 0);
      expect(row.score).toBeCloseTo(Math.max(0, a.scheme.base - off));
    }
    const czj = a.rows.find((r) => r.tally.overdue === 1 && r.counts.interviews === 1);
    expect(czj?.deductions.interviews).toBe(a.scheme.deductions.interview);
    expect(a.rows.map((r) => r.score)).toEqual([...a.rows.map((r) => r.score)].sort((x, y) => y - x));

    const xlsx = await bureau.request("GET", `/api/ledger/assessment.xlsx?year=${String(issueYear)}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(13).value).toBe("得分");
    expect(sheet?.getRow(2).getCell(13).value).toBe(a.rows[0]?.score);
    const docx = await bureau.request("GET", `/api/ledger/assessment.docx?year=${String(issueYear)}`);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain(`崆峒区教育局${String(issueYear)}年度重点任务督办考核结果`);
    expect(text).toContain("被约谈（问责）每次扣5分");
  });
});
