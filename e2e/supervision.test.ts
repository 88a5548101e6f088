import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { logIn, useDemoRig } from "./browser.ts";
import { type RunningServer } from "./server.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const YEAR = 2020;

/** The table row of one indicator by its code. */
function row(page: Page, code: string) {
  return page.locator("tr", { has: page.getByRole("cell", { name: code, exact: true }) });
}

async function openTab(page: Page, server: RunningServer, tab: string): Promise<void> {
  await page.goto(`${server.url}/evaluations?tab=${tab}&year=${String(YEAR)}`);
}

describe("督导评估 政府保障、社会认可度与总体结论 in Chromium", () => {
  const rig = useDemoRig();

  it("submits an attestation with evidence, has it reviewed by an inspector, and the verdict follows the survey", async () => {
    const page = await (await rig.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await logIn(page, rig.server, "supervisor");
    await openTab(page, rig.server, "government");

    // 申报 G01 (规划布局) as the supervisor, with a PDF as evidence.
    const g01 = row(page, "G01");
    await expect.poll(() => g01.isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => g01.textContent()).toContain("未申报");
    await g01.getByRole("button", { name: "申报" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("说明").fill("县域义务教育学校布局专项规划已经区政府批复");
    await dialog.getByRole("button", { name: "申报" }).click();
    await expect.poll(() => g01.textContent(), { timeout: 15_000 }).toContain("待审核");
    await g01.getByLabel("选择佐证材料 G01").setInputFiles({
      name: "布局规划批复.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await expect
      .poll(() => g01.getByRole("link", { name: "布局规划批复.pdf" }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    // The submitter may not sign off their own claim.
    await expect.poll(() => g01.getByRole("button", { name: "审核" }).isDisabled()).toBe(true);

    // Log out; the inspector confirms it.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    await logIn(page, rig.server, "inspector");
    await openTab(page, rig.server, "government");
    await expect.poll(() => g01.isVisible(), { timeout: 60_000 }).toBe(true);
    await g01.getByRole("button", { name: "审核" }).click();
    await dialog.getByLabel("审核意见").fill("批复文件齐全");
    await dialog.getByRole("button", { name: "审核" }).click();
    await expect.poll(() => g01.textContent(), { timeout: 15_000 }).toContain("已确认");
    await expect.poll(() => g01.textContent()).toContain("达到要求");

    // The overall verdict waits for 社会认可度 …
    await openTab(page, rig.server, "overall");
    const reasons = page.locator(".overall-reasons");
    await expect.poll(() => reasons.textContent(), { timeout: 60_000 }).toContain("社会认可度尚未完成评估");
    await expect
      .poll(() => page.locator(".overall-history canvas").count(), { timeout: 30_000 })
      .toBeGreaterThan(0);

    // … survey results go in (80% satisfied: below 85%) …
    await openTab(page, rig.server, "recognition");
    await page.getByLabel("学生有效问卷数").fill("200");
    await page.getByLabel("学生满意及比较满意人数").fill("160");
    await page.getByLabel("家长有效问卷数").fill("300");
    await page.getByLabel("家长满意及比较满意人数").fill("240");
    await page.getByRole("button", { name: "保存并计算" }).click();
    await expect
      .poll(() => page.locator(".recognition-tab").textContent(), { timeout: 15_000 })
      .toContain("80.00%");

    // … and the overall verdict now fails on the 社会认可度 veto.
    await openTab(page, rig.server, "overall");
    await expect
      .poll(() => reasons.textContent(), { timeout: 60_000 })
      .toContain("一票否决：社会认可度未达到要求");
    await expect.poll(() => page.locator(".overall-verdict").textContent()).toBe("未达到优质均衡");
  });
});
