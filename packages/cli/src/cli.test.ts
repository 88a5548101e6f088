import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../bin/luoshi.js", import.meta.url));

describe("luoshi CLI on an embedded database", () => {
  let dataDir: string;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, LUOSHI_DATA_DIR: dataDir, LOG_LEVEL: "silent" },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-cli-"));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates the demo county once and prints generated logins", () => {
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
      const elsewhere = spawnSync(process.execPath, [CLI, "demo"], {
        env: { ...process.env, LUOSHI_DATA_DIR: other },
        encoding: "utf8",
      });
      expect(/^admin\s+(\S+)/m.exec(elsewhere.stdout)?.[1]).not.toBe(admin?.[1]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("adds a user with a one-time password and lists it", () => {
    const added = run("user", "add", "--login", "ma.li", "--name", "马丽", "--role", "bureauPlanner", "--unit", "620802-jyj");
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/已创建用户 ma\.li（教育局（规划），崆峒区教育局）/);
    expect(added.out).toMatch(/临时口令：\S{14}/);
    const list = run("user", "list");
    expect(list.out).toMatch(/ma\.li\s+马丽/);
    expect(list.out).toMatch(/共 10 个用户/);
  });

  it.each([
    [["user", "add", "--login", "x y", "--name", "某", "--role", "leader", "--unit", "620802-jyj"], /--login：登录名只能包含/],
    [["user", "add", "--login", "xy.z", "--name", "某", "--role", "boss", "--unit", "620802-jyj"], /--role：/],
    [["user", "add", "--login", "xy.z", "--name", "某", "--role", "leader", "--unit", "999999"], /--unit：没有代码为 999999 的单位/],
    [["user", "add", "--login", "MA.LI", "--name", "某", "--role", "leader", "--unit", "620802-jyj"], /已被使用/],
    [["audit", "export", "--from", "yesterday"], /--from：应为 YYYY-MM-DD/],
  ])("refuses %j with a message naming the option", (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it("resets a password and exports the audit trail with both changes", () => {
    const reset = run("user", "reset-password", "ma.li");
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/已重置 ma\.li 的口令。临时口令：\S{14}/);
    const file = join(dataDir, "audit.csv");
    const exported = run("audit", "export", "--out", file);
    expect(exported.code).toBe(0);
    const csv = readFileSync(file, "utf8");
    expect(csv.startsWith("\uFEFF序号,时间,操作人")).toBe(true);
    expect(csv).toMatch(/,cli:\w+,securityAdmin,新建用户,user,/);
    expect(csv).toMatch(/,cli:\w+,systemAdmin,重置口令,user,/);
    expect(csv).toMatch(/载入演示数据/);
    expect(csv).not.toMatch(/argon2/);
  });
});
