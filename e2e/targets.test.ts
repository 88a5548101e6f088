import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { logIn, useDemoRig } from "./browser.ts";

/** The 崆峒区 十四五 education plan: the demo county's own plan. */
const SEED = fileURLToPath(
  new URL("../packages/domain/fixtures/seeds/000_0be9ef1e3056036c.txt", import.meta.url),
);

describe("目标监测 in Chromium", () => {
  const rig = useDemoRig();

  it("monitors the confirmed 崆峒区 plan's targets on the demo statistics and confirms a link", async () => {
    const page = await rig.browser.newPage();
    await logIn(page, rig.server, "planner");

    // The demo has no plan: import and confirm the county's 十四五 plan through 规划文件.
    await page.getByRole("menuitem", { name: "规划文件" }).click();
    await page.getByRole("button", { name: "导入文件" }).click();
    await page.getByLabel("选择文件").setInputFiles(SEED);
    await page.getByRole("button", { name: "开始导入" }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "确认规划" }).click();
    await page.getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.getByRole("button", { name: "导出Excel" }).isVisible()).toBe(true);

    // 指标监测 opens on 指标看板, which reads the same targets; switching to 目标监测 in the page (no
    // reload) must still list them — both tabs once kept different shapes under one cache key.
    await page.goto(`${rig.server.url}/indicators`);
    await expect.poll(() => page.locator(".indicator-dashboard").isVisible(), { timeout: 30_000 }).toBe(true);
    // Record every count the summary ever shows, so a wrong one shown for a moment is caught too.
    // (a script string: the browser's DOM types are not part of this Node project)
    await page.evaluate(`(() => {
      const seen = (window.seenCounts = []);
      new MutationObserver(() => {
        const m = /共 (\\d+) 项规划目标/.exec(document.body.innerText);
        if (m && seen.at(-1) !== m[1]) seen.push(m[1]);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    await page.getByRole("tab", { name: "目标监测" }).click();
    await expect
      .poll(() => page.getByText(/共 \d+ 项规划目标/).textContent(), { timeout: 30_000 })
      .toMatch(/共 (?!0 )\d+ 项规划目标/);
    const seenCounts = await page.evaluate<string[]>("window.seenCounts");
    expect(seenCounts).not.toContain("0");
    // and back: the cards read the targets 目标监测 just loaded
    await page.getByRole("tab", { name: "指标看板" }).click();
    await expect.poll(() => page.locator(".indicator-card").count(), { timeout: 30_000 }).toBeGreaterThan(10);
    expect(await page.getByText("页面出错").count()).toBe(0);

    // 目标监测: the plan's targets with statuses computed from the demo statistics.
    await page.goto(`${rig.server.url}/indicators?tab=targets`);
    const card = page.locator(".target-plan-card", { hasText: "平凉市崆峒区“十四五”教育事业发展专项规划" });
    await expect.poll(() => card.isVisible(), { timeout: 30_000 }).toBe(true);
    const row = card.getByRole("row").filter({ hasText: "学前三年毛入园率达到95%以上" });
    await expect.poll(() => row.getByTestId("link-state").textContent(), { timeout: 15_000 }).toBe("建议");
    const status = await row.getByTestId("target-status").textContent();
    expect(["已达成", "进度正常", "存在风险", "严重滞后"]).toContain(status);
    // Some target is judged from data (not every one is 无数据).
    const judged = card.getByTestId("target-status").filter({ hasText: /已达成|进度正常|存在风险|严重滞后/ });
    await expect.poll(() => judged.count()).toBeGreaterThan(3);

    // 大班额问题基本消除, stated in the plan's goal text, is checked by the national rule.
    const large = card.getByRole("row").filter({ hasText: "大班额问题基本消除" });
    await expect.poll(() => large.getByText(/大班额比例 ≤ 5%/).isVisible()).toBe(true);
    expect(["已达成", "进度正常", "存在风险", "严重滞后"]).toContain(
      await large.getByTestId("target-status").textContent(),
    );

    // Confirm the suggested indicator of 学前三年毛入园率.
    await row.getByRole("button", { name: "确认" }).click();
    await expect.poll(() => row.getByTestId("link-state").textContent(), { timeout: 15_000 }).toBe("已确认");

    // The trend chart opens under the row.
    await row.getByRole("button", { name: /展开|Expand row/ }).click();
    await expect.poll(() => page.getByLabel("学前三年毛入园率历年走势与目标").isVisible()).toBe(true);
    await page.close();
  }, 150_000);

  it("shows the catalogue and explains a bad formula where it goes wrong", async () => {
    const page = await rig.browser.newPage();
    await logIn(page, rig.server, "planner");
    await page.goto(`${rig.server.url}/indicators?tab=targets`);
    await page.getByRole("button", { name: "指标目录" }).click();
    const drawer = page.getByRole("dialog", { name: "指标目录" });
    await expect
      .poll(() => drawer.getByText("大班额比例", { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await drawer.getByRole("button", { name: "新增自定义指标" }).click();
    const modal = page.getByRole("dialog", { name: "新增自定义指标" });
    await modal.getByLabel("计算公式").fill("sum(pupils.primary) / sum(classes.primry)");
    await expect
      .poll(() => modal.getByTestId("formula-check").textContent(), { timeout: 15_000 })
      .toMatch(/第 27 个字符处.*classes\.primry/);
    await modal.getByLabel("计算公式").fill("sum(pupils.primary) / sum(classes.primary)");
    await expect
      .poll(() => modal.getByTestId("formula-check").textContent(), { timeout: 15_000 })
      .toMatch(/公式正确/);
    await modal.getByLabel("指标代码").fill("primary-average-class-size");
    await modal.getByLabel("指标名称").fill("小学平均班额");
    await modal.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => modal.isVisible(), { timeout: 15_000 }).toBe(false);
    await drawer.getByPlaceholder("按名称、代码或公式查找").fill("平均班额");
    await expect
      .poll(() => drawer.getByText("小学平均班额", { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.close();
  });
});
