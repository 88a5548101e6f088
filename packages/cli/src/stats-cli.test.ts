import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyDemoData, runCli } from "./run-cli.ts";

interface Indicator {
  code: string;
  name: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

const round2 = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 100) / 100;

// Each test runs the CLI as child processes (a few seconds each when idle); the budget fits a busy
// 2-core machine, so that only a hung command fails on time.
describe("luoshi indicators and stats import after luoshi demo", { timeout: 240_000 }, () => {
  let dir: string;
  const run = (...args: string[]) => runCli(join(dir, "data"), args);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-stats-cli-"));
    copyDemoData(join(dir, "data"));
  }, 240_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the demo county's published 2020 rates from the stored statistics", () => {
    const r = run("indicators", "--org", "620802", "--year", "2020", "--json");
    expect(r.code).toBe(0);
    const items = (JSON.parse(r.out) as { items: Indicator[] }).items;
    const byName = new Map(items.map((i) => [i.name, i]));
    expect(round2(byName.get("学前三年毛入园率")?.value)).toBe(94.08);
    expect(round2(byName.get("九年义务教育巩固率")?.value)).toBe(97.89);
    expect(round2(byName.get("高中阶段毛入学率")?.value)).toBe(95.02);
    expect(byName.get("学前三年毛入园率")).toMatchObject({ numerator: 17909 });
    const text = run("indicators", "--org", "620802", "--year", "2020");
    expect(text.out).toMatch(/学前三年毛入园率\t94\.08%\t17909 \/ \d+/);
  });

  it("evaluates the stored statistics of a county for 优质均衡 资源配置", () => {
    const json = run("evaluate", "balance", "--org", "620802", "--year", "2024", "--json");
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out) as Record<string, { cv: number[]; cvPass: boolean[] }>;
    expect(result.primary?.cv).toHaveLength(7);
    expect(result.junior?.cvPass).toHaveLength(7);
    const text = run("evaluate", "balance", "--org", "620802", "--year", "2024");
    expect(text.out).toMatch(/小学（\d+ 所）差异系数/);
    expect(text.out).toMatch(/资源配置评估结论：(未)?达标/);
    expect(run("evaluate", "balance", "--org", "620802").err).toMatch(/--year：请用 --year 给出统计年度/);
    expect(run("evaluate", "balance", "--org", "999999", "--year", "2024").err).toMatch(
      /--org：没有代码为 999999 的单位/,
    );
    expect(run("evaluate", "balance", "--org", "620802", "--year", "1999").err).toMatch(/--year：/);
  });

  it("imports a year's population from a CSV, and refuses a bad file naming the row", () => {
    const good = join(dir, "good.csv");
    const bad = join(dir, "bad.csv");
    writeFileSync(good, "\uFEFF乡镇代码,统计年度,3岁人口\n620802001,2025,100\n");
    writeFileSync(bad, "学校标识码,统计年度,小学在校生数\n0000000000,2025,100\n");
    const ok = run("stats", "import", good, "--year", "2025", "--unit", "620802");
    // not a terminal: one plain line per stage instead of a bar
    expect(ok.err).toBe("读取文件…\n校验 1 行…\n写入 1 行…\n");
    expect(ok.out).toMatch(/已导入 2025 年统计数据：学校 0 所，乡镇 1 个/);
    const quiet = run("stats", "import", good, "--year", "2025", "--unit", "620802", "--quiet");
    expect(quiet.err).toBe("");
    expect(quiet.out).toMatch(/已导入 2025 年统计数据/);
    const refused = run("stats", "import", bad, "--year", "2025", "--unit", "620802");
    expect(refused.code).toBe(1);
    expect(refused.err).not.toMatch(/写入/);
    expect(refused.err).toMatch(/表“学生” 第 2 行 “学校标识码”列：学校标识码“0000000000”不是已登记的学校/);
    expect(run("indicators", "--org", "999999", "--year", "2020").err).toMatch(
      /--org：没有代码为 999999 的单位/,
    );
  }, 180_000);
});
