import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { logIn, useDemoRig, type DemoRig } from "./browser.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const A = id("62089920170702123");
const B = id("62089920170811124");

/** A write through the page's session (with its CSRF token), as the web does it. */
async function post(page: Page, rig: DemoRig, path: string, body: unknown) {
  const csrf = (await (await page.request.get(`${rig.server.url}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const res = await page.request.post(`${rig.server.url}${path}`, {
    data: body,
    headers: { "x-csrf-token": csrf.csrfToken },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as unknown;
}

describe("考勤 in Chromium", () => {
  const rig = useDemoRig();

  it("a school reports absences on the page; the bureau sees the report and the risk flag", async () => {
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
      `G${A},${A},赵测试安,男,2017-07-02,${unit.code},二年级,1班,否`,
      `G${B},${B},钱测试宁,女,2017-08-11,${unit.code},二年级,1班,是`,
    ].join("\n");
    await post(page, rig, "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2024,
      term: 1,
      asOf: "2024-09-30",
      contentBase64: Buffer.from(`${file}\n`, "utf8").toString("base64"),
    });
    const sheet = (await (
      await page.request.get(`${rig.server.url}/api/attendance/sheet?date=2024-11-06`)
    ).json()) as {
      classes: { pupils: { id: string; name: string }[] }[];
    };
    const zhao = sheet.classes.flatMap((c) => c.pupils).find((p) => p.name === "赵**安");
    // the two days before, reported through the API: 旷课 on Wednesday and Thursday
    for (const date of ["2024-11-06", "2024-11-07"]) {
      await post(page, rig, "/api/attendance/reports", {
        date,
        absences: [{ studentId: zhao?.id, reason: "truant" }],
      });
    }

    // Friday on the page: 赵**安 不明, 钱**宁 病假
    await page.goto(`${rig.server.url}/attendance?date=2024-11-08`);
    await expect
      .poll(() => page.getByRole("tab", { name: "报送考勤" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.getByText("二年级1班：应到 2，实到 2").click();
    await page.getByRole("combobox", { name: "赵**安的出勤" }).click();
    await page.locator(".ant-select-dropdown:visible").getByText("不明", { exact: true }).click();
    // the first list closes with an animation: wait until it is gone, or the second click may pick
    // 病假 in the list that is closing
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
    await page.getByRole("combobox", { name: "钱**宁的出勤" }).click();
    await page.locator(".ant-select-dropdown:visible").getByText("病假", { exact: true }).click();
    await page.getByRole("button", { name: "报送（缺勤 2 人）" }).click();
    await expect
      .poll(() => page.getByText("已报送：应到 2，实到 0；新产生风险预警 1 条。").isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    expect(await page.content()).not.toContain("赵测试安");
    await page.close();

    const bureau = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(bureau, rig.server, "supervisor");
    await bureau.goto(`${rig.server.url}/attendance?date=2024-11-08`);
    await expect
      .poll(() => bureau.getByRole("tab", { name: "报送情况" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    // the demo county's other schools have no pupils in the registry: only this school is expected
    await expect
      .poll(() => bureau.locator(".ant-table").getByText("已报送", { exact: true }).first().isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    await bureau.getByRole("tab", { name: "风险预警" }).click();
    const flags = bureau.locator(".ant-table");
    await expect.poll(() => flags.getByText("赵**安").isVisible(), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(() => flags.getByText(/连续 3 个上学日旷课或原因不明（11月6日、11月7日、11月8日）/).isVisible())
      .toBe(true);
    expect(await bureau.content()).not.toContain("赵测试安");
    await bureau.close();
  }, 300_000);
});
