import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jicengWorkbook, supplementWorkbook, type GridWorkbook } from "@luoshi/domain/stats";
import { gridWorkbookBytes, jicengArchive } from "@luoshi/server";
import { copyDemoData, runCli } from "./run-cli.ts";

/** Two of the demo county's 小学 (serials from 101). */
const SCHOOLS = ["1620802101", "1620802102"] as const;
const YEAR = 2025;

function workbooks(pupils: (number | string)[]): GridWorkbook[] {
  const books = SCHOOLS.map((code, i) =>
    jicengWorkbook(
      {
        code,
        name: `示例小学${String(i + 1)}`,
        attributes: { schoolType: "primary", ownership: "public", isInclusive: false, urbanRural: "rural" },
      },
      YEAR,
      { "pupils.primary": typeof pupils[i] === "number" ? pupils[i] : 1, "classes.primary": 6 },
    ),
  );
  // a value in words, where the 基层表 wants a number
  return books.map((b, i) =>
    typeof pupils[i] === "string"
      ? {
          ...b,
          sheets: b.sheets.map((s) =>
            s.name.startsWith("教基3112")
              ? {
                  ...s,
                  rows: s.rows.map((r) => (r[1] === "01" ? [r[0], r[1], r[2], pupils[i], ...r.slice(4)] : r)),
                }
              : s,
          ),
        }
      : b,
  );
}

// Each test runs the CLI as child processes; the budget fits a busy 2-core machine.
describe("luoshi stats import with 基层表 workbooks", { timeout: 240_000 }, () => {
  let dir: string;
  const run = (...args: string[]) => runCli(join(dir, "data"), args);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-jiceng-cli-"));
    copyDemoData(join(dir, "data"));
  }, 240_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("imports a folder of school workbooks with a supplement, and a .zip of them", async () => {
    const folder = join(dir, "基层表2025");
    mkdirSync(folder);
    const books = [
      ...workbooks([300, 280]),
      supplementWorkbook(YEAR, [{ schoolCode: SCHOOLS[0], values: { "funding.publicBudget": 210000 } }]),
    ];
    for (const b of books) {
      writeFileSync(join(folder, b.fileName), await gridWorkbookBytes(b));
    }
    // --preview reads and checks the folder, lists what would change, and writes nothing
    const seen = run(
      "stats",
      "import",
      folder,
      "--year",
      String(YEAR),
      "--unit",
      "620802",
      "--quiet",
      "--preview",
    );
    expect(seen.code).toBe(0);
    expect(seen.out).toMatch(/预览（未写入）：2025 年统计数据，学校 2 所/);
    expect(seen.out).toMatch(/1620802101 公用经费预算总额：（无） → 210000/);
    const r = run("stats", "import", folder, "--year", String(YEAR), "--unit", "620802", "--quiet");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已导入 2025 年统计数据：学校 2 所/);
    // the preview wrote nothing: the import changes what the preview said it would
    const previewed = /将改变的数值 (\d+) 个/.exec(seen.out)?.[1];
    expect(Number(previewed)).toBeGreaterThan(0);
    expect(r.out).toContain(`变化的数值 ${previewed ?? ""} 个`);

    const zip = join(dir, "基层表.zip");
    writeFileSync(zip, await jicengArchive(workbooks([310, 280])));
    const again = run("stats", "import", zip, "--year", String(YEAR), "--unit", "620802", "--quiet");
    expect(again.code).toBe(0);
    // 在校生 changed at one school; the 公用经费 the supplement gave is gone with this upload
    expect(again.out).toMatch(/学校 2 所.*变化的数值 2 个/);
  });

  it("refuses a workbook with a value in words, naming 表号, 行代码 and 栏号", async () => {
    const zip = join(dir, "坏.zip");
    writeFileSync(zip, await jicengArchive(workbooks([300, "二百八十"])));
    const r = run("stats", "import", zip, "--year", String(YEAR), "--unit", "620802", "--quiet");
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/表 教基3112 行代码 01 栏号 2：“二百八十”不是数字/);
    expect(r.err).toContain("1620802102");
  });
});
