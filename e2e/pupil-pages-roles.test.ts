/**
 * The 学籍, 考勤 and 控辍保学 pages as each of the nine demo roles, with children in them: two pupils of
 * the school's registry, three days of 旷课 and the risk flag they raise, a 适龄 list with a child
 * without 学籍 and the case it opened. Every tab — the 控辍保学 tab's own tabs too — is judged as the
 * first-day test judges pages (no 500, no dead end, nothing empty without a word, no internal code),
 * and no page holds a full name or 身份证号.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { logIn, useDemoRig, type DemoRig } from "./browser.ts";
import { DEMO_ROLES, MAIN, problemsOn, settle } from "./page-check.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const A = id("62089920170306123");
const B = id("62089920170415124");
const X = id("62089820140909113");
const SECRETS = [A, B, X, "周测试远", "吴测试宁", "郑测试平"];
const PAGES = ["/registries", "/attendance"] as const;

/** A write through the page's session (with its CSRF token), as the web does it. */
async function post(page: Page, rig: DemoRig, path: string, body: unknown) {
  const csrf = (await (await page.request.get(`${rig.server.url}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const res = await page.request.post(`${rig.server.url}${path}`, {
    data: body,
    headers: { "x-csrf-token": csrf.csrfToken },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

const base64 = (text: string) => Buffer.from(`${text}\n`, "utf8").toString("base64");

describe("学籍, 考勤 and 控辍保学 pages for the nine roles, with children in them", () => {
  const rig = useDemoRig();

  beforeAll(async () => {
    const page = await rig.browser.newPage();
    await logIn(page, rig.server, "school");
    const me = (await (await page.request.get(`${rig.server.url}/api/auth/me`)).json()) as {
      user: { orgUnit: { id: string } };
    };
    const unit = (await (
      await page.request.get(`${rig.server.url}/api/org-units/${me.user.orgUnit.id}`)
    ).json()) as { code: string };
    await post(page, rig, "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2024,
      term: 1,
      asOf: "2024-09-30",
      contentBase64: base64(
        [
          "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级",
          `G${A},${A},周测试远,男,2017-03-06,${unit.code},二年级,1班`,
          `G${B},${B},吴测试宁,女,2017-04-15,${unit.code},二年级,1班`,
        ].join("\n"),
      ),
    });
    const sheet = (await (
      await page.request.get(`${rig.server.url}/api/attendance/sheet?date=2024-11-06`)
    ).json()) as { classes: { pupils: { id: string; name: string }[] }[] };
    const wu = sheet.classes.flatMap((c) => c.pupils).find((p) => p.name === "吴**宁");
    for (const date of ["2024-11-06", "2024-11-07", "2024-11-08"]) {
      await post(page, rig, "/api/attendance/reports", {
        date,
        absences: [{ studentId: wu?.id, reason: "unknown" }],
      });
    }
    await page.close();
    const bureau = await rig.browser.newPage();
    await logIn(bureau, rig.server, "supervisor");
    await post(bureau, rig, "/api/dropout/school-age/imports", {
      fileName: "适龄儿童.csv",
      schoolYear: 2024,
      source: "police",
      preview: false,
      contentBase64: base64(
        [
          "身份证件号,姓名,性别,出生日期,乡镇,村",
          `${A},周测试远,男,2017-03-06,柳湖镇,测试一村`,
          `${X},郑测试平,男,2014-09-09,柳湖镇,测试二村`,
        ].join("\n"),
      ),
    });
    await bureau.close();
  }, 120_000);

  it.for(DEMO_ROLES)(
    "%s: every tab of the pupil pages, no 500, no dead end, nothing unexplained, names masked",
    async (role, { expect }) => {
      const problems: string[] = [];
      const context = await rig.browser.newContext({ viewport: { width: 1366, height: 900 } });
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
      const judge = async (where: string) => {
        await settle(page, () => inFlight);
        problems.push(...(await problemsOn(page, `${role} ${where}`)));
        const html = await page.content();
        for (const secret of SECRETS) {
          if (html.includes(secret)) {
            problems.push(`${role} ${where}: a full name or number in the page`);
          }
        }
      };
      await logIn(page, rig.server, role);
      for (const path of PAGES) {
        current = path;
        // straight to the address: a role without the menu entry is told why, never shown a blank page
        await page.goto(`${rig.server.url}${path}`);
        await page.locator(`${MAIN} > *`).first().waitFor();
        const tabs = page.locator(`${MAIN} .panel > .ant-tabs > .ant-tabs-nav .ant-tabs-tab`);
        await settle(page, () => inFlight);
        const count = await tabs.count();
        if (count === 0) {
          await judge(path);
        }
        for (let i = 0; i < count; i++) {
          const label = (await tabs.nth(i).innerText()).trim();
          current = `${path} [${label}]`;
          await tabs.nth(i).click();
          await settle(page, () => inFlight);
          // the 控辍保学 tab has tabs of its own
          const inner = page.locator(`${MAIN} .panel .ant-tabs .ant-tabs .ant-tabs-tab:visible`);
          const innerCount = await inner.count();
          if (innerCount === 0) {
            await judge(current);
          }
          for (let j = 0; j < innerCount; j++) {
            const innerLabel = (await inner.nth(j).innerText()).trim();
            current = `${path} [${label} › ${innerLabel}]`;
            await inner.nth(j).click();
            await judge(current);
            if (role === "school" && innerLabel === "适龄比对") {
              // the list is the bureau's: the school is told so, not offered an import it would be refused
              expect(await page.locator(MAIN).innerText()).toContain("适龄比对由教育局进行");
              expect(await page.getByRole("button", { name: "预览比对" }).count()).toBe(0);
            }
          }
        }
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );
});
