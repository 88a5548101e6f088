import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFieldKeyring } from "@luoshi/db";
import { RUN_TIMEOUT, runCli } from "./run-cli.ts";

/**
 * The field keys as an operator meets them: a key file (mode 600) beside the data folder made on first
 * start, `luoshi pii rotate-key` adding a current key and keeping the old, `luoshi pii keys` counting;
 * with LUOSHI_FIELD_KEY, rotation refuses to run without a file for the new ring.
 */
describe("luoshi pii rotate-key|keys", { timeout: 6 * RUN_TIMEOUT }, () => {
  let root: string;
  let dataDir: string;
  const keyFile = () => `${dataDir}-field.key`;
  // "" unsets the test runs' LUOSHI_FIELD_KEY: this installation keeps its keys in the key file
  const run = (args: string[], env: Record<string, string> = { LUOSHI_FIELD_KEY: "" }) =>
    runCli(dataDir, args, { env });
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "luoshi-pii-"));
    dataDir = join(root, "data");
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("creates the key file on first start, readable by its owner only", () => {
    const migrated = run(["migrate"]);
    expect(migrated.code, migrated.err).toBe(0);
    expect(existsSync(keyFile())).toBe(true);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    const ring = parseFieldKeyring(readFileSync(keyFile(), "utf8"));
    expect(ring.current).toBe("k1");
    const keys = run(["pii", "keys"]);
    expect(keys.code, keys.err).toBe(0);
    expect(keys.out).toContain("当前密钥：k1；密钥环中的密钥：k1");
    expect(keys.out).toContain("users.totp_secret：无数据");
  });

  it("rotates to a new current key and keeps the old one", () => {
    const first = parseFieldKeyring(readFileSync(keyFile(), "utf8"));
    const rotated = run(["pii", "rotate-key"]);
    expect(rotated.code, rotated.err).toBe(0);
    expect(rotated.out).toContain("字段密钥已轮换：k1 → k2");
    const ring = parseFieldKeyring(readFileSync(keyFile(), "utf8"));
    expect(ring.current).toBe("k2");
    expect(ring.keys.get("k1")?.equals(first.keys.get("k1") ?? Buffer.alloc(0))).toBe(true);
    expect(ring.indexKey.equals(first.indexKey)).toBe(true);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
  });

  it("asks for --out when the keys come from LUOSHI_FIELD_KEY", () => {
    const env = { LUOSHI_FIELD_KEY: readFileSync(keyFile(), "utf8").replace(/\n/g, ";") };
    const refused = run(["pii", "rotate-key"], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("请用 --out <文件> 指定新密钥环的保存位置");
    const out = join(root, "new.key");
    const done = run(["pii", "rotate-key", "--out", out], env);
    expect(done.code, done.err).toBe(0);
    expect(parseFieldKeyring(readFileSync(out, "utf8")).current).toBe("k3");
    expect(done.err).toContain("请将 LUOSHI_FIELD_KEY 更新为新密钥环");
  });
});
