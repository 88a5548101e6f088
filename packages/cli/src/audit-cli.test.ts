import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@luoshi/db";
import { superuserEditsAuditRow } from "@luoshi/db/testing";
import { RUN_TIMEOUT, runCli } from "./run-cli.ts";

/**
 * The 等保三级 commands as an assessor runs them on a new installation: the dormant-account report, a
 * clearance granted, and `luoshi audit verify` — the trail whole, then, after a database superuser edits
 * one row behind the application's back (triggers off, as only the owner can), that row named and a
 * non-zero exit; a wrong key fails too.
 */
describe("luoshi user dormant|clearance and audit verify", { timeout: 8 * RUN_TIMEOUT }, () => {
  let dataDir: string;
  const run = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
    runCli(dataDir, args, options);
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-verify-"));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports dormant accounts and grants a clearance, both in the trail", () => {
    const init = run(
      ["init", "--division", "620802", "--admin", "wang.fang", "--admin-name", "王芳", "--password-stdin"],
      { input: "Jc#2026-Chuan\n" },
    );
    expect(init.code, init.err).toBe(0);
    const dormant = run(["user", "dormant"]);
    expect(dormant.code, dormant.err).toBe(0);
    expect(dormant.out).toContain("没有超过 90 天未使用的在用账号");
    const granted = run(["user", "clearance", "wang.fang", "sensitive"]);
    expect(granted.code, granted.err).toBe(0);
    expect(granted.out).toContain("已将 wang.fang 的许可级别设为“敏感”");
    const refused = run(["user", "clearance", "wang.fang", "top-secret"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("许可级别只能是");
  });

  it("reports the trail whole, then the first row a superuser edited, and refuses a wrong key", async () => {
    const whole = run(["audit", "verify"]);
    expect(whole.code, whole.err).toBe(0);
    expect(whole.out).toMatch(/审计日志完整：共校验 \d+ 行，第 1 行起带 HMAC-SM3 封印/);

    // the superuser of the embedded database, with no command running
    const handle = await openDatabase({ engine: "pglite", dataDir: join(dataDir, "db") });
    const id = await superuserEditsAuditRow(handle.db, 2);
    await handle.close();

    const broken = run(["audit", "verify"]);
    expect(broken.code).toBe(3);
    expect(broken.out).toContain(`审计日志不完整：第 ${String(id)} 行（id）`);
    const wrongKey = run(["audit", "verify"], { env: { LUOSHI_AUDIT_KEY: "x".repeat(40) } });
    expect(wrongKey.code).toBe(3);
    expect(wrongKey.out).toMatch(/起始封印|HMAC-SM3/);
  });
});
