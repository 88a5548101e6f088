import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolListCsv, syntheticSchoolList } from "@luoshi/domain/org";
import { copyDemoData, runCli } from "./run-cli.ts";

// The CLI runs as child processes (a few seconds each when idle); the budget fits a busy 2-core machine.
describe("luoshi units template and import after luoshi demo", { timeout: 240_000 }, () => {
  let dir: string;
  const run = (...args: string[]) => runCli(join(dir, "data"), args);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-units-cli-"));
    copyDemoData(join(dir, "data"));
  }, 240_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the template, previews a filled one without applying, then applies it", async () => {
    const template = join(dir, "template.xlsx");
    const made = run("units", "template", "--county", "620802", "--out", template);
    expect(made.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const help: string[] = [];
    wb.getWorksheet("填写说明")?.eachRow((r) => help.push(r.getCell(2).text));
    const townships = help.flatMap((name, i) => {
      const code =
        wb
          .getWorksheet("填写说明")
          ?.getRow(i + 1)
          .getCell(1).text ?? "";
      return /^\d{9}$/.test(code) ? [{ code, name }] : [];
    });
    expect(townships.length).toBeGreaterThan(5);
    const list = syntheticSchoolList("620802", "崆峒区", townships, { count: 5, seed: 11, start: 901 });
    const sheet = wb.getWorksheet("学校名录");
    sheet?.spliceRows(2, 2, ...list.rows);
    const filled = join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);

    const preview = run("units", "import", filled, "--county", "620802");
    expect(preview.err).toBe("");
    expect(preview.code).toBe(0);
    expect(preview.out).toContain("新增 5 所\n  + 1620802901 崆峒区示例第一小学");
    expect(preview.out).toMatch(/变更 0 所\n未变 \d+\n文件中缺少 \d+ 所（仅列出，不会撤销）/);
    expect(preview.out).toContain("未应用");

    const applied = run(
      "units",
      "import",
      filled,
      "--county",
      "620802",
      "--apply",
      "--effective",
      "2025-09-01",
    );
    expect(applied.code).toBe(0);
    expect(applied.out).toContain("已应用：新增 5，变更 0，生效日期 2025-09-01");
    const renamed = list.rows.map((r, i) =>
      i === 0 ? [r[0] ?? "", "崆峒区示例实验小学", ...r.slice(2)] : r,
    );
    const csv = join(dir, "renamed.csv");
    writeFileSync(csv, schoolListCsv({ ...list, rows: renamed }));
    const again = run("units", "import", csv, "--county", "620802");
    expect(again.out).toContain("新增 0 所");
    expect(again.out).toContain(
      "  ~ 1620802901 崆峒区示例第一小学 [更名] 名称：崆峒区示例第一小学 → 崆峒区示例实验小学",
    );
  });

  it("refuses a file with a bad row, naming row and column, with exit code 1", () => {
    const bad = join(dir, "bad.csv");
    const list = syntheticSchoolList("620802", "崆峒区", [{ code: "620802001", name: "中山街道" }], {
      count: 2,
      seed: 1,
      start: 950,
    });
    writeFileSync(
      bad,
      schoolListCsv({ ...list, rows: list.rows.map((r) => [...r.slice(0, 2), "999", ...r.slice(3)]) }),
    );
    const r = run("units", "import", bad, "--county", "620802", "--apply");
    expect(r.code).toBe(1);
    expect(r.err).toContain("第 3 行“办学类型”列：“999”不是已知的办学类型代码或名称");
    expect(run("units", "import", bad, "--county", "999999").err).toContain(
      "--county：没有代码为 999999 的县（区）",
    );
  });
});
