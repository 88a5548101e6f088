import { afterAll, describe, it } from "vitest";
import type { Page } from "playwright-core";
import { logIn, useDemoRig } from "./browser.ts";

/** The nine demo accounts, one per role (packages/server/src/services/demo/demo.service.ts). */
const ROLES = [
  "admin",
  "secadmin",
  "auditor",
  "planner",
  "supervisor",
  "inspector",
  "leader",
  "finance",
  "school",
] as const;

/**
 * Internal codes that must never reach a person: citations of the specification, rule-set ids,
 * data-element ids, bare UUIDs, untranslated object types and raw error codes.
 */
const INTERNAL_CODES: readonly { name: string; pattern: RegExp }[] = [
  { name: "specification citation", pattern: /standards\s*§|§\s*\d/ },
  { name: "requirement id", pattern: /\(S\d+\)|（S\d+）|\[S\]/ },
  { name: "rule-set id", pattern: /\bcn-national\b|\b[a-z]{2}-(?:national|provincial)\b/ },
  {
    name: "data-element id",
    pattern: /\b[a-z][a-zA-Z0-9]*(?:\.[a-z][a-zA-Z0-9]*)+\b(?<!\.(?:xlsx|docx|csv|json|txt|html|pdf|zip))/,
  },
  { name: "UUID", pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
  { name: "identifier", pattern: /\b[a-z]+_[a-z_]+\b/ },
  { name: "error code", pattern: /\b(?:FST_[A-Z_]+|ERR_[A-Z_]+|not-found|forbidden|bad-request|conflict)\b/ },
];

/** Audit-page cells that are nothing but a lowercase English word (an object type or action left raw). */
const RAW_WORD_CELL = /^[a-z][a-zA-Z_]*$/;

/** The page's own content, inside the layout (antd's Layout.Content is a <main> too). */
const MAIN = "main.app-content > main";

/** Waits until no API request is in flight for a moment and no spinner turns. */
async function settle(page: Page, inFlight: () => number): Promise<void> {
  const deadline = Date.now() + 20_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const busy = inFlight() > 0 || (await page.locator("main .ant-spin-spinning").count()) > 0;
    if (busy) {
      quietSince = Date.now();
    } else if (Date.now() - quietSince > 150) {
      return;
    }
    await page.waitForTimeout(50);
  }
}

/**
 * What a page shows a person, judged on `main`: the problems found (empty without a word of
 * explanation, internal codes in visible text).
 *
 * "Empty" is concrete: no table data row, no card or statistic with a figure in it, no list item, no
 * form field, no chart, no description list — and no explanation either (an antd Empty, Result or
 * Alert with text).
 */
async function problemsOn(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const main = page.locator(MAIN);
  const text = await main.innerText();
  for (const { name, pattern } of INTERNAL_CODES) {
    const m = pattern.exec(text);
    if (m !== null) {
      const at = Math.max(0, m.index - 30);
      problems.push(`${where}: ${name} "${m[0]}" in «${text.slice(at, m.index + m[0].length + 30)}»`);
    }
  }
  if (where.includes("/audit")) {
    const cells = await main.locator("tbody td").allInnerTexts();
    for (const cell of cells) {
      if (RAW_WORD_CELL.test(cell.trim())) {
        problems.push(`${where}: raw word "${cell.trim()}" in the audit table`);
        break;
      }
    }
  }
  const count = (selector: string) => main.locator(`:is(${selector}):visible`).count();
  const texts = async (selector: string) =>
    (await main.locator(`:is(${selector}):visible`).allInnerTexts()).map((v) => v.trim());
  const values = await texts(".indicator-card-value, .ant-statistic-content-value");
  const content = {
    rows: (await count("tbody tr.ant-table-row")) > 0,
    // figures are there when at least one shows a number rather than "—"
    figures: values.some((v) => /\d/.test(v)),
    blankFigures: values.length > 0 && !values.some((v) => /\d/.test(v)),
    cards: (await texts(".ant-card-body")).some((v) => v !== ""),
    items:
      (await count(".ant-list-item, .ant-descriptions, .ant-tree-treenode, .ant-steps, .ant-collapse-item")) >
      0,
    fields: (await count("form input:not([type=hidden]), form textarea, .ant-upload")) > 0,
    charts: (await count("canvas, [_echarts_instance_]")) > 0,
    explanation: (
      await texts(
        ".ant-empty-description, .ant-table-placeholder td, .ant-result-title, .ant-alert-message, .ant-alert-title",
      )
    ).some((v) => v !== ""),
  };
  const hasContent =
    content.rows || content.figures || content.cards || content.items || content.fields || content.charts;
  if (!hasContent && !content.explanation) {
    problems.push(`${where}: empty, with no explanation`);
  }
  if (content.blankFigures && !content.explanation) {
    problems.push(`${where}: every figure blank ("—"), with no explanation`);
  }
  return problems;
}

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
