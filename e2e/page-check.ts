/**
 * What a person must never meet on a page, checked the same way by the browser tests that walk pages
 * role by role: internal codes in visible text, a page empty without a word of explanation, a spinner
 * that never stops.
 */
import type { Page } from "playwright-core";

/** The nine demo accounts, one per role (packages/server/src/services/demo/demo.service.ts). */
export const DEMO_ROLES = [
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
export const MAIN = "main.app-content > main";

/** Waits until no API request is in flight for a moment and no spinner turns. */
export async function settle(page: Page, inFlight: () => number): Promise<void> {
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
export async function problemsOn(page: Page, where: string): Promise<string[]> {
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
