import { afterAll, describe, it } from "vitest";
import { logIn, useDemoRig } from "./browser.ts";
import { DEMO_ROLES as ROLES, MAIN, problemsOn, settle } from "./page-check.ts";

const timings: string[] = [];
afterAll(() => {
  if (process.env.LUOSHI_E2E_TIMINGS !== undefined) {
    console.log(timings.join("\n"));
  }
});

describe("the first day as each of the nine demo roles", () => {
  const rig = useDemoRig();

  it.for(ROLES)(
    "%s: every page and tab of the menu, no 500, no dead end, no internal code",
    async (role, { expect }) => {
      const problems: string[] = [];
      const context = await rig.browser.newContext();
      const page = await context.newPage();
      let inFlight = 0;
      let current = "/login";
      page.on("request", (request) => {
        if (request.url().includes("/api/")) {
          inFlight += 1;
        }
      });
      const done = (url: string) => {
        if (url.includes("/api/")) {
          inFlight = Math.max(0, inFlight - 1);
        }
      };
      page.on("requestfailed", (request) => {
        done(request.url());
      });
      page.on("response", (response) => {
        done(response.url());
        const path = new URL(response.url()).pathname;
        if (response.status() >= 500) {
          problems.push(`${role} ${current}: HTTP ${String(response.status())} from ${path}`);
        } else if (response.status() === 404 && path.startsWith("/api/")) {
          problems.push(`${role} ${current}: 404 from ${path} (a dead end)`);
        }
      });
      await logIn(page, rig.server, role);
      await page.locator("aside nav a[href]").first().waitFor();
      await settle(page, () => inFlight);
      const links: string[] = [];
      for (const a of await page.locator("aside nav a[href]").all()) {
        links.push((await a.getAttribute("href")) ?? "");
      }
      expect(links.length, `${role} has a menu`).toBeGreaterThan(0);
      for (const path of [...new Set(links)]) {
        current = path;
        const t0 = Date.now();
        // Through the menu, as a person does: the app stays loaded.
        const leaving =
          new URL(page.url()).pathname === path
            ? null
            : await page.locator(`${MAIN} > *`).first().elementHandle();
        await page.locator(`aside nav a[href="${path}"]`).click();
        await page.waitForURL((url) => url.pathname === path);
        if (leaving !== null) {
          // the old page's content is gone before the new one is judged (routes load lazily)
          await page.waitForFunction((el) => !(el as { isConnected: boolean }).isConnected, leaving);
        }
        await settle(page, () => inFlight);
        const tabs = page.locator(`${MAIN} > .ant-tabs > .ant-tabs-nav .ant-tabs-tab`);
        const count = await tabs.count();
        if (count === 0) {
          problems.push(...(await problemsOn(page, `${role} ${path}`)));
        }
        for (let i = 0; i < count; i++) {
          const label = (await tabs.nth(i).innerText()).trim();
          current = `${path} [${label}]`;
          await tabs.nth(i).click();
          await settle(page, () => inFlight);
          problems.push(...(await problemsOn(page, `${role} ${current}`)));
        }
        if (path === "/evaluations" && (role === "school" || role === "finance")) {
          // a school or 责任单位 is not an area: it is told so, not shown "a county" of itself
          expect(await page.locator(MAIN).innerText()).toContain("督导评估以县（区）为单位进行");
        }
        timings.push(`${role} ${path}: ${String(Date.now() - t0)} ms`);
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );

  it("serves the web app compressed, hashed assets cached for a year, and no charts on the login page", async ({
    expect,
  }) => {
    const { url } = rig.server;
    const shell = await fetch(`${url}/login`, { headers: { "accept-encoding": "br, gzip" } });
    expect(shell.headers.get("cache-control")).toBe("no-cache");
    const html = await shell.text();
    const entry = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    for (const [accept, encoding] of [
      ["br, gzip", "br"],
      ["gzip", "gzip"],
    ] as const) {
      const asset = await fetch(`${url}${entry ?? ""}`, { headers: { "accept-encoding": accept } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-encoding")).toBe(encoding);
      expect(asset.headers.get("content-type")).toMatch(/javascript/);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }

    const page = await (await rig.browser.newContext()).newPage();
    const loaded: string[] = [];
    page.on("request", (request) => {
      loaded.push(new URL(request.url()).pathname);
    });
    await page.goto(`${url}/login`);
    await page.getByRole("button", { name: "登录" }).waitFor();
    expect(loaded.filter((p) => p.startsWith("/assets/")).length).toBeGreaterThan(0);
    expect(loaded.filter((p) => /echarts/.test(p))).toEqual([]);
    await page.context().close();
  });
});
