import { describe, expect, it } from "vitest";

import { logIn, useDemoRig } from "./browser.ts";

describe("the foundation in Chromium", () => {
  const rig = useDemoRig();

  it("logs a planner in, shows the county and navigates to the org browser", async () => {
    const page = await rig.browser.newPage();
    await logIn(page, rig.server, "planner");
    await expect.poll(() => page.getByText("张规划").first().isVisible()).toBe(true);
    await page.getByRole("menuitem", { name: "组织机构" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "组织机构" }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText("崆峒区").first().isVisible()).toBe(true);
    const schools = await page.request.get(`${rig.server.url}/api/org-units?kind=school&pageSize=1`);
    expect((await schools.json()) as { total: number }).toMatchObject({ total: 357 });
    await page.close();
  });

  it("refuses a school user another school's page", async () => {
    const planner = await rig.browser.newPage();
    await logIn(planner, rig.server, "planner");
    const list = await planner.request.get(`${rig.server.url}/api/org-units?schoolType=primary&pageSize=5`);
    const { items } = (await list.json()) as { items: { id: string; name: string }[] };
    await planner.close();

    const page = await rig.browser.newPage();
    await logIn(page, rig.server, "school");
    const me = (await (await page.request.get(`${rig.server.url}/api/auth/me`)).json()) as {
      user: { orgUnit: { id: string } };
    };
    const other = items.find((s) => s.id !== me.user.orgUnit.id);
    expect(other).toBeDefined();
    await page.goto(`${rig.server.url}/org/${other?.id ?? ""}`);
    await expect.poll(() => page.getByText("无权访问").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(other?.name ?? "?").count()).toBe(0);
    await page.goto(`${rig.server.url}/org/${me.user.orgUnit.id}`);
    await expect.poll(() => page.getByText("办学类型").first().isVisible()).toBe(true);
    await page.close();
  });

  it("shows the audit administrator the logins in the audit log", async () => {
    const page = await rig.browser.newPage();
    await logIn(page, rig.server, "auditor");
    await page.getByRole("menuitem", { name: "审计日志" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "审计日志" }).first().isVisible()).toBe(true);
    // people by name (吴校长 is the demo's school account, 赵审 its auditor), the object type in Chinese
    const schoolLogin = page.getByRole("row").filter({ hasText: "吴校长" }).filter({ hasText: "登录" });
    await expect.poll(() => schoolLogin.count()).toBeGreaterThan(0);
    await expect.poll(() => schoolLogin.first().textContent()).toContain("用户");
    const auditorLogin = page.getByRole("row").filter({ hasText: "赵审" }).filter({ hasText: "登录" });
    await expect.poll(() => auditorLogin.count()).toBeGreaterThan(0);
    await page.close();
  });

  it("logs out and the session is gone", async () => {
    const page = await rig.browser.newPage();
    await logIn(page, rig.server, "leader");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/login"));
    const me = await page.request.get(`${rig.server.url}/api/auth/me`);
    expect(me.status()).toBe(401);
    await page.close();
  });
});
