import { Secret, TOTP } from "otpauth";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

/** The code an authenticator app shows for `secret`, `ahead` steps of 30 s from now. */
const codeFor = (secret: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: Date.now() + ahead * 30_000,
  });

/**
 * The second factor in Chromium, with LUOSHI_REQUIRE_TOTP=true: the bureau's supervisor (who may see
 * children's full data) is sent to bind an authenticator after the password, scans — here: reads the
 * key shown for typing by hand — confirms with a first code, gets recovery codes; the next login asks
 * for a code after the password, refuses a wrong one, and lets a right one in.
 */
describe("second factor (TOTP) in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({ LUOSHI_REQUIRE_TOTP: "true" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it("binds an authenticator, then asks for its code at the next login", async () => {
    const password = server.logins.get("supervisor") ?? "";
    const page = await browser.newPage();
    const signIn = async () => {
      await page.goto(`${server.url}/login`);
      await page.getByLabel("登录名").fill("supervisor");
      await page.getByLabel("口令", { exact: true }).fill(password);
      await page.getByRole("button", { name: "登录", exact: true }).click();
    };

    await signIn();
    await page.waitForURL((url) => url.pathname === "/account");
    await expect.poll(() => page.getByText("您的账号须启用双因素认证").isVisible()).toBe(true);
    // any other page sends it back here until it is bound
    await page.goto(`${server.url}/ledger`);
    await page.waitForURL((url) => url.pathname === "/account");
    await page.getByRole("button", { name: "绑定动态口令" }).click();
    await expect.poll(() => page.getByAltText("动态口令绑定二维码").isVisible()).toBe(true);
    const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("动态口令或恢复码").fill(codeFor(secret));
    await page.getByRole("button", { name: "确认绑定" }).click();
    await expect.poll(() => page.getByText("已绑定。请立即保存以下恢复码").isVisible()).toBe(true);
    expect(await page.getByTestId("totp-recovery").locator("li").count()).toBe(10);
    await page.getByRole("button", { name: "已保存，继续" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn();
    await expect.poll(() => page.getByRole("heading", { name: "输入动态口令" }).isVisible()).toBe(true);
    const wrong = codeFor(secret, 1) === "000000" ? "111111" : "000000";
    await page.getByLabel("动态口令或恢复码").fill(wrong);
    await page.getByRole("button", { name: "验证并登录" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("动态口令不对");
    // the code of the binding is spent; the app's next code is good
    await page.getByLabel("动态口令或恢复码").fill(codeFor(secret, 1));
    await page.getByRole("button", { name: "验证并登录" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByText("陈督办").isVisible()).toBe(true);
    await page.close();
  });
});
