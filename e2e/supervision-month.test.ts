import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import type { Browser, Download, Page } from "playwright-core";
import { launchBrowser, logIn } from "./browser.ts";
import { startClockServer, type ClockServer } from "./clock-server.ts";
import { expectTaskState, pickOption, taskAction } from "./task-steps.ts";

const SEED = fileURLToPath(
  new URL("../packages/domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);
const ITEMS = ["2.1.3", "2.1.4"] as const;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** The month walked: the one before the real month (China time), so that it has ended by phase three. */
const realToday = new Date(Date.now() + 8 * 3_600_000);
const Y = realToday.getUTCMonth() === 0 ? realToday.getUTCFullYear() - 1 : realToday.getUTCFullYear();
const MONTH_NO = realToday.getUTCMonth() === 0 ? 12 : realToday.getUTCMonth();
const M = `${String(Y)}-${String(MONTH_NO).padStart(2, "0")}`;
/** An instant of day `day` of the month walked, China time. */
const dayOfMonth = (day: number, hour: number) =>
  new Date(`${M}-${String(day).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+08:00`);
/** The tasks' deadline: the last day of the month after the one walked (still open when it is reported). */
const DEADLINE = new Date(Date.UTC(Y, MONTH_NO + 1, 0)).toISOString().slice(0, 10);

async function download(page: Page, press: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), press()]);
  return file;
}

const docxText = async (file: Download) => (await mammoth.extractRawText({ path: await file.path() })).value;

/** 报送进展 on the open task page: percent, the three texts, optionally a PDF. */
async function report(page: Page, percent: number, text: string, attachment?: string): Promise<void> {
  await page.getByRole("button", { name: "报送进展" }).click();
  const form = page.getByRole("dialog");
  await form.getByLabel("进展（%）").fill(String(percent));
  await form.getByLabel("进展情况").fill(text);
  await form.getByLabel("存在问题").fill("无");
  await form.getByLabel("下步打算").fill("按计划推进");
  if (attachment !== undefined) {
    await form
      .getByLabel("上传附件")
      .setInputFiles({ name: attachment, mimeType: "application/pdf", buffer: PDF });
  }
  await form.getByRole("button", { name: "提交" }).click();
  await expect.poll(() => form.isVisible()).toBe(false);
}

/** Picks a month in the page's 月份 picker. */
async function pickMonth(page: Page, month: string): Promise<void> {
  const picker = page.getByLabel("月份", { exact: true });
  await picker.click();
  await picker.fill(month);
  await picker.press("Enter");
}

