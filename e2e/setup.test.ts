import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const PASSWORD = "Jc#2026-Chuan";

/**
 * Opens an antd select by its label, types the option's name (its virtual list renders only the first
 * options) and picks it.
 */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByRole("combobox", { name: label, exact: true });
  await select.click();
  await select.fill(option);
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

describe("first-run setup of an empty installation in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({}, { demo: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it("sends the login page to setup, sets up 泾川县 and lets its administrator in", async () => {
    const token = readFileSync(join(server.dataDir, "setup-token.txt"), "utf8").trim();
    expect(token.length).toBeGreaterThan(10);
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.waitForURL((url) => url.pathname === "/setup");
    await expect.poll(() => page.getByRole("heading", { name: "首次设置" }).isVisible()).toBe(true);

    await choose(page, "省", "甘肃省");
    await choose(page, "市", "平凉市");
    await choose(page, "县（区）", "泾川县");
    await expect.poll(() => page.getByTestId("setup-selected").textContent()).toContain("620821");
    await page.getByLabel("登录名").fill("wang.fang");
    await page.getByLabel("姓名").fill("王芳");
    await page.getByLabel("口令", { exact: true }).fill(PASSWORD);
    await page.getByLabel("确认口令").fill(PASSWORD);
    await page.getByLabel("设置口令").fill(token);
    await page.getByRole("button", { name: "初始化" }).click();
    await expect.poll(() => page.getByText("初始化完成").isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByText(/乡镇（街道）15 个/).isVisible()).toBe(true);

    await page.getByRole("button", { name: "前往登录" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/login"));
    await page.getByLabel("登录名").fill("wang.fang");
    await page.getByLabel("口令").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    await page.getByRole("menuitem", { name: "组织机构" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "组织机构" }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText("泾川县").first().isVisible()).toBe(true);
    // the tree opens at the administrator's scope, the county; its townships are one level down
    await page.locator(".org-tree-card .ant-tree-switcher").first().click();
    await expect.poll(() => page.getByText("城关镇").first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });
});
