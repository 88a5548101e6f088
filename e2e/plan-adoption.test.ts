import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";

import { logIn, useDemoRig } from "./browser.ts";

const SEED = fileURLToPath(
  new URL("../packages/domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);

describe("承接方案 in Chromium", () => {
  const rig = useDemoRig();

  it(
    "imports a city scheme as 上级文件, makes the county's 承接方案 with local units, and downloads its 监测报告",
    { timeout: 240_000 },
    async () => {
      const page = await rig.browser.newPage({ acceptDownloads: true });
      await logIn(page, rig.server, "planner");
      await page.getByRole("menuitem", { name: "规划文件" }).click();
      await page.getByRole("button", { name: "导入文件" }).click();
      await page.getByLabel("选择文件").setInputFiles(SEED);
      await page.getByRole("button", { name: "开始导入" }).click();
      await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
      const level = page.locator(".plan-document-level");
      await expect.poll(() => level.getByText("上级或外地文件（市级）").isVisible()).toBe(true);
      await page.getByRole("button", { name: "确认规划" }).click();
      await page.getByRole("button", { name: "确定" }).click();

      // 制定承接方案: tick one item, name the county's bureau as its lead, create the draft
      await page.getByRole("button", { name: "制定承接方案" }).click();
      await page.waitForURL(/\/adopt$/);
      const tree = page.getByRole("tree", { name: "上级文件条目" });
      await tree
        .getByRole("treeitem")
        .filter({ hasText: "推进城乡义务教育一体化发展" })
        .first()
        .getByRole("checkbox")
        .click();
      const units = page.getByLabel(/^本地责任单位：/).first();
      await units.click();
      await page.keyboard.type("教育局");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "生成承接方案" }).click();
      await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
      await expect
        .poll(() => page.locator(".plan-document-level").getByText("本级文件", { exact: true }).isVisible())
        .toBe(true);
      await page.getByRole("button", { name: "确认规划" }).click();
      await page.getByRole("button", { name: "确定" }).click();

      // 监测报告 → the Word report names the plan and the county's bureau
      await page.getByRole("button", { name: "监测报告" }).click();
      await expect.poll(() => page.getByText("目标完成情况").isVisible()).toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        page.getByRole("button", { name: "下载Word报告" }).click(),
      ]);
      const { value: text } = await mammoth.extractRawText({ path: await download.path() });
      expect(text).toContain("实施进展监测报告");
      expect(text).toMatch(/责任单位：[^。]*教育局/);
      expect(text).not.toContain("西宁市教育局");

      // 目标监测 judges the county by its own plans only: the 承接方案's targets are counted, the city's
      // scheme's never are
      const plans = (await (await page.request.get(`${rig.server.url}/api/plans`)).json()) as {
        items: { id: string; title: string; documentLevel: string; status: string }[];
      };
      const confirmed = plans.items.filter((p) => p.status === "confirmed");
      const higher = confirmed.find((p) => p.documentLevel === "higher");
      const own = confirmed.filter((p) => p.documentLevel === "own");
      expect(higher).toBeDefined();
      expect(own).toHaveLength(1);
      const targetsOf = async (id: string) =>
        (
          (await (await page.request.get(`${rig.server.url}/api/plans/${id}`)).json()) as {
            targets: unknown[];
          }
        ).targets.length;
      const ownTargets = await targetsOf(own[0]?.id ?? "");
      expect(await targetsOf(higher?.id ?? "")).toBeGreaterThan(ownTargets);
      await page.goto(`${rig.server.url}/indicators?tab=targets`);
      await expect
        .poll(() => page.getByText(/共 \d+ 项规划目标/).textContent(), { timeout: 30_000 })
        .toContain(`共 ${String(ownTargets)} 项规划目标`);
      const cardTitles = await page.locator(".target-plan-card .ant-card-head-title").allTextContents();
      expect(cardTitles).toContain(own[0]?.title);
      expect(cardTitles).not.toContain(higher?.title);
    },
  );
});
