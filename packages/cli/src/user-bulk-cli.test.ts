import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "@luoshi/common";
import { RUN_TIMEOUT, copyDemoData, runCli } from "./run-cli.ts";

/** As in cli.test.ts: every run is a child process on an embedded database; the demo load is slow. */

describe("luoshi user bulk", { timeout: 3 * RUN_TIMEOUT }, () => {
  let dataDir: string;
  const run = (...args: string[]) => runCli(dataDir, args);

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-bulk-"));
    copyDemoData(dataDir);
  }, RUN_TIMEOUT);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("writes the schools' initial passwords to a private CSV only, once", () => {
    const out = join(dataDir, "zhongjie.csv");
    const first = run("user", "bulk", "--unit", "620802001", "--kinds", "school", "--out", out);
    expect(first.code).toBe(0);
    const created = /已为“中街街道”开通 (\d+) 个账号（学校 \1 个）/.exec(first.out);
    expect(created).not.toBeNull();
    expect(first.out).toContain(out);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const [headers, ...rows] = readCsv(readFileSync(out, "utf8")).records.map((r) => r.fields);
    expect(headers).toEqual(["序号", "单位名称", "单位代码", "登录名", "初始密码", "角色", "说明"]);
    expect(rows.length).toBe(Number(created?.[1]));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const password = row[4] ?? "";
      expect(password).toHaveLength(14);
      expect(first.out + first.err).not.toContain(password);
      expect(row[3]).toBe(row[2]);
    }

    const again = join(dataDir, "again.csv");
    const second = run("user", "bulk", "--unit", "620802001", "--kinds", "school", "--out", again);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(/没有需要开通账号的单位/);
    expect(existsSync(again)).toBe(false);
  });

  it("writes an .xlsx for the county's departments and never overwrites a file", async () => {
    const taken = join(dataDir, "taken.xlsx");
    writeFileSync(taken, "keep");
    const refused = run("user", "bulk", "--unit", "620802", "--kinds", "department", "--out", taken);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/文件已存在/);
    expect(readFileSync(taken, "utf8")).toBe("keep");

    const out = join(dataDir, "departments.xlsx");
    const res = run("user", "bulk", "--unit", "620802", "--kinds", "department", "--out", out);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/跳过 \d+ 个单位：.*教育局及其股室/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0];
    const logins = [];
    for (let n = 4; n <= (sheet?.rowCount ?? 0); n += 1) {
      logins.push(sheet?.getRow(n).getCell(4).text ?? "");
    }
    // 财政局 has the demo's 责任单位 account already; the bureau's 股室 get none, its 资助中心 does.
    expect(logins).not.toContain("620802-czj");
    expect(logins).toContain("620802-fgj");
    expect(logins).toContain("620802-jyj-zzzx");
    expect(logins).not.toContain("620802-jyj-jcjyg");
  });
});
