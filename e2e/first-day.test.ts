import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolListSeeds, syntheticSchoolList } from "@luoshi/domain/org";
import { syntheticStatistics } from "@luoshi/domain/stats";
import { listDivisions, writeStatsWorkbook } from "@luoshi/server";
import { importStatsFile, launchBrowser } from "./browser.ts";
import { fillSetup, logInWith } from "./first-run.ts";
import { startServer, type RunningServer } from "./server.ts";

const ADMIN = { login: "wang.fang", name: "王芳", password: "Jc#2026-Chuan" };
const PLANNER = { login: "li.gui", name: "李规", password: "Gh#2026-Jingchuan" };
const COUNTY = { code: "620821", name: "泾川县" };
const YEAR = 2024;

/** The county's real townships, 24 generated schools over them, and their year of statistics. */
const TOWNSHIPS = listDivisions(COUNTY.code).map((d) => ({ code: d.code, name: d.name }));
const LIST = syntheticSchoolList(COUNTY.code, COUNTY.name, TOWNSHIPS, { count: 24, seed: 7 });
const SEEDS = schoolListSeeds(COUNTY.code, COUNTY.name, TOWNSHIPS, LIST);
const codesOf = (...types: string[]) => LIST.rows.filter((r) => types.includes(r[2] ?? "")).length;

