import { describe, expect, it } from "vitest";
import { logIn, useDemoRig } from "./browser.ts";

/** A school list in the real layout (title row, then the header) with one new school for the demo county. */
const SCHOOL = { code: "1620802951", name: "崆峒区示例第一新建小学" };
const LIST = [
  "崆峒区学校名录（教育事业统计，示例数据）",
  "学校标识码,学校名称,办学类型,举办者,城乡分类,所在乡镇,地址,校长,联系电话",
  `${SCHOOL.code},${SCHOOL.name},211,县级教育部门,111,中街街道,中街街道示例路1号,王示例,13900000951`,
].join("\r\n");

describe("导入学校名录 in Chromium", () => {
  const rig = useDemoRig();

  it("previews a school list, applies it and shows the new school in the tree", async () => {
    const page = await rig.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, rig.server, "admin");
    await page.getByRole("menuitem", { name: "组织机构" }).click();
    await page.getByRole("button", { name: "导入学校名录" }).click();
    const drawer = page.getByRole("dialog", { name: "导入学校名录（教育事业统计）" });
    await drawer.locator("input[type=file]").setInputFiles({
      name: "名录.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${LIST}\r\n`, "utf8"),
    });
    await expect
      .poll(() => drawer.getByText(/名录\.csv：新增 1，变更 0，未变 0，文件中缺少 \d+/).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    const added = drawer.getByRole("table", { name: "新增（1）" });
    await expect.poll(() => added.getByRole("row", { name: new RegExp(SCHOOL.name) }).count()).toBe(1);
    expect(await added.getByRole("row", { name: new RegExp(SCHOOL.name) }).textContent()).toContain(
      "211 小学",
    );

    await drawer.getByRole("button", { name: "确认导入" }).click();
    await expect
      .poll(() => page.getByText(/已导入：新增 1，变更 0/).isVisible(), { timeout: 30_000 })
      .toBe(true);

    const found = await page.request.get(`${rig.server.url}/api/org-units?kind=school&q=${SCHOOL.code}`);
    const { items } = (await found.json()) as { items: { id: string; name: string }[] };
    expect(items.map((s) => s.name)).toEqual([SCHOOL.name]);
    await page.goto(`${rig.server.url}/org/${items[0]?.id ?? ""}`);
    const tree = page.locator(".org-tree-card");
    await expect.poll(() => tree.getByText(SCHOOL.name).first().isVisible(), { timeout: 30_000 }).toBe(true);
    await page.close();
  });
});
