import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@luoshi/db";
import { superuserEditsAuditRow } from "@luoshi/db/testing";
import { RUN_TIMEOUT, copyDemoData, runCli } from "./run-cli.ts";

/**
 * `luoshi audit verify` as an assessor runs it: on the demo county's trail it reports the trail whole;
 * after a database superuser edits one row behind the application's back (triggers off, as only the
 * owner can), it names that row and exits non-zero.
 */
describe("luoshi audit verify", { timeout: 3 * RUN_TIMEOUT }, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-verify-"));
    copyDemoData(dataDir);
  }, 3 * RUN_TIMEOUT);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports the demo trail whole, then the first row a superuser edited", async () => {
    const whole = runCli(dataDir, ["audit", "verify"]);
    expect(whole.err).toBe("");
    expect(whole.code).toBe(0);
    expect(whole.out).toMatch(/审计日志完整：共校验 \d+ 行，第 1 行起带 HMAC-SM3 封印/);

    // the superuser of the embedded database, with the server stopped
    const handle = await openDatabase({ engine: "pglite", dataDir: join(dataDir, "db") });
    const id = await superuserEditsAuditRow(handle.db, 3);
    await handle.close();

    const broken = runCli(dataDir, ["audit", "verify"]);
    expect(broken.code).toBe(3);
    expect(broken.out).toContain(`审计日志不完整：第 ${String(id)} 行（id）`);
    const wrongKey = runCli(dataDir, ["audit", "verify"], { env: { LUOSHI_AUDIT_KEY: "x".repeat(40) } });
    expect(wrongKey.code).toBe(3);
    expect(wrongKey.out).toMatch(/起始封印|HMAC-SM3/);
  });
});