async function listWorkbook(list: typeof LIST): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("学校名录").addRows([[list.title], list.headers, ...list.rows]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const LIST_DRAWER = "导入学校名录（教育事业统计）";

/** 组织机构 → 导入学校名录 with a file; the drawer shows the preview. */
async function importList(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByRole("menuitem", { name: "组织机构" }).click();
  await page.getByRole("button", { name: "导入学校名录" }).click();
  await page.getByRole("dialog", { name: LIST_DRAWER }).locator("input[type=file]").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
}

/** The preview's one-line summary for the file `name` ("" until it shows). */
async function listSummary(page: Page, name: string): Promise<string> {
  const line = page.getByRole("dialog", { name: LIST_DRAWER }).getByText(`${name}：`);
  return (await line.count()) === 0 ? "" : ((await line.first().textContent()) ?? "");
}

/** 确认导入, then the message with the counts applied. */
async function confirmList(page: Page, counts: string): Promise<void> {
  await page.getByRole("dialog", { name: LIST_DRAWER }).getByRole("button", { name: "确认导入" }).click();
  await expect.poll(() => page.getByText(`已导入：${counts}`).isVisible(), { timeout: 30_000 }).toBe(true);
}

/** Picks a unit in an OrgUnitSelect (searched on the server) inside `scope`. */
async function pickUnit(page: Page, label: string, search: string, option: string): Promise<void> {
  const select = page.getByRole("dialog").getByLabel(label, { exact: true });
  await select.click();
  await select.fill(search);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

describe("a county's first day in Chromium", { timeout: 150_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    server = await startServer({}, { demo: false });
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), "luoshi-first-day-e2e-"));
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sets up 泾川县, imports its schools, opens accounts, imports 2024 and evaluates it", async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/setup`);
    await fillSetup(page, server, COUNTY.name, ADMIN);
    await page.getByRole("button", { name: "初始化" }).click();
    await expect.poll(() => page.getByText("初始化完成").isVisible(), { timeout: 30_000 }).toBe(true);
    await logInWith(page, server, ADMIN.login, ADMIN.password);

    // 组织机构 → 导入学校名录: preview, then confirm
    await importList(page, "泾川县学校名录.xlsx", await listWorkbook(LIST));
    await expect
      .poll(() => listSummary(page, "泾川县学校名录.xlsx"))
      .toMatch(/新增 24，变更 0，未变 0，文件中缺少 0/);
    await confirmList(page, "新增 24，变更 0");

    // 用户管理: a planner for the bureau, then one account per school in the one-time file
    await page.getByRole("menuitem", { name: "用户管理" }).click();
    await page.getByRole("button", { name: "新建用户" }).click();
    const create = page.getByRole("dialog", { name: "新建用户" });
    await create.getByLabel("登录名").fill(PLANNER.login);
    await create.getByLabel("姓名").fill(PLANNER.name);
    await create.getByLabel("角色").click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "教育局（规划）" })
      .click();
    await pickUnit(page, "所属单位", "泾川县教育局", "泾川县教育局");
    await create.getByRole("button", { name: "创建" }).click();
    const temporary = page.getByTestId("temporary-password");
    await temporary.waitFor({ timeout: 30_000 });
    const temporaryPassword = (await temporary.textContent()) ?? "";
    await page
      .getByRole("dialog", { name: "临时口令" })
      .locator(".ant-modal-footer")
      .getByRole("button", { name: "关闭" })
      .click();

    await page.getByRole("button", { name: "批量开通账号" }).click();
    await pickUnit(page, "单位", "泾川县", "泾川县");
    const bulk = page.getByRole("dialog");
    await bulk.getByRole("checkbox", { name: "责任单位" }).uncheck();
    await expect.poll(() => bulk.getByText("将开通 24 个账号").isVisible(), { timeout: 30_000 }).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      bulk.getByRole("button", { name: "开通并下载" }).click(),
    ]);
    const accounts = new ExcelJS.Workbook();
    await accounts.xlsx.readFile(await download.path());
    const logins: string[] = [];
    accounts.worksheets[0]?.eachRow((row, n) => {
      if (n > 3) {
        logins.push(row.getCell(4).text);
      }
    });
    expect(logins.sort()).toEqual(LIST.rows.map((r) => r[0]).sort());
    await bulk.getByRole("button", { name: "我已妥善保存" }).click();

    // the planner's first login: a new password, then the year's statistics and the evaluation
    const planner = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await logInWith(planner, server, PLANNER.login, temporaryPassword);
    await planner.waitForURL((url) => url.pathname === "/password");
    await planner.getByLabel("当前口令").fill(temporaryPassword);
    await planner.getByLabel("新口令", { exact: true }).fill(PLANNER.password);
    await planner.getByLabel("确认新口令").fill(PLANNER.password);
    await planner.getByRole("button", { name: "确认修改" }).click();
    await planner.waitForURL((url) => url.pathname !== "/password");

    const statsFile = join(dir, "2024.xlsx");
    const stats = syntheticStatistics(SEEDS, [YEAR], YEAR);
    await writeStatsWorkbook(
      { year: YEAR, names: new Map(SEEDS.map((s) => [s.code, s.name])), ...stats },
      statsFile,
    );
    await planner.goto(`${server.url}/indicators?tab=import`);
    const year = planner
      .getByRole("tabpanel", { name: "数据导入" })
      .getByRole("spinbutton", { name: "导入年度" });
    await year.fill(String(YEAR));
    await year.blur();
    await importStatsFile(planner, "泾川县 2024 统计.xlsx", readFileSync(statsFile));
    await expect
      .poll(() => planner.getByText(`已导入 ${YEAR} 年统计数据（泾川县 2024 统计.xlsx）`).isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);

    await planner.goto(`${server.url}/evaluations?year=${YEAR}`);
    await expect
      .poll(() => planner.locator(".eval-verdict").innerText(), { timeout: 30_000 })
      .toMatch(/泾川县 2024 年资源配置/);
    // every 小学, 教学点 and 初中 once, a 九年制学校 once for each 学部
    const parts = codesOf("211", "218", "312") + codesOf("311", "312");
    await expect
      .poll(() => planner.getByText(`各校达标情况（共 ${String(parts)} 所（部）`).isVisible())
      .toBe(true);
    const firstSchool = LIST.rows[0]?.[1] ?? "";
    await expect
      .poll(() => planner.locator(".school-table").getByText(firstSchool, { exact: true }).count())
      .toBe(1);

    // the edited list: one renamed, one moved, one new phone, one new school — exactly those four
    const rows = LIST.rows.map((r) => [...r]);
    const [renamed, moved, rephoned] = rows;
    const town = TOWNSHIPS.find((t) => t.name !== moved?.[5]);
    if (renamed === undefined || moved === undefined || rephoned === undefined || town === undefined) {
      throw new Error("the list is too short");
    }
    renamed[1] = "泾川县示例实验小学";
    moved[5] = town.name;
    rephoned[8] = "13900009999";
    const added = syntheticSchoolList(COUNTY.code, COUNTY.name, TOWNSHIPS, { count: 1, seed: 5, start: 101 });
    const edited = { ...LIST, rows: [...rows, ...added.rows] };
    await page.reload();
    await importList(page, "修订名录.xlsx", await listWorkbook(edited));
    await expect
      .poll(() => listSummary(page, "修订名录.xlsx"), { timeout: 30_000 })
      .toMatch(/新增 1，变更 3，未变 21，文件中缺少 0/);
    const drawer = page.getByRole("dialog", { name: LIST_DRAWER });
    for (const code of [renamed[0], moved[0], rephoned[0], added.rows[0]?.[0]]) {
      await expect.poll(() => drawer.getByRole("row", { name: new RegExp(code ?? "-") }).count()).toBe(1);
    }
    await confirmList(page, "新增 1，变更 3");
    await context.close();
  });
});
