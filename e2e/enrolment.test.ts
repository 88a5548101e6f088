import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { logIn, showsText, useDemoRig, type DemoRig } from "./browser.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const CHILD = id("62089920190613123");
const OTHER = id("62089920190714124");

async function getJson<T>(page: Page, rig: DemoRig, path: string): Promise<T> {
  const res = await page.request.get(`${rig.server.url}${path}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as T;
}

describe("招生入学 in Chromium", () => {
  const rig = useDemoRig();

  it("the bureau publishes the 学区; a school enters an application and reviews it; the bureau sees it", async () => {
    // the bureau: import the year's catchment list on the page, then read the 公示
    const bureau = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(bureau, rig.server, "planner");
    const school = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(school, rig.server, "school");
    const me = await getJson<{ user: { orgUnit: { id: string; name: string } } }>(
      school,
      rig,
      "/api/auth/me",
    );
    const unit = await getJson<{ code: string; name: string }>(
      school,
      rig,
      `/api/org-units/${me.user.orgUnit.id}`,
    );
    const file = [
      "学校,学段,乡镇（街道）,社区/小区/村,路（街）,门牌起,门牌止,招生计划",
      `${unit.code},小学,测试镇,测试东关社区,,,,2`,
      `${unit.code},小学,测试镇,测试幸福小区,解放路,1,99,`,
    ].join("\n");
    await bureau.goto(`${rig.server.url}/enrolment?year=2026`);
    await expect
      .poll(() => bureau.getByRole("tab", { name: "学区公示" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await bureau
      .locator("input[type=file]")
      .first()
      .setInputFiles({
        name: "片区.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${file}\n`, "utf8"),
      });
    await bureau.getByRole("button", { name: "预览" }).click();
    await expect
      .poll(() => bureau.getByText(/预览：1 所学校、2 个地址单元/).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await bureau.getByRole("button", { name: "导入（替换本年度名单）" }).click();
    await expect.poll(() => bureau.getByText(/已导入：1 所学校/).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => bureau.getByText("测试镇 测试幸福小区 解放路 1–99 号").isVisible()).toBe(true);
    await expect
      .poll(() => bureau.getByText(/2026 年义务教育学校招生片区（学区）公示/).isVisible())
      .toBe(true);
    await bureau.getByRole("tab", { name: "年度对照" }).click();
    await expect.poll(() => bureau.getByText("新增学校").first().isVisible(), { timeout: 30_000 }).toBe(true);

    // the school: its own catchment only; it enters one application on the page
    await school.goto(`${rig.server.url}/enrolment?year=2026`);
    await expect
      .poll(() => school.getByText("测试镇 测试东关社区").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect(school.getByRole("button", { name: "导入（替换本年度名单）" }).count()).resolves.toBe(0);
    await school.getByRole("tab", { name: "报名与审核" }).click();
    await school.getByLabel("儿童姓名").fill("孙测试禾");
    await school.getByLabel("身份证件号").first().fill(CHILD);
    await school.getByRole("checkbox", { name: "户籍在片区" }).check();
    await school.getByRole("checkbox", { name: "房产在片区" }).check();
    await school.getByRole("button", { name: "录入报名" }).click();
    await expect
      .poll(() => school.getByText(/已录入：报名号 2026-.*类别 A/).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(() => school.getByRole("cell", { name: "孙**禾", exact: true }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await school.content()).not.toContain(CHILD);

    // 资格审核 with its reason
    await school.getByRole("button", { name: /审核报名 2026-.*（孙\*\*禾）/ }).click();
    await school.getByLabel("理由").fill("户籍、房产材料齐全");
    await school.getByRole("button", { name: "保存" }).click();
    await expect
      .poll(() => school.getByText("户籍、房产材料齐全").isVisible(), { timeout: 30_000 })
      .toBe(true);

    // the same child at another school, from the online portal's export the bureau imports on the page
    // (preview first), is shown to the bureau as a duplicate (blind index)
    const schools = await getJson<{ items: { code: string }[] }>(
      bureau,
      rig,
      "/api/org-units/?kind=school&pageSize=100",
    );
    const other = schools.items.find((s) => s.code !== unit.code);
    const portal = [
      "报名学校,姓名,身份证件号,户籍在片区,房产在片区,居住证,社保月数",
      `${other?.code ?? ""},孙测试禾,${CHILD},否,否,否,0`,
      `${other?.code ?? ""},孙测试禾,${OTHER},否,否,否,0`,
    ].join("\n");
    await bureau.getByRole("tab", { name: "报名与审核" }).click();
    const chooser = bureau.waitForEvent("filechooser");
    await bureau.getByRole("button", { name: /选择报名名单/ }).click();
    await (
      await chooser
    ).setFiles({ name: "报名.csv", mimeType: "text/csv", buffer: Buffer.from(`${portal}\n`, "utf8") });
    const bar = bureau
      .locator(".ant-space", { has: bureau.getByRole("button", { name: "导入报名" }) })
      .last();
    await bar.getByRole("button", { name: "预览", exact: true }).click();
    await showsText(bureau, /预览：2 份报名/);
    await bar.getByRole("button", { name: "导入报名" }).click();
    await showsText(bureau, /已导入 2 份报名，跳过已录入的 0 份/);
    expect(await bureau.content()).not.toContain(OTHER);
    await bureau.getByRole("switch", { name: "只看在多所学校报名的" }).click();
    await expect.poll(() => bureau.getByText("另报 1 所学校").count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => bureau.getByText("审核通过").first().isVisible()).toBe(true);

    // 摇号: the bureau freezes the approved list (its SHA-256 published), records the public numbers, draws
    await bureau.getByRole("tab", { name: "摇号" }).click();
    await bureau.getByRole("button", { name: "冻结名单并公布 SHA-256" }).click();
    await expect
      .poll(() => bureau.getByText("名单已冻结，等待公开随机数").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await bureau.getByLabel("公开随机数").fill("双色球 2026060 期：3 11 19 24 27 31 9");
    await bureau.getByRole("button", { name: "摇号", exact: true }).click();
    await expect
      .poll(() => bureau.getByText("已摇号，结果已公布").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => bureau.getByRole("cell", { name: "孙**禾", exact: true }).isVisible()).toBe(true);

    // anyone re-runs it on the public page from the three published texts
    const published = await getJson<{ lottery: { labels: string; entropy: string; resultCsv: string } }>(
      school,
      rig,
      "/api/enrolment/lottery?year=2026",
    );
    const anyone = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await anyone.goto(`${rig.server.url}/verify-draw`);
    await expect
      .poll(() => anyone.getByRole("heading", { name: "抽签验证" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await anyone.getByLabel("冻结名单").fill(published.lottery.labels);
    await anyone.getByLabel("公开随机数").fill(published.lottery.entropy);
    await anyone.getByLabel("公布的结果（可选）").fill(published.lottery.resultCsv);
    await anyone.getByRole("button", { name: "重新计算" }).click();
    await expect
      .poll(() => anyone.getByText("验证通过：1 项的名次与重新计算的结果一致").isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);

    // 编班: the bureau balances the school's placed pupils into one class and sees its balance
    await bureau.getByRole("tab", { name: "编班" }).click();
    await bureau.getByRole("combobox", { name: "学校" }).click();
    await bureau.locator(".ant-select-dropdown:visible").getByText(unit.name, { exact: true }).click();
    await bureau.getByRole("spinbutton", { name: "班级数", exact: true }).fill("1");
    await bureau.getByRole("button", { name: "均衡编班" }).click();
    await expect
      .poll(() => bureau.getByText(`${unit.name}：1 名新生；各班人数与平均人数最多相差 0 人。`).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
  }, 240_000);
});
