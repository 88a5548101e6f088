import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { logIn, useDemoRig } from "./browser.ts";

/** The demo's 2024 figures: a 九年一贯制 school whose 小学部 fails (骨干 0.96, 体艺 0.48 per 100 pupils). */
const FAILING = "崆峒区白水镇屈岘九年制学校";
const CV_QUALIFIED = "小学每百名学生拥有高于规定学历教师数差异系数明细";

/**
 * Opens an antd select by its label inside `scope`, types to search and picks the option. The option
 * keeps antd's classes: the select draws its visible options in a virtual list without role="option"
 * (only a hidden three-item list carries the roles), so no role or label reaches them.
 */
async function choose(
  page: Page,
  scope: Locator,
  label: string,
  search: string,
  option: string,
): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  if (search !== "") {
    await scope.getByLabel(label, { exact: true }).fill(search);
  }
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
}

/** The text of a locator once it is visible. */
async function textOf(l: Locator): Promise<string> {
  await l.waitFor({ state: "visible", timeout: 30_000 });
  return (await l.innerText()).trim();
}

describe("督导评估 资源配置 in Chromium", () => {
  const rig = useDemoRig();

  it("evaluates the demo county, explains a CV and a school, switches policy, plans and simulates", async () => {
    const page = await (await rig.browser.newContext()).newPage();
    await logIn(page, rig.server, "supervisor");
    await page.goto(`${rig.server.url}/evaluations?year=2024`);

    // The CV tables of both 学段 and the verdict, with the 教学点 policy shown.
    const cvButton = page.getByRole("button", { name: CV_QUALIFIED, exact: true });
    expect(await textOf(cvButton)).toBe("0.924");
    await expect
      .poll(() => page.locator(".eval-verdict").innerText())
      .toMatch(/崆峒区 2024 年资源配置未达到优质均衡要求[\s\S]*教学点处理方式：教学点单独参与计算/);
    expect(await page.locator(".level-junior").innerText()).toContain("每百名学生拥有县级以上骨干教师数");

    // Click a CV → the contributions drawer lists every school, largest contribution first.
    await cvButton.click();
    const drawer = page.getByRole("dialog");
    await expect
      .poll(() => drawer.locator(".cv-contributions tbody tr").count(), { timeout: 30_000 })
      .toBeGreaterThan(20);
    const drawerText = await drawer.innerText();
    expect(drawerText).toContain("方差贡献");
    expect(drawerText).toContain("0.924");
    // A school in the table opens its own explanation on top.
    await drawer.locator(".cv-contributions tbody tr").first().getByRole("button").click();
    await expect.poll(() => page.locator(".school-explain").count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator(".school-explain").innerText()).toContain("每百名学生拥有高于规定学历教师数");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".school-explain").count()).toBe(0);
    await expect.poll(() => drawer.count()).toBe(1);
    await drawer.getByRole("button", { name: "关闭", exact: true }).click();
    await expect.poll(() => drawer.count()).toBe(0);

    // Filter to failing schools and click a failing school's 体艺 cell → numerator, denominator, fix.
    await page.getByRole("switch", { name: "只看未达标学校" }).click();
    await page
      .getByRole("button", { name: `${FAILING} 每百名学生拥有体育、艺术（美术、音乐）专任教师数` })
      .first()
      .click();
    const school = page.getByRole("dialog");
    await expect.poll(() => school.locator(".school-indicator-detail").count(), { timeout: 30_000 }).toBe(1);
    const detail = await school.innerText();
    expect(detail).toContain("分母（在校生数）");
    // the source elements by name and the template sheet that holds them, never by their dotted ids
    expect(detail).toContain("小学体育专任教师数");
    expect(detail).toContain("小学在校生数");
    expect(detail).toContain("统计表");
    expect(detail).not.toContain("teachers.pe.primary");
    expect(detail).toContain("达标最小补足量");
    expect(detail).toContain("名体育艺术专任教师");
    await page.keyboard.press("Escape");
    await expect.poll(() => school.count()).toBe(0);

    // 教学点 policy: leave out those under 50 pupils — shown on the result, figures change.
    await choose(
      page,
      page.locator(".resource-tab .eval-toolbar"),
      "教学点处理方式",
      "",
      "不足50人的教学点不参与计算",
    );
    await expect
      .poll(() => page.locator(".eval-verdict").innerText(), { timeout: 30_000 })
      .toContain("教学点处理方式：不足50人的教学点不参与计算");
    await expect.poll(() => cvButton.innerText(), { timeout: 30_000 }).toBe("0.521");
    expect(await page.locator(".eval-notes").innerText()).toMatch(/未参与计算的学校（\d+）/);

    // 达标方案 under the default unit costs: the county passes after the additions.
    await page.getByRole("tab", { name: "达标方案" }).click();
    await page.getByRole("button", { name: "测算达标方案" }).click();
    const plan = page.locator(".plan-verdict");
    await expect
      .poll(async () => (await plan.count()) > 0 && plan.innerText(), { timeout: 60_000 })
      .toMatch(/按本方案补足后全县资源配置达标，总费用 ¥[\d,]+/);
    expect(await plan.innerText()).toContain("教学点处理方式：不足50人的教学点不参与计算");
    await expect.poll(() => page.locator(".plan-additions tbody tr").count()).toBeGreaterThan(5);
    expect(await page.locator(".plan-method").innerText()).toContain("注水法");

    // 情景模拟: add two PE/art teachers to the failing school, evaluate, compare, save.
    await page.getByRole("tab", { name: "情景模拟" }).click();
    const form = page.locator(".scenario-change-form");
    await choose(page, form, "学校", "屈岘", FAILING);
    await choose(page, form, "项目", "", "体育艺术专任教师数（人）");
    await form.getByLabel("增加数量").fill("2");
    await form.getByRole("button", { name: "加入变更" }).click();
    expect(await textOf(page.locator(".scenario-changes li").first())).toContain(
      `${FAILING}：体育艺术专任教师数（人）（小学） 增加 2`,
    );
    await page.getByRole("button", { name: "评估情景" }).click();
    const changed = page.locator(".scenario-changed");
    expect(await textOf(changed)).toMatch(new RegExp(`${FAILING}\\s+小学\\s+未达标\\s+达标`));
    expect(await page.locator(".scenario-verdict").innerText()).toMatch(/未达标学校（部）：(\d+) → (\d+)/);
    const [, before, after] =
      /：(\d+) → (\d+)/.exec(await page.locator(".scenario-verdict").innerText()) ?? [];
    expect(Number(after)).toBe(Number(before) - 1);
    const cvRows = await page.locator(".scenario-cv-table").innerText();
    expect(cvRows).toContain("每百名学生拥有体育、艺术（美术、音乐）专任教师数");
    expect(cvRows).toMatch(/−0\.\d{3}/);
    await page.getByLabel("情景名称").fill("屈岘补充体艺教师");
    await page.getByRole("button", { name: "保存情景" }).click();
    await expect
      .poll(() => page.locator(".scenario-list").innerText(), { timeout: 30_000 })
      .toContain("屈岘补充体艺教师");
  });
});
