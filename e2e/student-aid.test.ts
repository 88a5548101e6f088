import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { logIn, useDemoRig, type DemoRig } from "./browser.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const A = id("62089920170903123");
const CARD = "6222021234567890555";

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

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const schoolYear = () => {
  const d = new Date(Date.now() + 8 * 3_600_000);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
};

async function pick(page: Page, label: string, option: string) {
  await page.getByRole("combobox", { name: label }).first().click();
  await page.locator(".ant-select-dropdown:visible").getByText(option, { exact: true }).first().click();
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}

describe("学生资助 in Chromium", () => {
  const rig = useDemoRig();

  it("申请 → 民主评议 → 公示 at the school; the 资助中心 sees the masked 公示 and may review only after it", async () => {
    const bureau = await rig.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(bureau, rig.server, "supervisor");
    const year = schoolYear();
    await post(bureau, rig, "/api/aid/programmes", {
      schoolYear: year,
      code: "E2E-LIV",
      name: "义务教育生活费补助（测试）",
      kind: "living",
      stages: ["primary", "junior"],
      target: "家庭经济困难学生（测试）",
      basis: "财教〔2021〕310号",
      quota: 5,
      budget: 5000,
      tiers: [{ code: "A", label: "一档", amountPerTerm: 625 }],
    });

    const school = await rig.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(school, rig.server, "school");
    const me = (await (await school.request.get(`${rig.server.url}/api/auth/me`)).json()) as {
      user: { orgUnit: { id: string } };
    };
    const unit = (await (
      await school.request.get(`${rig.server.url}/api/org-units/${me.user.orgUnit.id}`)
    ).json()) as { code: string };
    const file = [
      "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级",
      `G${A},${A},赵测试资,男,2017-09-03,${unit.code},二年级,3班`,
    ].join("\n");
    await post(school, rig, "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: year,
      term: 1,
      asOf: `${String(year)}-09-30`,
      contentBase64: Buffer.from(`${file}\n`, "utf8").toString("base64"),
    });

    // 申请 on the page
    await school.goto(`${rig.server.url}/aid`);
    await school.getByRole("tab", { name: "认定申请" }).click();
    await pick(school, "项目", "义务教育生活费补助（测试）");
    await pick(school, "学生", "赵**资 二年级3班");
    await pick(school, "档次", "一档");
    await school.getByLabel("银行卡号").fill(CARD);
    await school.getByLabel("开户银行").fill("测试农商银行");
    await school.getByLabel("持卡人").fill("赵测试家长");
    await school.getByRole("button", { name: "录入申请" }).click();
    const row = school.locator("tr", { hasText: "赵**资" });
    await expect.poll(() => row.getByText("已申请").isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await row.innerText()).toContain("0555");
    expect(await school.content()).not.toContain(CARD);

    // 民主评议
    await row.getByRole("checkbox").check();
    await school.getByRole("button", { name: "评议推荐" }).click();
    await expect.poll(() => row.getByText("评议推荐").isVisible(), { timeout: 30_000 }).toBe(true);

    // 公示 for 5 working days, printed with the masked name, school, class and 档次 only
    await school.getByRole("tab", { name: "公示" }).click();
    await pick(school, "项目", "义务教育生活费补助（测试）");
    await school.getByLabel("公示开始日期").fill(chinaToday());
    await school.getByLabel("公示开始日期").press("Enter");
    await school.getByRole("button", { name: "发布公示（5 个工作日）" }).click();
    await expect
      .poll(() => school.getByRole("button", { name: "查看" }).first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    await school.getByRole("button", { name: "查看" }).first().click();
    await expect
      .poll(() => school.getByText(/拟资助学生名单公示/).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const sheet = await school.locator(".aid-publicity").innerText();
    expect(sheet).toContain("赵**资");
    expect(sheet).toContain("二年级3班");
    expect(sheet).toContain("一档");
    expect(sheet).not.toContain(A);
    expect(sheet).not.toContain("0555");

    // the 资助中心: the application is on 公示; review waits for the end of the 公示, with a clear reason
    await bureau.goto(`${rig.server.url}/aid`);
    await bureau.getByRole("tab", { name: "认定申请" }).click();
    const theirs = bureau.locator("tr", { hasText: "赵**资" });
    await expect.poll(() => theirs.getByText("公示中").isVisible(), { timeout: 30_000 }).toBe(true);
    await theirs.getByRole("checkbox").check();
    await bureau.getByRole("button", { name: "审核通过" }).click();
    await expect
      .poll(() => bureau.getByText(/公示期满后才能审核/).isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await bureau.content()).not.toContain(A);
    // nor in a log line: the server's output holds neither the 身份证件号 nor the card
    const log = rig.server.output();
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(A);
    expect(log).not.toContain(CARD);
  }, 240_000);
});
