import { existsSync } from "node:fs";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startServer, type RunningServer } from "./server.ts";

/** Debian's Chromium; the tests never download a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches headless Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Logs in through the login page the way a person does, with the demo password the server printed. */
export async function logIn(page: Page, server: RunningServer, login: string): Promise<void> {
  const password = server.logins.get(login);
  if (password === undefined) {
    throw new Error(`no demo password for ${login}`);
  }
  await page.goto(`${server.url}/login`);
  await page.getByLabel("登录名").fill(login);
  await page.getByLabel("口令").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * On the statistics import tab: picks `name` in the file input (统计数据文件), presses 检查并预览 and, once
 * the preview shows, 确认导入 (a refused file shows no preview: its problems stay on the page).
 */
export async function importStatsFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await previewStatsFile(page, name, buffer);
  const confirm = page.getByRole("button", { name: "确认导入" });
  const refused = page.getByText(/未导入/).first();
  await expect
    .poll(async () => (await confirm.isVisible()) || (await refused.isVisible()), { timeout: 30_000 })
    .toBe(true);
  if (await confirm.isVisible()) {
    await confirm.click();
  }
}

/**
 * Waits until a visible element in `scope` shows `text`. Not the first match: an inactive tab panel
 * stays in the page, hidden, and may hold the same text earlier (a child's masked name is both in the
 * 适龄比对 list and in the hidden 一生一案 list once a case is open).
 */
export async function showsText(
  scope: Page | Locator,
  text: string | RegExp,
  timeout = 30_000,
): Promise<void> {
  await expect
    .poll(() => scope.getByText(text).filter({ visible: true }).first().isVisible(), { timeout })
    .toBe(true);
}

/** Step 1 of 统计数据导入 only: picks the file and asks for the check and preview (nothing written). */
export async function previewStatsFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel("统计数据文件", { exact: true }).setInputFiles({ name, mimeType: XLSX, buffer });
  await expect.poll(() => page.getByText(name, { exact: true }).first().isVisible()).toBe(true);
  await page.getByRole("button", { name: "检查并预览" }).click();
}

/** The demo server and the browser of one test file. */
export interface DemoRig {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * Starts `luoshi serve --demo` and Chromium before the file's tests and stops both after them. Call it
 * at the top of a `describe`; read `rig.server` / `rig.browser` inside the tests. `env` adds settings
 * to the server's environment.
 */
export function useDemoRig(env: Record<string, string> = {}): DemoRig {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) {
      throw new Error("the demo rig is used before beforeAll ran");
    }
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
