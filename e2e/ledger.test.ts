import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import type { Page } from "playwright-core";
import { logIn, useDemoRig } from "./browser.ts";
import { findRow } from "./files.ts";
import { expectTaskState, taskAction } from "./task-steps.ts";

const SEED = fileURLToPath(
  new URL("../packages/domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);
const NODE_PATH = "2.1.3";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Opens an antd select by its label, types to search and picks the option with that text. The option
 * keeps antd's classes: its virtual list gives the visible options no role="option".
 */
async function choose(page: Page, label: string, search: string, option: string): Promise<void> {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(label, { exact: true }).click();
  if (search !== "") {
    await dialog.getByLabel(label, { exact: true }).fill(search);
  }
  const item = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option });
  await item.first().click();
}

describe("督办台账 in Chromium", () => {
  const rig = useDemoRig();

  it("creates a task from a plan item, walks it to 销号 and shows it in the bulletin and exports", async () => {
    const planner = await (await rig.browser.newContext({ acceptDownloads: true })).newPage();
    await logIn(planner, rig.server, "planner");

    // Import and confirm seed 001 (as in plans.test.ts).
    await planner.goto(`${rig.server.url}/plans`);
    await planner.getByRole("button", { name: "导入文件" }).click();
    await planner.getByLabel("选择文件").setInputFiles(SEED);
    await planner.getByRole("button", { name: "开始导入" }).click();
    await planner.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await planner.getByRole("button", { name: "确认规划" }).click();
    await planner.getByRole("button", { name: "确定" }).click();
    await expect.poll(() => planner.getByRole("button", { name: "导出Excel" }).isVisible()).toBe(true);

    // 督办台账 → 新建任务 from the plan item; lead 崆峒区财政局 (the finance account's unit).
    await planner.getByRole("menuitem", { name: "台账", exact: true }).click();
    await expect.poll(() => planner.getByRole("heading", { name: "督办台账" }).isVisible()).toBe(true);
    await planner.getByRole("button", { name: "新建任务" }).click();
    const dialog = planner.getByRole("dialog");
    await choose(planner, "规划", "", "西宁市");
    await choose(planner, "任务条目", NODE_PATH, NODE_PATH);
    const title = await dialog.getByLabel("任务内容").inputValue();
    expect(title).not.toBe("");
    await choose(planner, "牵头单位", "财政局", "崆峒区财政局");
    // The item's other units are city bureaus (平凉市…), outside the county: replace them.
    // Backspace in the empty search box removes the last tag, as it does for a keyboard user.
    const coUnits = dialog.getByLabel("协办单位", { exact: true });
    const cityTags = dialog.getByTitle(/^平凉市/);
    for (let i = 0; i < 20 && (await cityTags.count()) > 0; i += 1) {
      await coUnits.press("Backspace");
    }
    expect(await cityTags.count()).toBe(0);
    await choose(planner, "协办单位", "教育局", "崆峒区教育局");
    await planner.keyboard.press("Escape");
    await dialog.getByLabel("完成时限").fill(inDays(60));
    await dialog.getByLabel("完成时限").press("Tab");
    await dialog.getByRole("button", { name: "创建" }).click();
    await planner.waitForURL(/\/ledger\/tasks\/[0-9a-f-]{36}$/);
    const taskUrl = planner.url();
    await expect.poll(() => planner.getByRole("heading", { name: title }).isVisible()).toBe(true);
    await expect.poll(() => planner.getByText(`条目 ${NODE_PATH}`).isVisible()).toBe(true);
    await expectTaskState(planner, "待交办");
    await taskAction(planner, "交办");
    await expectTaskState(planner, "已交办（待签收）");

    // finance: 我的任务 → the task → 签收 → 报送进展 (100%, 汇总, a PDF) → 提请销号.
    const finance = await (await rig.browser.newContext()).newPage();
    await logIn(finance, rig.server, "finance");
    await finance.getByRole("menuitem", { name: "我的任务", exact: true }).click();
    await expect.poll(() => finance.getByRole("heading", { name: "我的任务" }).isVisible()).toBe(true);
    await finance.getByRole("link", { name: title }).click();
    await taskAction(finance, "签收");
    await expectTaskState(finance, "办理中");
    await finance.getByRole("button", { name: "报送进展" }).click();
    const form = finance.getByRole("dialog");
    await form.getByLabel("进展（%）").fill("100");
    await form.getByLabel("进展情况").fill("资金已全部拨付到位");
    await form.getByLabel("存在问题").fill("无");
    await form.getByLabel("下步打算").fill("做好绩效评价");
    await form
      .getByLabel("上传附件")
      .setInputFiles({ name: "拨付凭证.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect.poll(() => form.getByLabel(/汇总报告/).isChecked()).toBe(true);
    await form.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => finance.getByRole("link", { name: /拨付凭证\.pdf/ }).isVisible()).toBe(true);
    // 崆峒区教育局 is the co-unit: its staff sign the 办结报告 (会签) before 提请销号.
    await planner.goto(taskUrl);
    await planner.getByRole("button", { name: "会签同意" }).click();
    await expect.poll(() => planner.getByText("已同意", { exact: true }).isVisible()).toBe(true);
    await finance.reload();
    await taskAction(finance, "提请销号");
    await expectTaskState(finance, "待复核");

    // planner: 退回 with a comment; finance resubmits; planner 销号.
    await planner.goto(taskUrl);
    await taskAction(planner, "退回", "请补充拨付明细");
    await expectTaskState(planner, "办理中");
    await expect.poll(() => planner.getByText("请补充拨付明细").isVisible()).toBe(true);
    await finance.reload();
    await taskAction(finance, "提请销号");
    await expectTaskState(finance, "待复核");
    // The planner created and assigned the task: 销号 is another reviewer's (岗位分离).
    const supervisor = await (await rig.browser.newContext()).newPage();
    await logIn(supervisor, rig.server, "supervisor");
    await supervisor.goto(taskUrl);
    await taskAction(supervisor, "销号", "同意销号");
    await expectTaskState(supervisor, "已销号");
    await planner.reload();
    await expectTaskState(planner, "已销号");

    // 月通报 of this month: 崆峒区财政局 in the per-unit table, one task closed this month.
    await planner.getByRole("menuitem", { name: "月通报", exact: true }).click();
    await expect.poll(() => planner.getByRole("heading", { name: "月通报" }).isVisible()).toBe(true);
    const unitRow = planner
      .getByRole("region", { name: "各单位落实情况" })
      .getByRole("row")
      .filter({ hasText: "崆峒区财政局" });
    await expect.poll(() => unitRow.isVisible()).toBe(true);
    const closedCard = planner.getByRole("group", { name: "本月销号" });
    await expect.poll(() => closedCard.textContent()).toMatch(/^本月销号\s*1$/);
    // Issue 12: the bulletin names the closed task (按期, with its day), counts the report received this
    // month apart from those due in it, carries the bureau's title, and offers no month not yet begun.
    const monthLabel = `${chinaToday().slice(0, 4)}年${String(Number(chinaToday().slice(5, 7)))}月`;
    const bureauTitle = `崆峒区教育局${monthLabel}重点任务督办情况通报`;
    await expect.poll(() => planner.getByRole("heading", { name: bureauTitle }).isVisible()).toBe(true);
    const closedRow = planner
      .getByRole("region", { name: "本月销号任务" })
      .getByRole("row")
      .filter({ hasText: title });
    await expect.poll(() => closedRow.textContent()).toContain(`${chinaToday()}按期办结`);
    const received = planner.getByRole("group", { name: "本月收到报告" });
    await expect.poll(() => received.textContent()).toMatch(/^本月收到报告\s*1$/);
    await expect.poll(() => planner.getByText(/按实际报送日期统计/).isVisible()).toBe(true);
    await planner.getByLabel("月份", { exact: true }).click();
    await planner.locator(".ant-picker-dropdown:visible .ant-picker-header-super-next-btn").click();
    const panelCells = planner.locator(".ant-picker-dropdown:visible .ant-picker-cell-in-view");
    await expect.poll(() => panelCells.count()).toBe(12);
    const offered = planner.locator(
      ".ant-picker-dropdown:visible .ant-picker-cell-in-view:not(.ant-picker-cell-disabled)",
    );
    expect(await offered.count()).toBe(0);
    await planner.keyboard.press("Escape");
    const [docx] = await Promise.all([
      planner.waitForEvent("download"),
      planner.getByRole("button", { name: "下载Word" }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe(`月通报-${chinaToday().slice(0, 7)}.docx`);
    const text = (await mammoth.extractRawText({ path: await docx.path() })).value;
    expect(text).toContain("崆峒区财政局");
    expect(text).toMatch(/销号1项/);

    // finance's own bulletin: titled with its unit and speaking of 本单位, not of the bureau.
    await finance.goto(`${rig.server.url}/ledger/bulletin`);
    const unitTitle = `崆峒区财政局${monthLabel}承办重点任务督办情况`;
    await expect.poll(() => finance.getByRole("heading", { name: unitTitle }).isVisible()).toBe(true);
    await expect
      .poll(() => finance.getByText(/本单位（崆峒区财政局）牵头或协办的任务/).isVisible())
      .toBe(true);
    expect(await finance.getByText(bureauTitle).count()).toBe(0);

    // 导出Excel on the ledger: the task's row with its lead unit.
    await planner.getByRole("menuitem", { name: "台账", exact: true }).click();
    await expect.poll(() => planner.getByRole("link", { name: title }).isVisible()).toBe(true);
    const [xlsx] = await Promise.all([
      planner.waitForEvent("download"),
      planner.getByRole("button", { name: "导出Excel" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const row = findRow(workbook.worksheets[0], (values) => values.includes(title));
    expect(row, "the task's row in the workbook").toBeDefined();
    expect(row).toContain("崆峒区财政局");
  }, 180_000);
});
