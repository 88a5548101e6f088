import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";

import { logIn, useDemoRig } from "./browser.ts";

describe("批量开通账号 in Chromium", () => {
  const rig = useDemoRig();

  it("opens a township's accounts, downloads the one-time file, and its login must change the password", async () => {
    const page = await (await rig.browser.newContext({ acceptDownloads: true })).newPage();
    await logIn(page, rig.server, "admin");
    await page.getByRole("menuitem", { name: "用户管理" }).click();
    await page.getByRole("button", { name: "批量开通账号" }).click();

    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("单位", { exact: true }).click();
    await dialog.getByLabel("单位", { exact: true }).fill("中街");
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "中街街道" })
      .first()
      .click();
    const summary = dialog.getByText(/将开通 \d+ 个账号，跳过 \d+ 个单位/);
    await expect.poll(() => summary.isVisible(), { timeout: 30_000 }).toBe(true);
    const planned = Number(/将开通 (\d+) 个账号/.exec((await summary.textContent()) ?? "")?.[1]);
    expect(planned).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      dialog.getByRole("button", { name: "开通并下载" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^初始账号_中街街道_\d{4}-\d\d-\d\d\.xlsx$/);
    await expect.poll(() => dialog.getByText(/文件只提供这一次/).isVisible()).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(3).getCell(5).text).toBe("初始密码");
    expect((sheet?.rowCount ?? 0) - 3).toBe(planned);
    const login = sheet?.getRow(4).getCell(4).text ?? "";
    const password = sheet?.getRow(4).getCell(5).text ?? "";
    expect(password).toHaveLength(14);
    await dialog.getByRole("button", { name: "我已妥善保存" }).click();

    const newcomer = await (await rig.browser.newContext()).newPage();
    await newcomer.goto(`${rig.server.url}/login`);
    await newcomer.getByLabel("登录名").fill(login);
    await newcomer.getByLabel("口令").fill(password);
    await newcomer.getByRole("button", { name: "登录" }).click();
    await newcomer.waitForURL((url) => url.pathname === "/password");
  });
});
