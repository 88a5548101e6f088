/**
 * 督导 on a phone-sized screen (375 px): the 督导室 names the 责任区, the 责任督学 fills the 经常性督导
 * checklist with a camera photo and a finding, the draft survives a reload, the visit is sent, the
 * 整改通知书 issued; the school rectifies with evidence and asks for 销号; the 督学 does the 复查 on the
 * page; then the 督导室 closes the task — which it could not do before the 复查.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, useDemoRig, type DemoRig } from "./browser.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** A request through the page's session (with its CSRF token for writes), as the web does it. */
async function api(page: Page, rig: DemoRig, method: "GET" | "POST" | "PUT", path: string, body?: unknown) {
  const csrf = (await (await page.request.get(`${rig.server.url}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const res = await page.request.fetch(`${rig.server.url}${path}`, {
    method,
    ...(body === undefined ? {} : { data: body }),
    headers: { "x-csrf-token": csrf.csrfToken },
  });
  return {
    status: res.status(),
    json: (await res.json().catch(() => null)) as unknown,
    text: await res.text(),
  };
}

/** Picks `option` in the antd select showing `placeholder`. */
async function pick(page: Page, placeholder: string, option: string) {
  await page.locator(".ant-select", { hasText: placeholder }).click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: option })
    .first()
    .click();
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}

describe("督导 on a phone in Chromium", () => {
  const rig = useDemoRig();

  it("visit → 整改通知书 → the school rectifies → 复查 → 销号", async () => {
    const school = await rig.browser.newPage({ viewport: { width: 375, height: 740 } });
    await logIn(school, rig.server, "school");
    const me = (await api(school, rig, "GET", "/api/auth/me")).json as {
      user: { orgUnit: { id: string; name: string } };
    };
    const schoolUnit = me.user.orgUnit;

    const office = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(office, rig.server, "supervisor");
    const roster = (await api(office, rig, "GET", "/api/inspection/inspectors")).json as {
      unrostered: { userId: string; name: string }[];
    };
    const liu = roster.unrostered.find((u) => u.name === "刘督学");
    const put = await api(office, rig, "PUT", `/api/inspection/inspectors/${liu?.userId ?? ""}`, {
      kind: "partTime",
      zoneName: "第一责任区",
      phone: "0933-0000001",
      duties: "",
      schoolIds: [schoolUnit.id],
    });
    expect(put.status, put.text).toBe(200);

    // the 督学 on the phone
    const phone = await rig.browser.newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await logIn(phone, rig.server, "inspector");
    await phone.goto(`${rig.server.url}/inspection`);
    await expect
      .poll(() => phone.getByRole("tab", { name: "下校督导" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await pick(phone, "选择学校", schoolUnit.name);
    await pick(phone, "选择检查表", "责任督学经常性督导记录表");
    const alarm = phone.locator('[data-item="F1"]');
    await expect.poll(() => alarm.isVisible(), { timeout: 30_000 }).toBe(true);
    await alarm.getByText("否", { exact: true }).click();
    await alarm
      .locator('input[type="file"]')
      .setInputFiles({ name: "报警装置.png", mimeType: "image/png", buffer: PNG });
    await expect.poll(() => alarm.getByText("已拍 1 张").isVisible()).toBe(true);
    await phone.getByRole("button", { name: "添加问题" }).click();
    await phone.getByPlaceholder("写明发现的问题").fill("一键报警装置失灵");
    await phone.locator('[data-finding="0"]').getByText("严重", { exact: true }).click();

    // a reload (a lost connection, a closed tab) keeps the draft
    await phone.reload();
    await expect
      .poll(() => phone.getByText("已恢复本机保存的草稿").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(() => phone.getByPlaceholder("写明发现的问题").inputValue(), { timeout: 30_000 })
      .toBe("一键报警装置失灵");
    await expect.poll(() => phone.locator('[data-item="F1"]').getByText("已拍 1 张").isVisible()).toBe(true);
    const submit = phone.getByRole("button", { name: "提交督导记录" });
    const box = await submit.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(375);
    await submit.click();
    await expect
      .poll(() => phone.getByRole("button", { name: "发出整改通知书" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await phone.getByRole("button", { name: "发出整改通知书" }).click();
    await expect
      .poll(() => phone.getByRole("button", { name: "下载整改通知书（Word）" }).isVisible(), {
        timeout: 30_000,
      })
      .toBe(true);
    await expect.poll(() => phone.getByText("已交办（待签收）").isVisible()).toBe(true);

    // the school: 签收, 整改 with evidence, 提请销号
    const visits = (await api(school, rig, "GET", "/api/inspection/visits")).json as {
      items: { id: string }[];
    };
    const visitId = visits.items[0]?.id ?? "";
    const visit = (await api(school, rig, "GET", `/api/inspection/visits/${visitId}`)).json as {
      findings: { task: { id: string } | null }[];
    };
    const taskId = visit.findings[0]?.task?.id ?? "";
    expect(
      (await api(school, rig, "POST", `/api/tasks/${taskId}/actions`, { action: "accept" })).status,
    ).toBe(200);
    const report = await api(school, rig, "POST", `/api/tasks/${taskId}/reports`, {
      period: "once",
      progress: 100,
      text: "已更换报警装置并联网测试",
      isConsolidated: true,
      attachments: [{ fileName: "整改后.png", contentBase64: PNG.toString("base64") }],
    });
    expect(report.status, report.text).toBeLessThan(300);
    expect(
      (await api(school, rig, "POST", `/api/tasks/${taskId}/actions`, { action: "submitForReview" })).status,
    ).toBe(200);
    // no 销号 before the 督学's 复查
    expect(
      (await api(office, rig, "POST", `/api/tasks/${taskId}/actions`, { action: "approve" })).status,
    ).toBe(409);

    // the 督学's 复查 on the phone
    await phone.goto(`${rig.server.url}/inspection`);
    await phone.getByRole("tab", { name: "督导记录" }).click();
    await phone.getByRole("button", { name: "查看" }).first().click();
    await expect
      .poll(() => phone.getByRole("button", { name: "复查通过" }).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await phone.getByPlaceholder("复查说明（不通过时必填）").fill("现场测试报警正常");
    await phone.getByRole("button", { name: "复查通过" }).click();
    await expect.poll(() => phone.getByText("已记录复查结论").isVisible(), { timeout: 30_000 }).toBe(true);

    // 销号 by the 督导室
    const closed = await api(office, rig, "POST", `/api/tasks/${taskId}/actions`, { action: "approve" });
    expect(closed.status, closed.text).toBe(200);
    const after = (await api(phone, rig, "GET", `/api/inspection/visits/${visitId}`)).json as {
      findings: { recheck: string; task: { state: string } }[];
    };
    expect(after.findings[0]).toMatchObject({ recheck: "passed", task: { state: "closed" } });
  }, 240_000);
});
