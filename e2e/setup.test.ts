import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { fillSetup, logInWith, setupToken } from "./first-run.ts";
import { startServer, type RunningServer } from "./server.ts";

const ADMIN = { login: "wang.fang", name: "王芳", password: "Jc#2026-Chuan" };

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
    expect(setupToken(server).length).toBeGreaterThan(10);
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.waitForURL((url) => url.pathname === "/setup");
    await expect.poll(() => page.getByRole("heading", { name: "首次设置" }).isVisible()).toBe(true);

    await fillSetup(page, server, "泾川县", ADMIN);
    await expect.poll(() => page.getByTestId("setup-selected").textContent()).toContain("620821");
    await page.getByRole("button", { name: "初始化" }).click();
    await expect.poll(() => page.getByText("初始化完成").isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByText(/乡镇（街道）15 个/).isVisible()).toBe(true);

    await page.getByRole("button", { name: "前往登录" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/login"));
    await logInWith(page, server, ADMIN.login, ADMIN.password);
    await page.getByRole("menuitem", { name: "组织机构" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "组织机构" }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText("泾川县").first().isVisible()).toBe(true);
    // the tree opens at the administrator's scope, the county; its townships are one level down
    await page.locator(".org-tree-card .ant-tree-switcher").first().click();
    await expect.poll(() => page.getByText("城关镇").first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });
});
