import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { logIn, useDemoRig } from "./browser.ts";

/**
 * Opens an antd select in the open dialog by its label, types to search and picks the option; tries
 * again when the pick did not take (a click can land while the dropdown is still sliding in).
 */
async function choose(page: Page, label: string, search: string, option: string): Promise<void> {
  const dialog = page.getByRole("dialog");
  const field = dialog.locator(".ant-form-item").filter({ has: page.getByLabel(label, { exact: true }) });
  for (let attempt = 1; ; attempt++) {
    await dialog.getByLabel(label, { exact: true }).click();
    if (search !== "") {
      await dialog.getByLabel(label, { exact: true }).fill(search);
    }
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
      .first()
      .click();
    const chosen = field.locator(".ant-select-content", { hasText: option });
    if ((await chosen.count()) > 0 || attempt === 3) {
      await chosen.first().waitFor({ timeout: 5_000 });
      return;
    }
  }
}

/** Confirms the open dialog and waits for it to close. */
async function confirm(page: Page): Promise<void> {
  await page.getByRole("dialog").locator(".ant-btn-primary").click();
  try {
    await page.getByRole("dialog").waitFor({ state: "detached", timeout: 15_000 });
  } catch (error) {
    // Say what the dialog shows (a server error, a field message) rather than only that it stayed.
    throw new Error(`the dialog stayed open: ${(await page.getByRole("dialog").textContent()) ?? ""}`, {
      cause: error,
    });
  }
}

/** The id of the one unit the API finds for `query`. */
async function unitId(page: Page, base: string, query: string): Promise<{ id: string; name: string }> {
  const res = await page.request.get(`${base}/api/org-units?${query}&includeClosed=true`);
  const items = ((await res.json()) as { items: { id: string; name: string }[] }).items;
  const first = items[0];
  if (first === undefined) {
    throw new Error(`no unit for ${query}`);
  }
  return first;
}

describe("组织机构 changes in Chromium", () => {
  const rig = useDemoRig();

  it("adds a school under a 乡镇, renames it, merges it and shows the 变更记录", async () => {
    const page = await (await rig.browser.newContext()).newPage();
    await logIn(page, rig.server, "admin");
    const base = rig.server.url;
    const township = await unitId(page, base, `kind=township&q=${encodeURIComponent("中街街道")}`);
    const target = await unitId(page, base, `kind=school&parentId=${township.id}`);
    await page.goto(`${base}/org/${township.id}`);
    // The page names the jurisdiction the installation was set up for.
    await expect
      .poll(() => page.getByText(/本系统辖区：.*崆峒区（620802）；区划数据：演示数据/).isVisible())
      .toBe(true);

    await page.getByRole("button", { name: "新增单位" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("代码", { exact: true }).fill("1620802990");
    await dialog.getByLabel("名称", { exact: true }).fill("崆峒区测试小学");
    await choose(page, "办学类型", "", "小学");
    await dialog.getByLabel("开办日期", { exact: true }).fill("2024-09-01");
    await confirm(page);

    const created = await unitId(page, base, "q=1620802990");
    await page.goto(`${base}/org/${created.id}`);
    await page.getByRole("button", { name: "编辑" }).click();
    await dialog.getByLabel("名称", { exact: true }).fill("崆峒区测试实验小学");
    await dialog.getByLabel("生效日期", { exact: true }).fill("2025-03-01");
    await confirm(page);
    await expect.poll(() => page.getByRole("heading", { name: /崆峒区测试实验小学/ }).isVisible()).toBe(true);

    await page.getByRole("button", { name: "撤并" }).click();
    await expect.poll(() => dialog.getByText("全部账号将被停用").isVisible()).toBe(true);
    await choose(page, "并入学校", target.name, target.name);
    await dialog.getByLabel("生效日期", { exact: true }).fill("2025-07-01");
    await confirm(page);

    const status = page.locator(".org-unit-status");
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain("已撤并");
    expect(await status.textContent()).toContain(`并入 ${target.name}`);

    await page.getByRole("tab", { name: "变更记录" }).click();
    const changes = page.locator(".org-unit-changes");
    await expect.poll(() => changes.textContent(), { timeout: 15_000 }).toContain("撤并");
    const text = (await changes.textContent()) ?? "";
    expect(text).toContain("更名");
    expect(text).toContain("名称：崆峒区测试小学 → 崆峒区测试实验小学");
    expect(text).toContain(`并入 ${target.name}`);
    expect(text).toContain("开办");
    expect(text).toContain("王建国");
  });
});
