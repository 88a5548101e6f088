/**
 * 控辍保学 in Chromium, the whole path on the real pages: the bureau imports the 适龄 list (比对), which
 * opens a case for the child without 学籍, and names the school responsible; the school opens a second
 * case from a risk flag (立案 carries the flag's explanation), then records 家访 → 劝返 → 复学 on the
 * first; a 督学 checks and closes it (销号). Nobody's page ever shows a full name or 身份证号.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { logIn, showsText, useDemoRig, type DemoRig } from "./browser.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
/** Two pupils of the school's registry (county part 99) and a child with no 学籍 (county part 98). */
const A = id("62089920170302123");
const B = id("62089920170411124");
const X = id("62089820140905113");
const SECRETS = [A, B, X, "赵测试远", "钱测试宁", "孙测试平"];

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

const shows = showsText;

/** No planted name or number anywhere in the page's HTML. */
async function masked(page: Page): Promise<void> {
  const html = await page.content();
  for (const secret of SECRETS) {
    expect(html).not.toContain(secret);
  }
}

/** 学籍 → 控辍保学 → one of its inner tabs. */
async function dropoutTab(page: Page, rig: DemoRig, inner: "一生一案" | "适龄比对"): Promise<void> {
  await page.goto(`${rig.server.url}/registries`);
  await expect
    .poll(() => page.getByRole("tab", { name: "控辍保学" }).isVisible(), { timeout: 30_000 })
    .toBe(true);
  await page.getByRole("tab", { name: "控辍保学" }).click();
  await page.getByRole("tab", { name: inner }).click();
}

/** Picks `option` in the visible dropdown of the select named `label`, then waits for it to close. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name: label }).click();
  await page.locator(".ant-select-dropdown:visible").getByText(option, { exact: true }).click();
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}

/** In the open case drawer: 安排措施 of `kind`, then 登记完成 of that open step with a note. */
async function step(page: Page, kind: string, note: string, outcome?: string): Promise<void> {
  const drawer = page.locator(".ant-drawer-section");
  await choose(page, "措施", kind);
  await drawer.getByRole("button", { name: "安排措施" }).click();
  const row = drawer
    .locator("tbody tr", { hasText: kind })
    .filter({ has: page.getByRole("button", { name: "登记完成" }) });
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
  if (outcome !== undefined) {
    await row.getByRole("combobox", { name: "结果" }).click();
    await page.locator(".ant-select-dropdown:visible").getByText(outcome, { exact: true }).click();
    await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
  }
  await row.getByRole("textbox", { name: "做了什么" }).fill(note);
  await row.getByRole("button", { name: "登记完成" }).click();
  await expect.poll(() => drawer.getByText(note).isVisible(), { timeout: 30_000 }).toBe(true);
}

