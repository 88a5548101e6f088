import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import type { RunningServer } from "./server.ts";

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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
