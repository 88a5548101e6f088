import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { RunningServer } from "./server.ts";

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

/** The setup token `luoshi serve` wrote for an empty installation. */
export function setupToken(server: RunningServer): string {
  return readFileSync(join(server.dataDir, "setup-token.txt"), "utf8").trim();
}

/** The first system administrator the setup page creates. */
export interface FirstAdmin {
  login: string;
  name: string;
  password: string;
}

/**
 * Fills the first-run page (already open at /setup) for a county of 甘肃省平凉市 and its first
 * administrator; the caller presses 初始化.
 */
export async function fillSetup(page: Page, server: RunningServer, county: string, admin: FirstAdmin) {
  await choose(page, "省", "甘肃省");
  await choose(page, "市", "平凉市");
  await choose(page, "县（区）", county);
  await page.getByLabel("登录名").fill(admin.login);
  await page.getByLabel("姓名").fill(admin.name);
  await page.getByLabel("口令", { exact: true }).fill(admin.password);
  await page.getByLabel("确认口令").fill(admin.password);
  await page.getByLabel("设置口令").fill(setupToken(server));
}

/** Logs in through the login page with a known password. */
export async function logInWith(page: Page, server: RunningServer, login: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("登录名").fill(login);
  await page.getByLabel("口令").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
