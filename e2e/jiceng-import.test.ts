import { describe, expect, it } from "vitest";
import { jicengWorkbook, supplementWorkbook, type GridWorkbook } from "@luoshi/domain/stats";
import { jicengArchive } from "@luoshi/server";
import { importStatsFile, logIn, useDemoRig } from "./browser.ts";

/** Two of the demo county's 小学 (serials from 101). */
const SCHOOLS = ["1620802101", "1620802102"] as const;
const YEAR = 2025;

/** The two schools' 基层表 (教基 layout) and a supplement; `words` puts a value in words into the second. */
async function archive(words: string | null): Promise<Buffer> {
  const books: GridWorkbook[] = SCHOOLS.map((code, i) =>
    jicengWorkbook(
      {
        code,
        name: `示例小学${String(i + 1)}`,
        attributes: { schoolType: "primary", ownership: "public", isInclusive: false, urbanRural: "rural" },
      },
      YEAR,
      { "pupils.primary": 300 + i * 10, "classes.primary": 7, "area.building": 4000 },
    ),
  );
  const second = books[1];
  if (words !== null && second !== undefined) {
    books[1] = {
      ...second,
      sheets: second.sheets.map((s) =>
        s.name.startsWith("教基5170")
          ? { ...s, rows: s.rows.map((r) => (r[1] === "01" ? [r[0], r[1], words] : r)) }
          : s,
      ),
    };
  }
  books.push(supplementWorkbook(YEAR, [{ schoolCode: SCHOOLS[0], values: { "rooms.music": 2 } }]));
  return Buffer.from(await jicengArchive(books));
}

describe("基层表 import in Chromium", () => {
  const rig = useDemoRig();

  it("uploads a .zip of school workbooks, previews it, stores it, and names 表号/行代码/栏号 of a bad one", async () => {
    const page = await (await rig.browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await logIn(page, rig.server, "planner");
    await page.goto(`${rig.server.url}/indicators?tab=import`);
    const year = page
      .getByRole("tabpanel", { name: "数据导入" })
      .getByRole("spinbutton", { name: "导入年度" });
    await year.fill(String(YEAR));
    await year.blur();

    // 检查并预览: the .zip is read and checked, the changes shown, nothing written yet
    await page
      .getByLabel("统计数据文件", { exact: true })
      .setInputFiles({ name: "基层表 2025.zip", mimeType: "application/zip", buffer: await archive(null) });
    await expect
      .poll(() => page.getByText("基层表 2025.zip", { exact: true }).first().isVisible())
      .toBe(true);
    await page.getByRole("button", { name: "检查并预览" }).click();
    await expect
      .poll(() => page.getByText(`导入预览：${YEAR} 年统计数据（基层表 2025.zip）`).isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);
    const changes = page.getByRole("region", { name: "将改变的数值" });
    // each school's 校舍建筑面积 read from 教基5170, and the supplement's 音乐专用教室数
    await expect
      .poll(() => changes.getByRole("row", { name: /1620802101.*校舍建筑面积.*4,000/ }).count())
      .toBe(1);
    await expect
      .poll(() => changes.getByRole("row", { name: /1620802102.*校舍建筑面积.*4,000/ }).count())
      .toBe(1);
    await expect
      .poll(() => changes.getByRole("row", { name: /1620802101.*音乐专用教室数.*2/ }).count())
      .toBe(1);
    const history = page.getByRole("region", { name: "导入记录" });
    expect(await history.getByRole("row", { name: /基层表 2025\.zip/ }).count()).toBe(0);

    // 确认导入 stores what was previewed
    await page.getByRole("button", { name: "确认导入" }).click();
    await expect
      .poll(() => page.getByText(`已导入 ${YEAR} 年统计数据（基层表 2025.zip）`).isVisible(), {
        timeout: 60_000,
      })
      .toBe(true);
    const summary = page.getByRole("table").filter({ hasText: "变化的数值" });
    await expect.poll(() => summary.textContent()).toMatch(/学校2.*乡镇（街道）0.*变化的数值\d+/);
    await expect.poll(() => history.getByRole("row", { name: /基层表 2025\.zip/ }).count()).toBe(1);

    await importStatsFile(page, "基层表 有误.zip", await archive("四千"));
    await expect
      .poll(
        () =>
          page
            .getByText(/基层表有 1 处错误，未导入/)
            .first()
            .isVisible(),
        { timeout: 60_000 },
      )
      .toBe(true);
    const problems = page.getByRole("region", { name: /问题清单（共 1 处）/ });
    const row = problems.getByRole("row", { name: /不是数字/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(
      /教基5170.*教基5170\/01\/1.*表 教基5170 行代码 01 栏号 1：“四千”不是数字/,
    );
  });
});
