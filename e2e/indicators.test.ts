import { describe, expect, it } from "vitest";

import { logIn, useDemoRig } from "./browser.ts";

const GROSS = "学前三年毛入园率";

describe("指标看板 in Chromium", () => {
  const rig = useDemoRig();

  it("shows the cards, opens an indicator, drills down to schools and draws the distribution", async () => {
    const page = await (await rig.browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await logIn(page, rig.server, "planner");
    await page.goto(`${rig.server.url}/indicators?year=2020`);

    // The card shows the published figure with the national standard and its light.
    const card = page.getByRole("button", { name: `查看${GROSS}详情` });
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain("94.08%");
    const cardText = (await card.textContent()) ?? "";
    expect(cardText).toMatch(/国家标准 ≥ 85%|规划目标/);
    expect(cardText).toMatch(/较上年/);
    await expect.poll(() => page.getByRole("region", { name: "学前教育" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("region", { name: "义务教育" }).isVisible()).toBe(true);

    // Its detail: trend and distribution charts render on canvas.
    await card.click();
    await page.waitForURL(/ind=preschool-gross-enrolment-rate/);
    const trend = page.getByRole("img", { name: `${GROSS}历年趋势图` });
    await expect.poll(() => trend.locator("canvas").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const distribution = page.getByRole("img", { name: `${GROSS}分布图` });
    await expect.poll(() => distribution.locator("canvas").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // 毛入园率 needs population, kept per 乡镇: the distribution is over the 18 townships.
    await expect.poll(() => page.getByText(/18 个单位有数值/).isVisible()).toBe(true);
    await page.getByText("直方图", { exact: true }).click();
    await expect.poll(() => distribution.locator("canvas").count()).toBeGreaterThan(0);

    // Drill down 崆峒区 → 中街街道 → its schools, and back by the breadcrumb.
    const detail = page.locator(".indicator-detail");
    const township = detail.getByRole("button", { name: "查看中街街道的下级单位" });
    await expect.poll(() => township.isVisible(), { timeout: 15_000 }).toBe(true);
    const total = detail.getByRole("row").filter({ hasText: "合计" });
    await expect.poll(() => total.textContent()).toContain("94.08%");
    await township.click();
    await expect
      .poll(() => detail.getByRole("cell", { name: "崆峒区第一幼儿园" }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => detail.locator(".indicator-drill-path").textContent()).toContain("中街街道");
    await detail.locator(".indicator-drill-path").getByRole("link", { name: "崆峒区" }).click();
    await expect.poll(() => township.isVisible(), { timeout: 15_000 }).toBe(true);

    // A school-level indicator's distribution is over schools.
    await page.getByRole("button", { name: "查看义务教育生均教学及辅助用房面积详情" }).click();
    await page.waitForURL(/ind=teaching-area-per-pupil-compulsory/);
    await expect
      .poll(() => page.locator(".indicator-distribution").textContent(), { timeout: 15_000 })
      .toMatch(/学校分布[\s\S]*小学标准 ≥ 4\.5平方米/);

    // The year comparison lists every indicator for two years.
    const compare = page.locator(".indicator-compare");
    await expect
      .poll(() =>
        compare
          .getByRole("row", { name: new RegExp(GROSS) })
          .first()
          .textContent(),
      )
      .toContain("94.08%");
  });
});
