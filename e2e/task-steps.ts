/** Steps on a 督办 task's page that several browser tests take, the way a person takes them. */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** Opens the antd select labelled `label` on the page, searches and picks the option with that text. */
export async function pickOption(page: Page, label: string, search: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(search);
  const item = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option });
  await item.first().click();
  await page.keyboard.press("Escape");
}

/** Presses a task toolbar action; with a comment, fills the dialog's 意见 and confirms. */
export async function taskAction(page: Page, action: string, comment?: string): Promise<void> {
  await page.locator(".task-toolbar").getByRole("button", { name: action, exact: true }).click();
  if (comment !== undefined) {
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("意见").fill(comment);
    await dialog.getByRole("button", { name: action, exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }
}

/** Waits for the state tag in the task page's header. */
export async function expectTaskState(page: Page, state: string): Promise<void> {
  await expect
    .poll(() => page.locator(".page-header").getByText(state, { exact: true }).isVisible(), {
      timeout: 15_000,
    })
    .toBe(true);
}
