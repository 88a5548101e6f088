import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { importStatsFile, logIn, previewStatsFile, useDemoRig } from "./browser.ts";

/** Two of the demo county's 小学 (serials from 101). */
const SCHOOLS = ["1620802101", "1620802102"] as const;
const YEAR = 2025;

/** A workbook in the template layout: 学生 and 办学条件 for the two schools. */
async function workbook(area: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const pupils = wb.addWorksheet("学生");
  pupils.addRow(["学校标识码", "统计年度", "小学在校生数"]);
  const land = wb.addWorksheet("办学条件");
  land.addRow(["学校标识码", "统计年度", "校舍建筑面积"]);
  for (const [i, code] of SCHOOLS.entries()) {
    pupils.addRow([code, YEAR, 300 + i * 10]);
    land.addRow([code, YEAR, i === 1 ? area : 4000]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("统计数据导入 in Chromium", () => {
  const rig = useDemoRig();

  it("downloads the template, previews then imports a valid file, and lists every problem of a bad one", async () => {
    const page = await (
      await rig.browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 900 } })
    ).newPage();
    await logIn(page, rig.server, "planner");
    await page.goto(`${rig.server.url}/indicators?tab=import`);

    // The template: Chinese sheet names and headers.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载导入模板" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("统计数据导入模板.xlsx");
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
    expect(template.worksheets.map((w) => w.name)).toContain("办学条件");
    expect(template.getWorksheet("学生")?.getRow(1).getCell(1).value).toBe("学校标识码");

    // A valid file for 2025.
    const year = page
      .getByRole("tabpanel", { name: "数据导入" })
      .getByRole("spinbutton", { name: "导入年度" });
    await year.fill(String(YEAR));
    await year.blur();

    // Step 1, 检查并预览: what would change, before → after, and nothing written yet.
    await previewStatsFile(page, "2025 预览.xlsx", await workbook(5000));
    const preview = page.getByRole("region", { name: "将改变的数值" });
    await expect.poll(() => preview.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(() => page.getByText(`导入预览：${YEAR} 年统计数据（2025 预览.xlsx）`).isVisible())
      .toBe(true);
    const area = preview.getByRole("row", { name: new RegExp(`${SCHOOLS[1]}.*校舍建筑面积`) });
    await expect.poll(() => area.count()).toBe(1);
    expect((await area.getByRole("cell").allTextContents()).slice(1)).toEqual([
      "校舍建筑面积",
      expect.any(String),
      "5,000",
    ]);
    const stored = async () =>
      page.evaluate(async () => {
        const res = await fetch("/api/stats/imports?pageSize=50");
        return ((await res.json()) as { items: { fileName: string }[] }).items.map((i) => i.fileName);
      });
    expect(await stored()).not.toContain("2025 预览.xlsx");
    // 取消: the preview goes, still nothing written
    await page.getByRole("button", { name: "取消" }).click();
    await expect.poll(() => preview.isVisible()).toBe(false);
    expect(await stored()).not.toContain("2025 预览.xlsx");

    // Step 2, 确认导入 after the preview.
    await importStatsFile(page, "2025 统计.xlsx", await workbook(5000));
    await expect
      .poll(() => page.getByText(`已导入 ${YEAR} 年统计数据（2025 统计.xlsx）`).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    const summary = page.getByRole("table").filter({ hasText: "变化的数值" });
    await expect.poll(() => summary.textContent()).toMatch(/数据行4.*学校2.*乡镇（街道）0/);
    const history = page.getByRole("region", { name: "导入记录" });
    await expect.poll(() => history.getByRole("row", { name: /2025 统计\.xlsx/ }).count()).toBe(1);

    // A negative area: refused, the problem named by sheet, row and column, nothing stored.
    await importStatsFile(page, "2025 有误.xlsx", await workbook(-5));
    await expect
      .poll(() => page.getByText(/统计数据有 1 处错误，未导入/).isVisible(), { timeout: 30_000 })
      .toBe(true);
    const problems = page.getByRole("region", { name: /问题清单（共 1 处）/ });
    const row = problems.getByRole("row", { name: /不能为负数/ });
    await expect.poll(() => row.count()).toBe(1);
    expect((await row.getByRole("cell").allTextContents()).slice(0, 3)).toEqual([
      "办学条件",
      "3",
      "校舍建筑面积",
    ]);
    await expect.poll(() => problems.getByRole("button", { name: "导出问题清单" }).isVisible()).toBe(true);

    const imports = await page.evaluate(async () => {
      const res = await fetch("/api/stats/imports?pageSize=50");
      return (await res.json()) as { items: { fileName: string }[] };
    });
    expect(imports.items.map((i) => i.fileName)).toContain("2025 统计.xlsx");
    expect(imports.items.map((i) => i.fileName)).not.toContain("2025 有误.xlsx");
    await expect.poll(() => history.getByRole("row", { name: /有误/ }).count()).toBe(0);

    // 撤销: the import is undone as a whole from 导入记录, after a confirmation
    const imported = history.getByRole("row", { name: /2025 统计\.xlsx/ });
    await imported.getByRole("button", { name: "撤销导入" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "撤销导入" }).click();
    await expect.poll(() => imported.textContent()).toMatch(/已于 .* 撤销/);
    const after = await page.evaluate(async () => {
      const res = await fetch("/api/stats/imports?pageSize=50");
      return (await res.json()) as { items: { fileName: string; undoneAt: string | null }[] };
    });
    expect(after.items.find((i) => i.fileName === "2025 统计.xlsx")?.undoneAt).not.toBeNull();
  }, 180_000);
});
