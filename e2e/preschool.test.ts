import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { logIn, useDemoRig } from "./browser.ts";
import { type RunningServer } from "./server.ts";

const YEAR = 2020;

/** The table row of one 学前 check by its code (P05 …). */
function row(page: Page, code: string) {
  return page.locator(".preschool-tab tr", { has: page.getByRole("cell", { name: code, exact: true }) });
}

async function openTab(page: Page, server: RunningServer): Promise<void> {
  await page.goto(`${server.url}/evaluations?tab=preschool&year=${String(YEAR)}`);
}

describe("学前普及普惠 claims in Chromium", () => {
  const rig = useDemoRig();

  it("claims the salary ratio with a figure, and it counts once the inspector confirms it", async () => {
    const page = await (await rig.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await logIn(page, rig.server, "supervisor");
    await openTab(page, rig.server);

    const p05 = row(page, "P05");
    await expect.poll(() => p05.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => p05.textContent()).toContain("未申报");
    // 毛入园率 comes from the statistics and offers no claim.
    await expect.poll(() => row(page, "P01").getByRole("button", { name: "申报" }).count()).toBe(0);
    await p05.getByRole("button", { name: "申报" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/申报数值/).fill("0.8");
    await dialog.getByLabel("说明").fill("区人社局 2020 年工资统计");
    await dialog.getByRole("button", { name: "申报" }).click();
    await expect.poll(() => p05.textContent(), { timeout: 15_000 }).toContain("待审核");
    await expect.poll(() => p05.textContent()).toContain("申报 80.00%");
    await expect.poll(() => p05.textContent()).toContain("待定");

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, rig.server, "inspector");
    await openTab(page, rig.server);
    await expect.poll(() => p05.isVisible(), { timeout: 60_000 }).toBe(true);
    await p05.getByRole("button", { name: "审核" }).click();
    await dialog.getByLabel("审核意见").fill("工资统计表核实无误");
    await dialog.getByRole("button", { name: "审核" }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(false);
    await expect.poll(() => p05.textContent(), { timeout: 15_000 }).toContain("已确认");
    await expect.poll(() => p05.textContent()).toContain("达到要求");
    await expect.poll(() => p05.textContent()).toContain("佐证申报（已确认）");
  });
});
