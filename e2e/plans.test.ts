import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";

import { logIn, useDemoRig } from "./browser.ts";
import { findRow } from "./files.ts";

const SEED = fileURLToPath(
  new URL("../packages/domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);
const GOLD = JSON.parse(readFileSync(SEED.replace(/\.txt$/, ".gold.json"), "utf8")) as {
  meta: { title: string };
  nodes: { path: string; title: string; role: string; units?: string[]; lead?: string | null }[];
};

describe("规划文件 in Chromium", () => {
  const rig = useDemoRig();

  it("imports a plan, reviews and edits it, confirms it and exports the task table", async () => {
    const page = await rig.browser.newPage({ acceptDownloads: true });
    await logIn(page, rig.server, "planner");

    // 规划文件 → 导入文件 → 选择文件 → 开始导入
    await page.getByRole("menuitem", { name: "规划文件" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "规划文件" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "导入文件" }).click();
    await page.getByLabel("选择文件").setInputFiles(SEED);
    await page.getByRole("button", { name: "开始导入" }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);

    // The review page: the plan's title, the source text and the tree with the seed's items.
    await expect.poll(() => page.getByRole("heading", { name: GOLD.meta.title }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("region", { name: "原文" }).isVisible()).toBe(true);
    // A 西宁市 scheme imported in 崆峒区 is read as another area's document, and staff can say otherwise.
    const level = page.locator(".plan-document-level");
    await expect.poll(() => level.getByText("上级或外地文件（市级）").isVisible()).toBe(true);
    await level.getByRole("button", { name: "改为本级文件" }).click();
    await page.getByRole("button", { name: "确定" }).click();
    await expect.poll(() => level.getByText("本级文件", { exact: true }).isVisible()).toBe(true);
    await level.getByRole("button", { name: "改为上级或外地文件" }).click();
    await page.getByRole("button", { name: "确定" }).click();
    await expect.poll(() => level.getByText("上级或外地文件（市级）").isVisible()).toBe(true);

    const tree = page.getByRole("tree", { name: "条目" });
    const task = GOLD.nodes.find((n) => n.path === "2.2.5");
    expect(task?.lead).toBe("市教育局");
    await expect.poll(() => tree.getByText(task?.title ?? "?", { exact: true }).isVisible()).toBe(true);

    // Select a task: its units show in the editor, 市教育局 first and marked 牵头.
    await tree.getByText(task?.title ?? "?", { exact: true }).click();
    const detail = page.locator(".plan-detail-pane");
    await expect.poll(() => detail.getByRole("heading", { name: task?.title ?? "?" }).isVisible()).toBe(true);
    await expect.poll(() => detail.getByLabel("原文名称 1").inputValue()).toBe("市教育局");
    await expect.poll(() => detail.getByRole("radio", { name: "设为牵头 市教育局" }).isChecked()).toBe(true);
    const chip = tree.locator(".unit-chip", { hasText: "市教育局" }).filter({ hasText: "牵头" });
    await expect.poll(() => chip.count()).toBeGreaterThan(0);

    // Fix a title.
    const renamed = "推进城乡义务教育一体化发展（已核对）";
    await detail.getByLabel("标题").fill(renamed);
    await detail.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => tree.getByText(renamed, { exact: true }).isVisible()).toBe(true);

    // 确认规划 → the read-only plan page with the task table.
    await page.getByRole("button", { name: "确认规划" }).click();
    await page.getByRole("button", { name: "确定" }).click();
    await expect.poll(() => page.getByRole("button", { name: "导出Excel" }).isVisible()).toBe(true);
    for (const header of ["序号", "任务", "牵头单位", "责任单位", "目标", "时限"]) {
      await expect
        .poll(() => page.getByRole("columnheader", { name: header, exact: true }).isVisible())
        .toBe(true);
    }
    const taskRows = page.getByRole("row").filter({ has: page.getByRole("cell", { name: /^2\.\d+\.\d+$/ }) });
    await expect.poll(() => taskRows.count()).toBe(29);
    const row = page.getByRole("row").filter({ hasText: renamed });
    await expect.poll(() => row.getByRole("cell", { name: "市教育局", exact: true }).isVisible()).toBe(true);

    // 导出Excel: the workbook carries the same table.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect(sheet).toBeDefined();
    const header = findRow(sheet, (values) => values.includes("序号"));
    expect(header?.slice(0, 6)).toEqual(["序号", "任务", "牵头单位", "责任单位", "目标", "时限"]);
    const exported = findRow(sheet, (values) => values.includes(renamed));
    expect(exported?.[2]).toBe("市教育局");
    await page.close();
  });
});
