import { describe, expect, it } from "vitest";
import { logIn, useDemoRig } from "./browser.ts";

// Issue 12: the county's unit-name rules (unit groups for collective names, renamed agencies) edited on
// a page by the bureau's planner: a new group counts its members once saved, a new rename is kept, and a
// rule with a blank field is refused on the form.
describe("单位名称规则 in Chromium", () => {
  const rig = useDemoRig();

  it("adds a unit group and a renamed agency and keeps them", async () => {
    const page = await (await rig.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await logIn(page, rig.server, "planner");
    await page.goto(`${rig.server.url}/plans`);
    await page.getByRole("button", { name: "单位名称规则" }).click();
    const drawer = page.getByRole("dialog", { name: "单位名称规则" });
    await expect.poll(() => drawer.getByText(/尚未修改过规则/).isVisible()).toBe(true);
    // the built-in rules are there: 国土局 → 自然资源局
    const renames = drawer.getByRole("group", { name: /^第 \d+ 条更名$/ });
    expect(await renames.count()).toBeGreaterThan(5);

    // a group of the county's 初级中学, called 各合成初中 or 合成初中各校
    await drawer.getByRole("button", { name: "添加单位组" }).click();
    const groups = drawer.getByRole("group", { name: /^第 \d+ 个单位组$/ });
    const group = groups.last();
    await group.getByLabel("单位组名称").fill("各合成初中");
    await group.getByLabel("别称").fill("合成初中各校");
    await group.getByLabel("别称").press("Enter");
    await group.getByLabel("办学类型（学校组）").click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "初级中学" })
      .click();
    await page.keyboard.press("Escape");
    await expect.poll(() => group.getByText("保存后计算").isVisible()).toBe(true);

    // a rename left blank is refused on the form; filled in, it is saved
    await drawer.getByRole("button", { name: "添加更名机构" }).click();
    const rename = renames.last();
    await drawer.getByRole("button", { name: "保存规则" }).click();
    await expect.poll(() => rename.getByText("请填写").first().isVisible()).toBe(true);
    await rename.getByLabel("原名称").fill("合成老教育局");
    await rename.getByLabel("现名称").fill("教育局");
    await rename.getByLabel("依据").fill("合成测试：机构改革方案");
    await drawer.getByRole("button", { name: "保存规则" }).click();
    await expect.poll(() => page.getByText(/单位名称规则已保存/).isVisible()).toBe(true);
    await expect.poll(() => drawer.isVisible()).toBe(false);

    // opened again: no longer the defaults; the group has its members counted, the rename is kept
    await page.reload();
    await page.getByRole("button", { name: "单位名称规则" }).click();
    await expect.poll(() => groups.last().getByLabel("单位组名称").inputValue()).toBe("各合成初中");
    expect(await drawer.getByText(/尚未修改过规则/).count()).toBe(0);
    const members = Number(
      ((await groups.last().locator(".ant-form-item").filter({ hasText: "现有成员" }).textContent()) ?? "")
        .replace("现有成员", "")
        .trim(),
    );
    expect(members).toBeGreaterThan(0);
    await expect.poll(() => renames.last().getByLabel("原名称").inputValue()).toBe("合成老教育局");
    await expect.poll(() => renames.last().getByLabel("依据").inputValue()).toBe("合成测试：机构改革方案");
  }, 180_000);

  it("is not offered to a unit account", async () => {
    const page = await (await rig.browser.newContext()).newPage();
    await logIn(page, rig.server, "finance");
    await page.goto(`${rig.server.url}/plans`);
    await expect.poll(() => page.getByRole("heading", { name: "规划文件" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "单位名称规则" }).count()).toBe(0);
  }, 60_000);
});
