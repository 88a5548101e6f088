import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { logIn, useDemoRig } from "./browser.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const A = id("62089920170502123");
const B = id("62089920170611124");

describe("学籍 in Chromium", () => {
  const rig = useDemoRig();

  it("a school imports a small registry file, sees the preview, applies it and lists its pupils masked", async () => {
    const page = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, rig.server, "school");
    const me = (await (await page.request.get(`${rig.server.url}/api/auth/me`)).json()) as {
      user: { orgUnit: { id: string } };
    };
    const unit = (await (
      await page.request.get(`${rig.server.url}/api/org-units/${me.user.orgUnit.id}`)
    ).json()) as {
      code: string;
    };
    const file = [
      "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级,是否留守儿童",
      `G${A},${A},王测试安,男,2017-05-02,${unit.code},二年级,1班,否`,
      `G${B},${B},李测试宁,女,2017-06-11,${unit.code},二年级,2班,是`,
    ].join("\r\n");

    await page.getByRole("menuitem", { name: "登记台账" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "学籍" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.getByRole("tab", { name: "导入学籍" }).click();
    await page.locator("input[type=file]").setInputFiles({
      name: "学籍.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${file}\r\n`, "utf8"),
    });
    await page.getByRole("button", { name: "预览" }).click();
    await expect
      .poll(() => page.getByText(/预览：2 名学生，新增 2，更新 0/).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect.poll(() => page.getByText("已导入：2 名学生").isVisible(), { timeout: 30_000 }).toBe(true);

    await page.getByRole("tab", { name: "学生名单" }).click();
    const table = page.locator(".ant-table");
    await expect.poll(() => table.getByText("王**安").isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => table.getByText(`6208**********${A.slice(-4)}`).isVisible()).toBe(true);
    const html = await page.content();
    expect(html).not.toContain(A);
    expect(html).not.toContain("王测试安");
    await page.close();
  });

  it("tells a 责任单位 why it has no pupils", async () => {
    const page = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, rig.server, "finance");
    await page.goto(`${rig.server.url}/registries`);
    await expect
      .poll(() => page.getByText("本账号不管理学生学籍").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.close();
  });
});
