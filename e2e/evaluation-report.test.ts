import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import mammoth from "mammoth";

import { logIn, useDemoRig } from "./browser.ts";
import { findRow } from "./files.ts";

const TITLE = "崆峒区义务教育优质均衡发展资源配置评估报告（2024年度）";

describe("优质均衡 report downloads in Chromium", () => {
  const rig = useDemoRig();

  it("downloads the evaluation the page shows as .xlsx and as the .docx report", async () => {
    const page = await (await rig.browser.newContext({ acceptDownloads: true })).newPage();
    await logIn(page, rig.server, "supervisor");
    await page.goto(`${rig.server.url}/evaluations?year=2024`);

    const [xlsx] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "导出 Excel" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`${TITLE.replace("评估报告", "评估表")}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "各校达标情况",
      "差异系数",
      "未参与计算学校",
      "数据提示",
    ]);
    const cv = findRow(workbook.getWorksheet("差异系数"), (v) => v[1] === "每百名学生拥有高于规定学历教师数");
    // The page shows 0.924 for this 差异系数 (e2e/evaluations.test.ts); the workbook prints the same.
    expect(cv?.[6]).toBe("0.924");

    const [docx] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "导出评估报告（Word）" }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe(`${TITLE}.docx`);
    const text = (await mammoth.extractRawText({ path: await docx.path() })).value;
    expect(text).toContain(TITLE);
    expect(text).toContain("教学点处理方式：教学点单独参与计算。");
  });
});
