import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoData, runCli } from "./run-cli.ts";

interface UnitYearLine {
  code: string;
  name: string;
  kind: string;
  year: number;
  values: Record<string, number | null>;
}

// Each test runs the CLI as child processes (a few seconds each when idle); the budget fits a busy
// 2-core machine, so that only a hung command fails on time.
describe("luoshi indicators --all-units after luoshi demo", { timeout: 240_000 }, () => {
  let dir: string;
  const run = (...args: string[]) => runCli(join(dir, "data"), args);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-indicators-cli-"));
    copyDemoData(join(dir, "data"));
  }, 240_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints one JSON line per unit and year, equal to the single-unit computation", () => {
    const r = run("indicators", "--org", "620802", "--from", "2019", "--to", "2020", "--all-units", "--json");
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as UnitYearLine);
    const units = new Set(lines.map((l) => l.code));
    expect(units.size).toBeGreaterThan(350);
    expect(lines).toHaveLength(units.size * 2);
    expect(lines[0]).toMatchObject({ code: "620802", kind: "county", year: 2019 });
    const single = JSON.parse(run("indicators", "--org", "620802", "--year", "2020", "--json").out) as {
      items: { code: string; value: number | null }[];
    };
    const county2020 = lines.find((l) => l.code === "620802" && l.year === 2020);
    expect(Object.keys(county2020?.values ?? {})).toEqual(single.items.map((i) => i.code));
    // Equal up to the last bits: the 义务教育 parts of mixed schools are fractions, and their sum's last
    // bit depends on the order the two reads return the rows in.
    for (const item of single.items) {
      const value = county2020?.values[item.code];
      if (item.value === null) {
        expect(value, item.code).toBeNull();
      } else {
        expect(value, item.code).toBeCloseTo(item.value, 9);
      }
    }
    expect(county2020?.values["preschool-gross-enrolment-rate"]).toBeCloseTo(94.08, 2);
  }, 120_000);

  it("writes the table of the kinds asked for to .xlsx, values rounded as published", async () => {
    const file = join(dir, "总表.xlsx");
    const r = run(
      "indicators",
      "--org",
      "620802",
      "--from",
      "2016",
      "--to",
      "2024",
      "--all-units",
      "--kind",
      "county,township",
      "--xlsx",
      file,
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/已写入 .*总表\.xlsx：19 个单位 × 9 个年度 × \d+ 项指标/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("指标总表");
    expect(ws?.rowCount).toBe(1 + 19 * 9);
    const header = (ws?.getRow(1).values ?? []) as unknown[];
    expect(header.slice(1, 6)).toEqual(["单位代码", "单位名称", "单位类型", "上级单位代码", "统计年度"]);
    const rateColumn = header.indexOf("学前三年毛入园率（%）");
    expect(rateColumn).toBeGreaterThan(5);
    const county2020 = ws
      ?.getRows(2, 19 * 9)
      ?.find((row) => row.getCell(1).value === "620802" && row.getCell(5).value === 2020);
    expect(county2020?.getCell(3).value).toBe("县（区）");
    expect(county2020?.getCell(rateColumn).value).toBe(94.08);
    expect(wb.getWorksheet("指标说明")?.rowCount).toBeGreaterThan(30);
  }, 120_000);

  it("names the missing option", () => {
    const noOutput = run("indicators", "--org", "620802", "--from", "2020", "--to", "2020", "--all-units");
    expect(noOutput.code).not.toBe(0);
    expect(noOutput.err).toMatch(/--all-units：--all-units 需要用 --xlsx 文件 或 --json 指定输出/);
    const noYears = run("indicators", "--org", "620802", "--all-units", "--json");
    expect(noYears.err).toMatch(/--from：--all-units 需要 --from 和 --to/);
    const badKind = run(
      "indicators",
      "--org",
      "620802",
      "--year",
      "2020",
      "--all-units",
      "--json",
      "--kind",
      "village",
    );
    expect(badKind.err).toMatch(/单位类型应为 province/);
    const reversed = run(
      "indicators",
      "--org",
      "620802",
      "--from",
      "2021",
      "--to",
      "2020",
      "--all-units",
      "--json",
    );
    expect(reversed.err).toMatch(/年度范围有误：2021–2020/);
  }, 120_000);
});
