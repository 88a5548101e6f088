import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schoolListCsv, schoolListSeeds, syntheticSchoolList } from "@luoshi/domain/org";
import { syntheticStatistics } from "@luoshi/domain/stats";
import { writeStatsWorkbook } from "@luoshi/server";
import { RUN_TIMEOUT, runCli } from "./run-cli.ts";

const PASSWORD = "Jc#2026-Chuan";
const COUNTY = { code: "620821", name: "泾川县" };

/**
 * A real bureau's first day on the command line, nothing but `luoshi` commands against a fresh data
 * folder: initialise 泾川县 from its division code, import a school list in the real layout, open the
 * schools' accounts, import a year of statistics, evaluate 优质均衡, and import an edited list again.
 */
describe("a county's first day through the CLI", { timeout: RUN_TIMEOUT * 12 }, () => {
  let dir: string;
  const run = (args: string[], input?: string) =>
    runCli(join(dir, "data"), args, input === undefined ? {} : { input });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-first-day-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("sets up 泾川县 with its schools, accounts and 2024 statistics, then applies an edited list", async () => {
    const init = run(
      ["init", "--division", COUNTY.code, "--admin", "wang.fang", "--admin-name", "王芳", "--password-stdin"],
      `${PASSWORD}\n`,
    );
    expect(init.err).toBe("");
    expect(init.out).toContain("已初始化辖区：甘肃省平凉市泾川县（620821，县（区）级）");
    expect(init.out).toContain("luoshi units import 学校名录.xlsx --county 620821");

    const divisions = run(["divisions", COUNTY.code]);
    expect(divisions.code).toBe(0);
    const townships = [...divisions.out.matchAll(/^(\d{9}) {2}(\S+) {2}乡镇（街道）$/gm)].map((m) => ({
      code: m[1] ?? "",
      name: m[2] ?? "",
    }));
    expect(townships.length).toBe(15);

    // 30 schools over the real townships, written as an .xlsx with the export's title row
    const list = syntheticSchoolList(COUNTY.code, COUNTY.name, townships, { count: 30, seed: 2024 });
    const types = new Set(list.rows.map((r) => r[2]));
    expect([...types].sort()).toEqual(["111", "211", "218", "311", "312", "342"]);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("学校名录");
    sheet.addRows([[list.title], list.headers, ...list.rows]);
    const listFile = join(dir, "泾川县学校名录.xlsx");
    await book.xlsx.writeFile(listFile);

    const preview = run(["units", "import", listFile, "--county", COUNTY.code]);
    expect(preview.err).toBe("");
    expect(preview.out).toContain("新增 30 所\n  + 1620821001 泾川县示例第一小学");
    expect(preview.out).toContain("变更 0 所\n未变 0\n");
    expect(preview.out).toContain("未应用");
    const applied = run(["units", "import", listFile, "--county", COUNTY.code, "--apply"]);
    expect(applied.err).toBe("");
    expect(applied.out).toMatch(/已应用：新增 30，变更 0，生效日期 \d{4}-\d\d-\d\d/);

    const accountsFile = join(dir, "accounts.xlsx");
    const bulk = run(["user", "bulk", "--unit", COUNTY.code, "--kinds", "school", "--out", accountsFile]);
    expect(bulk.err).toBe("");
    expect(bulk.out).toContain("已为“泾川县”开通 30 个账号（学校 30 个）");
    expect(statSync(accountsFile).mode & 0o777).toBe(0o600);
    const accounts = new ExcelJS.Workbook();
    await accounts.xlsx.readFile(accountsFile);
    const logins: string[] = [];
    accounts.worksheets[0]?.eachRow((row) => {
      const login = row.getCell(4).text;
      if (/^\d{10}$/.test(login)) {
        logins.push(login);
      }
    });
    expect(logins.sort()).toEqual(list.rows.map((r) => r[0]).sort());

    // the year's statistics for exactly these schools and townships
    const seeds = schoolListSeeds(COUNTY.code, COUNTY.name, townships, list);
    const stats = syntheticStatistics(seeds, [2024], 2024);
    const statsFile = join(dir, "2024 统计.xlsx");
    await writeStatsWorkbook(
      { year: 2024, names: new Map(seeds.map((s) => [s.code, s.name])), ...stats },
      statsFile,
    );
    const imported = run(["stats", "import", statsFile, "--year", "2024", "--unit", COUNTY.code, "--quiet"]);
    expect(imported.err).toBe("");
    expect(imported.out).toContain("已导入 2024 年统计数据：学校 30 所，乡镇 15 个");

    const evaluated = run(["evaluate", "balance", "--org", COUNTY.code, "--year", "2024", "--json"]);
    expect(evaluated.code).toBe(0);
    const result = JSON.parse(evaluated.out) as {
      primary: { cv: number[] };
      schools: { code: string; part: string }[];
    };
    expect(result.primary.cv).toHaveLength(7);
    const codesOf = (...t: string[]) =>
      list.rows.filter((r) => t.includes(r[2] ?? "")).map((r) => r[0] ?? "");
    const evaluatedIn = (part: string) => result.schools.filter((s) => s.part === part).map((s) => s.code);
    // 小学, 教学点 (counted on their own by default) and the 九年制学校's 小学部; 初中 and its 初中部
    expect(evaluatedIn("primary").sort()).toEqual(codesOf("211", "218", "312").sort());
    expect(evaluatedIn("junior").sort()).toEqual(codesOf("311", "312").sort());

    // the edited list: one renamed, one moved to another township, one new phone, one new school
    const [renamed, moved, rephoned] = [list.rows[0], list.rows[1], list.rows[2]].map((r) => [...(r ?? [])]);
    const town = moved?.[5] === townships[0]?.name ? townships[1] : townships[0];
    if (renamed === undefined || moved === undefined || rephoned === undefined || town === undefined) {
      throw new Error("the list is too short");
    }
    renamed[1] = "泾川县示例实验小学";
    moved[5] = town.name;
    rephoned[8] = "13900009999";
    const added = syntheticSchoolList(COUNTY.code, COUNTY.name, townships, { count: 1, seed: 5, start: 101 });
    const edited = { ...list, rows: [renamed, moved, rephoned, ...list.rows.slice(3), ...added.rows] };
    const editedFile = join(dir, "泾川县学校名录（修订）.csv");
    writeFileSync(editedFile, schoolListCsv(edited));

    const again = run(["units", "import", editedFile, "--county", COUNTY.code]);
    expect(again.err).toBe("");
    expect(again.out).toContain(
      `新增 1 所\n  + 1620821101 泾川县示例第一小学（${added.rows[0]?.[5] ?? ""}）`,
    );
    expect(again.out).toContain("变更 3 所\n");
    expect(again.out).toContain(
      "  ~ 1620821001 泾川县示例第一小学 [更名] 名称：泾川县示例第一小学 → 泾川县示例实验小学",
    );
    expect(again.out).toMatch(new RegExp(`~ 1620821002 \\S+ \\[调整隶属\\] [^\\n]*→ ${town.name}`));
    expect(again.out).toMatch(/~ 1620821003 \S+ \[信息变更\] 联系电话：13900000003 → 13900009999\n/);
    expect(again.out).toContain("未变 27\n文件中缺少 0 所");
    const reapplied = run(["units", "import", editedFile, "--county", COUNTY.code, "--apply"]);
    expect(reapplied.out).toMatch(/已应用：新增 1，变更 3，/);
    const third = run(["units", "import", editedFile, "--county", COUNTY.code]);
    expect(third.out).toContain("新增 0 所\n变更 0 所\n未变 31\n文件中缺少 0 所");
  });
});