describe("控辍保学 in Chromium", () => {
  // 销号 on the day of the 复学 (still by a second person): the whole path runs in one day
  const rig = useDemoRig({ LUOSHI_DROPOUT_CLOSE_AFTER_DAYS: "0" });

  it("比对 → case → 家访 → 劝返 → 复学 → 销号 as the bureau, the school and a 督学; a flag opens a case", async () => {
    // planted through the API: the school's two pupils, and three days of 旷课 for one of them
    const school = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(school, rig.server, "school");
    const me = (await (await school.request.get(`${rig.server.url}/api/auth/me`)).json()) as {
      user: { orgUnit: { id: string; name: string } };
    };
    const unit = (await (
      await school.request.get(`${rig.server.url}/api/org-units/${me.user.orgUnit.id}`)
    ).json()) as { code: string; name: string };
    const file = [
      "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级",
      `G${A},${A},赵测试远,男,2017-03-02,${unit.code},二年级,1班`,
      `G${B},${B},钱测试宁,女,2017-04-11,${unit.code},二年级,1班`,
    ].join("\n");
    await post(school, rig, "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2024,
      term: 1,
      asOf: "2024-09-30",
      contentBase64: Buffer.from(`${file}\n`, "utf8").toString("base64"),
    });
    const sheet = (await (
      await school.request.get(`${rig.server.url}/api/attendance/sheet?date=2024-11-06`)
    ).json()) as { classes: { pupils: { id: string; name: string }[] }[] };
    const qian = sheet.classes.flatMap((c) => c.pupils).find((p) => p.name === "钱**宁");
    for (const date of ["2024-11-06", "2024-11-07", "2024-11-08"]) {
      await post(school, rig, "/api/attendance/reports", {
        date,
        absences: [{ studentId: qian?.id, reason: "truant" }],
      });
    }

    // the bureau: 适龄比对 on the page — 赵 matches the registry, 孙 has no 学籍 and becomes a case
    const bureau = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(bureau, rig.server, "supervisor");
    await dropoutTab(bureau, rig, "适龄比对");
    const list = [
      "身份证件号,姓名,性别,出生日期,乡镇,村",
      `${A},赵测试远,男,2017-03-02,柳湖镇,测试一村`,
      `${X},孙测试平,男,2014-09-05,柳湖镇,测试二村`,
    ].join("\n");
    await bureau.locator("input[type=file]").setInputFiles({
      name: "适龄儿童.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${list}\n`, "utf8"),
    });
    await bureau.getByRole("button", { name: "预览比对" }).click();
    await shows(bureau, /预览/);
    await bureau.getByRole("button", { name: "导入并立案" }).click();
    await shows(bureau, "已导入：适龄儿童 2 名，未匹配 1 名，新立案 1 件。");
    await shows(bureau, "孙**平");
    await shows(bureau, `6208**********${X.slice(-4)}`);
    await masked(bureau);

    // the bureau opens the case and names the school responsible for it
    await bureau.getByRole("tab", { name: "一生一案" }).click();
    await bureau.locator(".ant-table:visible").getByText("孙**平").click();
    const drawer = bureau.locator(".ant-drawer-section");
    await shows(drawer, "适龄未入学（户籍与学籍比对未匹配）");
    await drawer.locator("#dropout-case-school").click();
    await bureau.keyboard.type(unit.name.slice(-5));
    await bureau
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: unit.name })
      .first()
      .click();
    await drawer.getByRole("button", { name: "指定责任学校" }).click();
    await shows(drawer, unit.name);
    await masked(bureau);
    await bureau.close();

    // the school: 风险预警 → 立案 for 钱**宁, the flag's explanation carried into the case
    await school.goto(`${rig.server.url}/attendance`);
    await school.getByRole("tab", { name: "风险预警" }).click();
    const flagRow = school.locator(".ant-table:visible tbody tr", { hasText: "钱**宁" });
    await expect.poll(() => flagRow.isVisible(), { timeout: 30_000 }).toBe(true);
    await flagRow.getByRole("button", { name: /立案/ }).click();
    const schoolDrawer = school.locator(".ant-drawer-section");
    await expect
      .poll(
        () =>
          schoolDrawer
            .getByText(/风险预警（连续无故缺勤，2024-11-08 预警）：连续 3 个上学日旷课/)
            .isVisible(),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    await shows(schoolDrawer, "长期缺勤（疑似辍学）");
    await school.keyboard.press("Escape");
    await expect.poll(() => flagRow.getByText("劝返中").isVisible(), { timeout: 30_000 }).toBe(true);

    // the school: the 比对 case is now its own — 家访 → 劝返 (成功) → 复学
    await dropoutTab(school, rig, "一生一案");
    await school.locator(".ant-table:visible").getByText("孙**平").click();
    await step(school, "家访", "班主任与村干部上门家访");
    await step(school, "劝返", "劝返谈话，家长同意返校", "成功");
    await step(school, "复学", "已到校上课");
    await expect
      .poll(() => schoolDrawer.getByText("已复学（跟踪中）").isVisible(), { timeout: 30_000 })
      .toBe(true);
    // the school cannot close its own case: 销号 is a 督学's or the 督导's check
    expect(await schoolDrawer.getByRole("button", { name: "核查销号" }).count()).toBe(0);
    await masked(school);
    await school.close();

    // the 督学: checks and closes (销号)
    const inspector = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(inspector, rig.server, "inspector");
    await dropoutTab(inspector, rig, "一生一案");
    await inspector.locator(".ant-table:visible").getByText("孙**平").click();
    const inspectorDrawer = inspector.locator(".ant-drawer-section");
    await inspectorDrawer.getByRole("button", { name: "核查销号" }).click();
    await shows(inspectorDrawer, "已销号");
    // a 督学 records nothing: no step can be added
    expect(await inspectorDrawer.getByRole("button", { name: "安排措施" }).count()).toBe(0);
    await masked(inspector);
    await inspector.close();
  }, 300_000);
});
