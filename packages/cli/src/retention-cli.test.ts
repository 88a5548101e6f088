import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_TIMEOUT, runCli } from "./run-cli.ts";

/**
 * `luoshi registry retention` as an operator meets it: a dry run by default that changes nothing, the
 * period from the option, and an invalid period refused (docs/dropout-cases.md). The anonymisation itself
 * is proved through the service in packages/server/src/http/dropout/dropout-api.test.ts.
 */
describe("luoshi registry retention", { timeout: 4 * RUN_TIMEOUT }, () => {
  let root: string;
  let dataDir: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "luoshi-retention-"));
    dataDir = join(root, "data");
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("previews by default and names the cut-off day and the period", () => {
    const r = runCli(dataDir, ["registry", "retention", "--years", "5"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("预览（未修改，加 --apply 执行）：0 名学生");
    expect(r.out).toContain("5 年保存期限");
  });

  it("refuses a period out of range", () => {
    const r = runCli(dataDir, ["registry", "retention", "--years", "0"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain("--years 至少为 1");
  });
});
