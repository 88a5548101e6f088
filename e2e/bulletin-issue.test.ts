import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { logIn, useDemoRig } from "./browser.ts";

const chinaNow = () => new Date(Date.now() + 8 * 3_600_000);
const inDays = (n: number) => new Date(chinaNow().getTime() + n * 86_400_000).toISOString().slice(0, 10);
const lastMonth = (() => {
  const d = chinaNow();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
})();

// Issue 12: the 督查室 issues last month's 月通报 (numbered, frozen), finds it in the 已印发 list, changes
// the ledger and downloads the identical file again; and downloads a task's 督办通知单.
describe("印发月通报 and 督办通知单 in Chromium", () => {
  const rig = useDemoRig();

  it("issues a bulletin, lists it numbered, re-downloads it unchanged, and writes a 督办通知单", async () => {
    const page = await (await rig.browser.newContext({ acceptDownloads: true })).newPage();
    await logIn(page, rig.server, "planner");
    await page.goto(`${rig.server.url}/ledger/bulletin`);
    // 督办设置: the bureau's own 发文字号 prefix
    await page.getByRole("button", { name: "督办设置" }).click();
    const settings = page.getByRole("dialog", { name: "督办设置" });
    await settings.getByLabel("发文字号前缀").fill("合成教督通");
    await settings.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => settings.isVisible()).toBe(false);
    const month = page.getByLabel("月份");
    await month.click();
    await month.fill(lastMonth);
    await month.press("Enter");
    await page.getByRole("button", { name: "印发" }).click();
    const dialog = page.getByRole("dialog", { name: "印发月通报" });
    await expect.poll(() => dialog.getByText(/〔\d{4}〕\d+号/).isVisible()).toBe(true);
    const docNumber = (await dialog.getByText(/〔\d{4}〕\d+号/).textContent()) ?? "";
    expect(docNumber).toMatch(/^合成教督通〔\d{4}〕1号$/);
    await dialog.getByRole("button", { name: "确认印发" }).click();
    await expect.poll(() => page.getByText(`已印发：${docNumber}（第1期）`).isVisible()).toBe(true);

    const history = page.getByRole("region", { name: "已印发通报" });
    await expect.poll(() => history.getByRole("cell", { name: docNumber }).isVisible()).toBe(true);
    await expect.poll(() => history.getByRole("cell", { name: "第1期" }).isVisible()).toBe(true);
    const [first] = await Promise.all([
      page.waitForEvent("download"),
      history.getByRole("button", { name: "下载" }).click(),
    ]);
    const issued = await readFile(await first.path());
    const text = (await mammoth.extractRawText({ buffer: issued })).value;
    expect(text).toContain(docNumber);
    expect(text).toContain("通报表扬和批评");

    // the ledger changes: a new task, 交办 today
    const title = "合成测试任务：印发后新增的任务";
    const taskId = await page.evaluate(
      async ({ title, deadline }) => {
        const csrf = ((await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
        const me = ((await (await fetch("/api/auth/me")).json()) as { user: { orgUnit: { id: string } } })
          .user;
        const post = async (url: string, body: unknown) =>
          (await (
            await fetch(url, {
              method: "POST",
              headers: { "content-type": "application/json", "x-csrf-token": csrf },
              body: JSON.stringify(body),
            })
          ).json()) as { id: string };
        const task = await post("/api/tasks", {
          title,
          sourceKind: "meeting",
          sourceNote: "合成测试局务会",
          leadUnitId: me.orgUnit.id,
          deadline,
        });
        await post(`/api/tasks/${task.id}/actions`, { action: "assign" });
        return task.id;
      },
      { title, deadline: inDays(45) },
    );
    await page.reload();
    const [again] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("region", { name: "已印发通报" }).getByRole("button", { name: "下载" }).click(),
    ]);
    expect((await readFile(await again.path())).equals(issued)).toBe(true);

    await page.goto(`${rig.server.url}/ledger/tasks/${taskId}`);
    await expect.poll(() => page.getByRole("heading", { name: title }).isVisible()).toBe(true);
    const [notice] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "督办通知单" }).click(),
    ]);
    expect(notice.suggestedFilename()).toMatch(/^督办通知单-.*\.docx$/);
    const noticeText = (await mammoth.extractRawText({ path: await notice.path() })).value;
    expect(noticeText).toContain("重点任务督办通知单");
    expect(noticeText).toContain(title);
    expect(noticeText).toContain("签收回执");
  }, 180_000);
});
