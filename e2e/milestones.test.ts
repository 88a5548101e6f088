import { describe, expect, it } from "vitest";
import { logIn, useDemoRig } from "./browser.ts";

const inDays = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

// Issue 12: a milestone could never be marked reached; the task page now lets the bureau (and the lead
// unit) confirm it with a day and a note, and shows it in the milestones and the 办理过程.
describe("序时进度 in Chromium", () => {
  const rig = useDemoRig();

  it("marks a milestone reached from the task page", async () => {
    const page = await (await rig.browser.newContext()).newPage();
    await logIn(page, rig.server, "planner");
    const title = "合成测试任务：合成小学围墙改造";
    const taskId = await page.evaluate(
      async ({ title, deadline, dueOn }) => {
        const csrf = ((await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
        const me = ((await (await fetch("/api/auth/me")).json()) as { user: { orgUnit: { id: string } } })
          .user;
        const post = async (url: string, body: unknown) => {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": csrf },
            body: JSON.stringify(body),
          });
          return (await res.json()) as { id: string };
        };
        const task = await post("/api/tasks", {
          title,
          sourceKind: "meeting",
          leadUnitId: me.orgUnit.id,
          deadline,
          milestones: [{ title: "完成设计", dueOn }],
        });
        await post(`/api/tasks/${task.id}/actions`, { action: "assign" });
        return task.id;
      },
      { title, deadline: inDays(60), dueOn: inDays(10) },
    );
    await page.goto(`${rig.server.url}/ledger/tasks/${taskId}`);
    await expect.poll(() => page.getByRole("heading", { name: title }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "确认完成" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText("确认序时进度「完成设计」完成").isVisible()).toBe(true);
    await dialog.getByLabel("说明（可选）").fill("设计方案已通过评审");
    await dialog.getByRole("button", { name: "确认完成" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText(`${inDays(0)} 完成`, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("设计方案已通过评审", { exact: true }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText("确认序时进度完成", { exact: true }).first().isVisible())
      .toBe(true);
    expect(await page.getByRole("button", { name: "确认完成" }).count()).toBe(0);
  }, 120_000);
});
