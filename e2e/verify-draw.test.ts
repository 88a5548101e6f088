import { writeCsv } from "@luoshi/common";
import { drawOrder, RESULT_HEADER } from "@luoshi/common/draw";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./browser.ts";
import { startServer, type RunningServer } from "./server.ts";

const labels = Array.from({ length: 12 }, (_, i) => `BM2027${String(i + 1).padStart(4, "0")}`);
const entropyText = "双色球 2027031 期：3 11 19 24 27 31 9\n福彩3D 2027085 期：381";
const entropy = [
  { name: "双色球", numbers: [3, 11, 19, 24, 27, 31, 9] },
  { name: "福彩3D", numbers: [381] },
];

/** 抽签验证 as a parent opens it from a 公示: no account, the computation in the browser. */
describe("verifying a published draw in Chromium", { timeout: 120_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer({}, { demo: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it("recomputes the draw without signing in, confirms the published result and finds an altered one", async () => {
    const expected = drawOrder({ labels, entropy });
    const published = writeCsv([
      [...RESULT_HEADER],
      ...expected.order.map((e) => [e.rank, e.label, e.position]),
    ]);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/")) requests.push(request.url());
    });
    await page.goto(`${server.url}/verify-draw`);
    await expect.poll(() => page.getByRole("heading", { name: "抽签验证" }).isVisible()).toBe(true);
    await page.getByLabel("冻结名单").fill(labels.join("\n"));
    await page.getByLabel("公开随机数").fill(entropyText);
    await page.getByLabel("公布的结果（可选）").fill(published);
    await page.getByRole("button", { name: "重新计算" }).click();
    await expect
      .poll(() => page.getByText("验证通过：12 项的名次与重新计算的结果一致").isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(expected.listDigest).isVisible()).toBe(true);
    const firstRow = page.getByRole("row").filter({ hasText: expected.order[0]?.position ?? "?" });
    await expect.poll(() => firstRow.textContent()).toContain(expected.order[0]?.label ?? "?");

    // two winners swapped after the draw: the page names the rows
    const [a, b] = [expected.order[0]?.label ?? "", expected.order[1]?.label ?? ""];
    const altered = published
      .replace(`1,${a},`, "1,SWAP,")
      .replace(`2,${b},`, `2,${a},`)
      .replace("1,SWAP,", `1,${b},`);
    await page.getByLabel("公布的结果（可选）").fill(altered);
    await page.getByRole("button", { name: "重新计算" }).click();
    await expect.poll(() => page.getByText("验证不通过：2 处与重新计算的结果不符").isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText(`名次 1 应为“${a}”，公布结果第 2 行为“1 ${b}”`).isVisible())
      .toBe(true);

    // a malformed line of numbers is named, not a blank page
    await page.getByLabel("公开随机数").fill("双色球：3 x");
    await page.getByRole("button", { name: "重新计算" }).click();
    await expect.poll(() => page.getByText("随机数第 1 行：“x”不是自然数").isVisible()).toBe(true);
    expect(requests).toEqual([]);
    await page.close();
  });
});