// Issue 12, "Done when": the whole month of a 督查室 on the seed 001 plan, in the browser, as the roles
// who do it. The server's clock (and each browser's) is moved: the 3rd of the month (立项, 交办, 签收, a
// first report), the 26th (月调度 after the 25th: 督办升级 and 一键催报, the reminders arriving, the
// late report, the 办结报告, 会签 and 销号), and after the month's end (the 月通报 issued, numbered,
// frozen, and the 年度考核 scored).
describe("a 督查室's month in Chromium", () => {
  let server: ClockServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startClockServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  /** A fresh browser context whose clock reads the server's, signed in as `login`. */
  async function as(login: string): Promise<Page> {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
    });
    await context.clock.install({ time: server.now() });
    const page = await context.newPage();
    await logIn(page, server, login);
    return page;
  }

  it("立项 → 交办 → 签收 → 报送 → 催办 → 会签 → 销号 → 月通报 印发 → 年度考核", async () => {
    // ---- the 3rd: batch 立项 from the confirmed plan, 交办 with the 督办通知单 ----
    server.setClock(dayOfMonth(3, 9));
    const planner = await as("planner");
    await planner.goto(`${server.url}/plans`);
    await planner.getByRole("button", { name: "导入文件" }).click();
    await planner.getByLabel("选择文件").setInputFiles(SEED);
    await planner.getByRole("button", { name: "开始导入" }).click();
    await planner.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await planner.getByRole("button", { name: "确认规划" }).click();
    await planner.getByRole("button", { name: "确定" }).click();
    await planner.getByRole("button", { name: "批量立项" }).click();
    await planner.waitForURL(/\/plans\/[0-9a-f-]{36}\/batch$/);
    const titles: string[] = [];
    for (const path of ITEMS) {
      const box = planner.getByLabel(`选择第 ${path} 条`);
      await box.check();
      const row = planner.getByRole("row").filter({ has: box });
      titles.push(((await row.locator("td").nth(2).textContent()) ?? "").trim());
    }
    const [done, late] = titles as [string, string];
    expect(done).not.toBe("");
    expect(late).not.toBe("");
    const school = await as("school");
    const schoolName =
      ((await school.locator(".header-user").textContent()) ?? "").split("·")[1]?.trim() ?? "";
    expect(schoolName).not.toBe("");
    await pickOption(planner, "牵头单位", "财政局", "崆峒区财政局");
    await pickOption(planner, "协办单位", schoolName, schoolName);
    await planner.getByLabel("完成时限", { exact: true }).fill(DEADLINE);
    await planner.getByLabel("完成时限", { exact: true }).press("Enter");
    await planner.getByRole("button", { name: "应用到已勾选" }).click();
    await planner.getByRole("button", { name: "立项（2项）" }).click();
    await planner.waitForURL(/\/ledger/);
    const taskUrls = new Map<string, string>();
    for (const title of titles) {
      await planner.goto(`${server.url}/ledger`);
      await planner.getByRole("link", { name: title }).click();
      await planner.waitForURL(/\/ledger\/tasks\/[0-9a-f-]{36}$/);
      taskUrls.set(title, planner.url());
      await expectTaskState(planner, "待交办");
      await taskAction(planner, "交办");
      await expectTaskState(planner, "已交办（待签收）");
      const notice = await download(planner, () =>
        planner.getByRole("button", { name: "督办通知单" }).click(),
      );
      const text = await docxText(notice);
      expect(text).toContain("重点任务督办通知单");
      expect(text).toContain(title);
      expect(text).toContain("崆峒区财政局");
      expect(text).toContain("签收回执");
    }

    // the lead unit: two 交办 messages, two tasks to sign on its 工作台; 签收 both, report on one.
    const finance = await as("finance");
    await expect.poll(() => finance.getByRole("button", { name: "消息（2条未读）" }).isVisible()).toBe(true);
    const toSign = finance.locator(".workbench-group").filter({ hasText: "待签收" });
    for (const title of titles) {
      await finance.goto(server.url);
      await toSign.getByRole("link", { name: title }).click();
      await taskAction(finance, "签收");
      await expectTaskState(finance, "办理中");
    }
    await finance.goto(taskUrls.get(done) ?? "");
    await report(finance, 60, "合成测试：已完成方案制定和资金测算");
    await finance.getByRole("button", { name: /^消息/ }).click();
    await finance.getByRole("button", { name: "全部标为已读" }).click();
    await expect
      .poll(() => finance.getByRole("button", { name: "消息", exact: true }).isVisible())
      .toBe(true);

    // ---- the 26th: 月调度 — one report missing; 督办升级 and 一键催报 ----
    server.setClock(dayOfMonth(26, 10));
    const planner26 = await as("planner");
    await planner26.goto(`${server.url}/ledger/dispatch`);
    const lateRow = planner26.getByRole("row").filter({ hasText: late }).filter({ hasText: "崆峒区财政局" });
    await expect.poll(() => lateRow.textContent()).toContain("未报");
    const doneRow = planner26.getByRole("row").filter({ hasText: done }).filter({ hasText: "崆峒区财政局" });
    await expect.poll(() => doneRow.textContent()).toContain("按时");
    await planner26.getByRole("button", { name: "运行督办升级" }).click();
    await expect.poll(() => planner26.getByText(/督办升级完成：新增催办[1-9]\d*项/).isVisible()).toBe(true);
    await planner26.getByRole("button", { name: "一键催报" }).click();
    await expect.poll(() => planner26.getByText(/已向 [1-9]\d* 个单位发送催报/).isVisible()).toBe(true);
    // pressing again sends nothing new
    await planner26.getByRole("button", { name: "一键催报" }).click();
    await expect.poll(() => planner26.getByText("已向 0 个单位发送催报").isVisible()).toBe(true);

    // the reminders arrive: the badge, the 消息 page, the task's 督办记录; the late report goes in.
    const finance26 = await as("finance");
    const badge = finance26.getByRole("button", { name: /^消息（[1-9]\d*条未读）$/ });
    await expect.poll(() => badge.isVisible()).toBe(true);
    await badge.click();
    await finance26.waitForURL(/\/messages$/);
    await expect
      .poll(() => finance26.getByText(`请尽快报送“${late}”`, { exact: false }).first().isVisible())
      .toBe(true);
    await expect
      .poll(() => finance26.getByText(`【催办】“${late}”`, { exact: false }).first().isVisible())
      .toBe(true);
    await finance26.goto(taskUrls.get(late) ?? "");
    await expect.poll(() => finance26.getByText("已向崆峒区财政局发出催办单").isVisible()).toBe(true);
    const urge = await download(finance26, () => finance26.getByRole("button", { name: "催办单" }).click());
    expect(await docxText(urge)).toContain(late);
    await report(finance26, 30, "合成测试：已启动，进度滞后");

    // the other task: the 办结报告 (100%, with evidence); the co-unit signs it; 提请销号; 销号.
    await finance26.goto(taskUrls.get(done) ?? "");
    await report(finance26, 100, "合成测试：任务全部完成", "验收单.pdf");
    await expect.poll(() => finance26.getByText("未会签", { exact: true }).isVisible()).toBe(true);
    const school26 = await as("school");
    const toCoSign = school26.locator(".workbench-group").filter({ hasText: "待会签" });
    await toCoSign.getByRole("link", { name: done }).click();
    await school26.getByRole("button", { name: "会签同意" }).click();
    await expect.poll(() => school26.getByText("已同意", { exact: true }).isVisible()).toBe(true);
    await finance26.reload();
    await taskAction(finance26, "提请销号");
    await expectTaskState(finance26, "待复核");
    const supervisor = await as("supervisor");
    const toReview = supervisor.locator(".workbench-group").filter({ hasText: "待复核销号" });
    await toReview.getByRole("link", { name: done }).click();
    await taskAction(supervisor, "销号", "同意销号");
    await expectTaskState(supervisor, "已销号");

    // ---- after the month: the 月通报 issued, numbered and frozen; the 年度考核 ----
    server.setClock(null);
    const plannerAfter = await as("planner");
    await plannerAfter.goto(`${server.url}/ledger/bulletin`);
    await pickMonth(plannerAfter, M);
    const closedRow = plannerAfter
      .getByRole("region", { name: "本月销号任务" })
      .getByRole("row")
      .filter({ hasText: done });
    await expect.poll(() => closedRow.textContent()).toContain(`${M}-26按期办结`);
    await plannerAfter.getByRole("button", { name: "印发" }).click();
    const dialog = plannerAfter.getByRole("dialog", { name: "印发月通报" });
    await expect.poll(() => dialog.getByText(/〔\d{4}〕\d+号/).isVisible()).toBe(true);
    const docNumber = (await dialog.getByText(/〔\d{4}〕\d+号/).textContent()) ?? "";
    await dialog.getByRole("button", { name: "确认印发" }).click();
    await expect
      .poll(() => plannerAfter.getByText(new RegExp(`已印发：${docNumber}（第\\d+期）`)).isVisible())
      .toBe(true);
    const history = plannerAfter.getByRole("region", { name: "已印发通报" });
    const issuedRow = history.getByRole("row").filter({ hasText: docNumber });
    const first = await download(plannerAfter, () => issuedRow.getByRole("button", { name: "下载" }).click());
    const issued = await readFile(await first.path());
    const text = (await mammoth.extractRawText({ buffer: issued })).value;
    expect(text).toContain(docNumber);
    expect(text).toContain(done);
    expect(text).toContain("崆峒区财政局");
    // the ledger changes after the issue (a new report on the open task) …
    const financeAfter = await as("finance");
    await financeAfter.goto(taskUrls.get(late) ?? "");
    await report(financeAfter, 50, "合成测试：印发后补充的进展");
    // … and the issued bulletin downloads unchanged, byte for byte
    await plannerAfter.reload();
    const again = await download(plannerAfter, () =>
      plannerAfter
        .getByRole("region", { name: "已印发通报" })
        .getByRole("row")
        .filter({ hasText: docNumber })
        .getByRole("button", { name: "下载" })
        .click(),
    );
    expect((await readFile(await again.path())).equals(issued)).toBe(true);

    // 年度考核 of the month's year: 崆峒区财政局 scored, its late report deducted.
    await plannerAfter.goto(`${server.url}/ledger/scoreboard`);
    await plannerAfter.getByLabel("年度", { exact: true }).fill(String(Y));
    await plannerAfter.getByLabel("年度", { exact: true }).press("Tab");
    const scored = plannerAfter
      .getByRole("region", { name: "年度考核评分" })
      .getByRole("row")
      .filter({ hasText: "崆峒区财政局" });
    // two reports were due in the year, one came after the 25th: 50% on time, 0.5 off the base 100
    await expect.poll(() => scored.textContent()).toContain("50.0%迟报0.5、未报0、红灯0、逾期未办结0、约谈0");
    await expect.poll(() => scored.textContent()).toMatch(/约谈099\.5$/);
  }, 480_000);
});
