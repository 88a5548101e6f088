import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_TIMEOUT, copyDemoData, runCli } from "./run-cli.ts";

/**
 * Every test here runs the CLI as child processes, each opening (and at first migrating) an embedded
 * database, some loading the whole demo county: seconds on an idle machine, minutes on a busy 2-core one.
 * Each run gets RUN_TIMEOUT, and a test as long as its runs together may take, so that only a hung
 * process fails a test, never a slow machine.
 */
const runsTimeout = (runs: number) => runs * RUN_TIMEOUT;

describe("luoshi CLI on an embedded database", { timeout: RUN_TIMEOUT }, () => {
  let dataDir: string;
  const run = (...args: string[]) => runCli(dataDir, args);

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-cli-"));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Three runs, two of which build a demo county.
  it("creates the demo county once and prints generated logins", { timeout: runsTimeout(3) }, () => {
    const first = run("demo");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/已创建演示数据：平凉市崆峒区/);
    const admin = /^admin\s+(\S+)\s+系统管理员/m.exec(first.out);
    expect(admin?.[1]).toHaveLength(14);
    const second = run("demo");
    expect(second.out).toMatch(/演示数据已存在/);
    expect(second.out).toContain(admin?.[1]);
    const other = mkdtempSync(join(tmpdir(), "luoshi-cli-other-"));
    try {
      const elsewhere = runCli(other, ["demo"]);
      expect(/^admin\s+(\S+)/m.exec(elsewhere.out)?.[1]).not.toBe(admin?.[1]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("adds a user with a one-time password and lists it", { timeout: runsTimeout(2) }, () => {
    const added = run(
      "user",
      "add",
      "--login",
      "ma.li",
      "--name",
      "马丽",
      "--role",
      "bureauPlanner",
      "--unit",
      "620802-jyj",
    );
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/已创建用户 ma\.li（教育局（规划），崆峒区教育局）/);
    expect(added.out).toMatch(/临时口令：\S{14}/);
    const list = run("user", "list");
    expect(list.out).toMatch(/ma\.li\s+马丽/);
    expect(list.out).toMatch(/共 10 个用户/);
  });

  it.each([
    [
      ["user", "add", "--login", "x y", "--name", "某", "--role", "leader", "--unit", "620802-jyj"],
      /--login：登录名只能包含/,
    ],
    [
      ["user", "add", "--login", "xy.z", "--name", "某", "--role", "boss", "--unit", "620802-jyj"],
      /--role：/,
    ],
    [
      ["user", "add", "--login", "xy.z", "--name", "某", "--role", "leader", "--unit", "999999"],
      /--unit：没有代码为 999999 的单位/,
    ],
    [
      ["user", "add", "--login", "MA.LI", "--name", "某", "--role", "leader", "--unit", "620802-jyj"],
      /已被使用/,
    ],
    [["audit", "export", "--from", "yesterday"], /--from：应为 YYYY-MM-DD/],
    [["serve", "--port", "abc"], /--port：端口应为数字/],
    [["serve", "--port", "70000"], /--port：端口应在 1–65535 之间/],
  ])("refuses %j with a message naming the option", (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it("resets a password and exports the audit trail with both changes", { timeout: runsTimeout(2) }, () => {
    const reset = run("user", "reset-password", "ma.li");
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/已重置 ma\.li 的口令。临时口令：\S{14}/);
    const file = join(dataDir, "audit.csv");
    const exported = run("audit", "export", "--out", file);
    expect(exported.code).toBe(0);
    const csv = readFileSync(file, "utf8");
    expect(csv.startsWith("\uFEFF序号,时间,操作人")).toBe(true);
    expect(csv).toMatch(/,cli:\w+,securityAdmin,新建用户,用户,/);
    expect(csv).toMatch(/,cli:\w+,systemAdmin,重置口令,用户,/);
    expect(csv).toMatch(/载入演示数据/);
    expect(csv).not.toMatch(/argon2/);
  });
});

describe("luoshi evaluate, parse and import", { timeout: RUN_TIMEOUT }, () => {
  const SEED = fileURLToPath(
    new URL("../../domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
  );
  const HEADER =
    "学校标识码,学校名称,办学类型,小学在校生数,初中在校生数,高中在校生数,高于规定学历教师数_小学,高于规定学历教师数_初中,骨干教师数_小学,骨干教师数_初中,体育艺术专任教师数_小学,体育艺术专任教师数_初中,教学及辅助用房面积,体育运动场馆面积,教学仪器设备值,网络多媒体教室数";
  let dir: string;
  const run = (...args: string[]) => runCli(join(dir, "data"), args);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-cli-docs-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("evaluates a county's resource indicators from the contract CSV", () => {
    const file = join(dir, "schools.csv");
    writeFileSync(
      file,
      [
        HEADER,
        "1000000001,甲小学,小学,500,0,0,30,0,6,0,6,0,2500,4000,1100000,13",
        // 乙 meets 6 of 7 and its seventh (4.2 teachers per 100) only at 2/3 of the threshold: fails
        "1000000002,乙小学,小学,300,0,0,8,0,3,0,3,0,1400,2400,600000,7",
        "1000000003,丙中学,初级中学,0,600,0,0,35,0,7,0,6,3600,6500,1600000,15",
      ].join("\n"),
    );
    const r = run("evaluate", "balance", "--schools", file, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      primary: { mean: number[]; cv: number[]; cvPass: boolean[] };
      schools: { code: string; part: string; values: number[]; met: boolean[]; pass: boolean }[];
      resourcePass: boolean;
    };
    expect(json.primary.mean[0]).toBeCloseTo((38 * 100) / 800, 10);
    expect(json.primary.cv).toHaveLength(7);
    const yi = json.schools.find((s) => s.code === "1000000002");
    expect(yi).toMatchObject({ part: "primary", pass: false });
    expect(yi?.met).toEqual([false, true, true, true, true, true, true]);
    expect(json.resourcePass).toBe(false);
  });

  it("refuses a CSV with bad values, naming file, row and column", () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, `${HEADER}\n1000000001,甲小学,小学,abc,0,0,30,0,6,0,6,0,2500,4000,1100000,13\n`);
    const r = run("evaluate", "balance", "--schools", file, "--json");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/bad\.csv，第 2 行，小学在校生数/);
  });

  it("parses a document in the corpus gold format", () => {
    const r = run("parse", SEED, "--json");
    expect(r.code).toBe(0);
    const gold = JSON.parse(r.out) as {
      meta: { docNumber: string };
      nodes: { path: string; role: string }[];
    };
    expect(gold.meta.docNumber).toBe("宁政办〔2017〕164号");
    expect(gold.nodes.filter((n) => n.role === "task").length).toBeGreaterThanOrEqual(29);
  });

  // Two imports over the run's demo county.
  it("imports a document as a draft plan for the county", { timeout: runsTimeout(3) }, () => {
    copyDemoData(join(dir, "data"));
    const r = run("import", SEED, "--unit", "620802");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /已导入规划草稿“西宁市贯彻落实加快中西部教育发展指导意见实施方案”（第 1 版，\d+ 个条目）/,
    );
    const bad = run("import", join(dir, "missing.txt"), "--unit", "620802");
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/missing\.txt：文件不存在/);
  });
});
