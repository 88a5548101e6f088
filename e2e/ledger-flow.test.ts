import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { logIn, useDemoRig } from "./browser.ts";
import { expectTaskState, pickOption, taskAction } from "./task-steps.ts";

const SEED = fileURLToPath(
  new URL("../packages/domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);
const NODE_PATH = "2.1.3";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const inDays = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

// Issue 12: the 督查室 workflow in a browser — batch 立项 → 交办 → the unit's message and 工作台 item →
// 签收 → 办结报告 → co-unit 会签 → 提请销号 → 销号 by a reviewer other than the task's creator.
describe("督查室 workflow in Chromium", () => {
  const rig = useDemoRig();

  it("walks batch 立项 to 销号 with notifications, 工作台, 会签 and 岗位分离", async () => {
    const school = await (await rig.browser.newContext()).newPage();
    await logIn(school, rig.server, "school");
    const schoolName =
      ((await school.locator(".header-user").textContent()) ?? "").split("·")[1]?.trim() ?? "";
    expect(schoolName).not.toBe("");
    // a new school account has nothing to do, and the 工作台 says so
    await expect.poll(() => school.getByText(/^暂无待办/).isVisible()).toBe(true);

    const planner = await (await rig.browser.newContext()).newPage();
    await logIn(planner, rig.server, "planner");
    await planner.goto(`${rig.server.url}/plans`);
    await planner.getByRole("button", { name: "导入文件" }).click();
    await planner.getByLabel("选择文件").setInputFiles(SEED);
    await planner.getByRole("button", { name: "开始导入" }).click();
    await planner.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await planner.getByRole("button", { name: "确认规划" }).click();
    await planner.getByRole("button", { name: "确定" }).click();

    // 批量立项: tick the item, set the units and the deadline for the ticked rows, create.
    await planner.getByRole("button", { name: "批量立项" }).click();
    await planner.waitForURL(/\/plans\/[0-9a-f-]{36}\/batch$/);
    await planner.getByLabel(`选择第 ${NODE_PATH} 条`).check();
    const row = planner.getByRole("row").filter({ has: planner.getByLabel(`选择第 ${NODE_PATH} 条`) });
    const title = ((await row.locator("td").nth(2).textContent()) ?? "").trim();
    expect(title).not.toBe("");
    await pickOption(planner, "牵头单位", "财政局", "崆峒区财政局");
    await pickOption(planner, "协办单位", schoolName, schoolName);
    await planner.getByLabel("完成时限", { exact: true }).fill(inDays(60));
    await planner.getByLabel("完成时限", { exact: true }).press("Enter");
    await planner.getByRole("button", { name: "应用到已勾选" }).click();
    await planner.getByRole("button", { name: "立项（1项）" }).click();
    await planner.waitForURL(/\/ledger/);
    await planner.getByRole("link", { name: title }).click();
    await planner.waitForURL(/\/ledger\/tasks\/[0-9a-f-]{36}$/);
    const taskUrl = planner.url();
    await expectTaskState(planner, "待交办");
    await taskAction(planner, "交办");
    await expectTaskState(planner, "已交办（待签收）");

    // finance: the unread badge, the 工作台 item to 签收, the message; then 签收 and the 办结报告.
    const finance = await (await rig.browser.newContext()).newPage();
    await logIn(finance, rig.server, "finance");
    await expect.poll(() => finance.getByRole("button", { name: "消息（1条未读）" }).isVisible()).toBe(true);
    const toSign = finance.locator(".workbench-group").filter({ hasText: "待签收" });
    await expect.poll(() => toSign.getByRole("link", { name: title }).isVisible()).toBe(true);
    await finance.getByRole("button", { name: "消息（1条未读）" }).click();
    await finance.waitForURL(/\/messages$/);
    await expect.poll(() => finance.getByText(/由您单位牵头/).isVisible()).toBe(true);
    await finance.getByRole("button", { name: "全部标为已读" }).click();
    await expect
      .poll(() => finance.getByRole("button", { name: "消息", exact: true }).isVisible())
      .toBe(true);
    await finance.getByRole("link", { name: /由您单位牵头/ }).click();
    await taskAction(finance, "签收");
    await expectTaskState(finance, "办理中");
    await finance.getByRole("button", { name: "报送进展" }).click();
    const form = finance.getByRole("dialog");
    await form.getByLabel("进展（%）").fill("100");
    await form.getByLabel("进展情况").fill("合成测试：任务全部完成");
    await form.getByLabel("存在问题").fill("无");
    await form.getByLabel("下步打算").fill("巩固成果");
    await form
      .getByLabel("上传附件")
      .setInputFiles({ name: "验收单.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect.poll(() => form.getByLabel(/汇总报告/).isChecked()).toBe(true);
    await form.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => finance.getByRole("link", { name: /验收单\.pdf/ }).isVisible()).toBe(true);
    await expect.poll(() => finance.getByText("未会签", { exact: true }).isVisible()).toBe(true);

    // the school, co-unit: 工作台 shows the 会签 to do; it signs.
    await school.goto(rig.server.url);
    const toCoSign = school.locator(".workbench-group").filter({ hasText: "待会签" });
    await toCoSign.getByRole("link", { name: title }).click();
    await school.getByRole("button", { name: "会签同意" }).click();
    await expect.poll(() => school.getByText("已同意", { exact: true }).isVisible()).toBe(true);

    await finance.reload();
    await taskAction(finance, "提请销号");
    await expectTaskState(finance, "待复核");

    // the planner created and assigned the task: no 销号 for them, and the page says why.
    await planner.goto(taskUrl);
    await expect
      .poll(() => planner.getByText(/您是该任务的立项人或交办人，不能为其销号/).isVisible())
      .toBe(true);
    expect(
      await planner.locator(".task-toolbar").getByRole("button", { name: "销号", exact: true }).count(),
    ).toBe(0);

    // the supervisor reviews: 工作台 → the task → 销号.
    const supervisor = await (await rig.browser.newContext()).newPage();
    await logIn(supervisor, rig.server, "supervisor");
    const toReview = supervisor.locator(".workbench-group").filter({ hasText: "待复核销号" });
    await toReview.getByRole("link", { name: title }).click();
    await taskAction(supervisor, "销号", "同意销号");
    await expectTaskState(supervisor, "已销号");
    await expect.poll(() => supervisor.getByText(/会签/).first().isVisible()).toBe(true);
  }, 240_000);
});
