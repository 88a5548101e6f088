import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE, type DatabaseHandle } from "@luoshi/db";
import { createTestDatabase, tableContents, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import { systemActor, type ServiceDeps } from "../../context.ts";
import { createTestServer, type TestServer } from "../../testing.ts";
import { createBackup, restoreBackup } from "./backup.service.ts";
import type { BackupKey } from "./backup-file.ts";

const KEY: BackupKey = { kind: "key", material: Buffer.alloc(32, 7) };
const OTHER_KEY: BackupKey = { kind: "key", material: Buffer.alloc(32, 8) };
const PASSPHRASE: BackupKey = { kind: "passphrase", passphrase: "synthetic-备份-口令-2026" };
const actor = { ...systemActor("cli:test"), role: "securityAdmin" as const };

async function emptyInstance(engine: "pglite" | "postgres", dataDir: string): Promise<ServiceDeps> {
  const handle = await createTestDatabase(engine);
  const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  return { handle, config: parsed.config, now: () => new Date() };
}

/** The audit trail in id order, as the chain runs. */
async function trail(handle: DatabaseHandle) {
  const { rows } = await auditRepo.list(handle.db, { scope: WHOLE_TREE, limit: 10_000, offset: 0 });
  return rows.sort((a, b) => a.id - b.id);
}

describe.each(testEngines())("backup and restore on %s", { timeout: 240_000 }, (engine) => {
  let dir: string;
  let source: TestServer;
  let file: string;
  const targets: ServiceDeps[] = [];
  const fresh = async (name: string) => {
    const deps = await emptyInstance(engine, join(dir, name));
    targets.push(deps);
    return deps;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-backup-"));
    source = await createTestServer(engine);
    // an attachment in the source's store, which the backup must carry
    source.deps.config.dataDir = join(dir, "source");
    const store = join(dir, "source", "attachments");
    const sha = "a".repeat(64);
    mkdirSync(store, { recursive: true });
    writeFileSync(join(store, sha), "synthetic attachment");
    file = join(dir, "all.bak");
    await createBackup(source.deps, actor, { out: file, key: KEY, algorithm: "aes-256-gcm" });
  }, 240_000);
  afterAll(async () => {
    await source.close();
    for (const t of targets) {
      await t.handle.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores every row of every table into a fresh instance, the audit chain as it was", async () => {
    const target = await fresh("target");
    const summary = await restoreBackup(target, actor, {
      file: readFileSync(file),
      fileName: file,
      key: KEY,
    });
    expect(summary.attachments).toBe(1);
    expect(readFileSync(join(dir, "target", "attachments", "a".repeat(64)), "utf8")).toBe(
      "synthetic attachment",
    );

    const before = await tableContents(source.handle.db);
    const after = await tableContents(target.handle.db);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, rows] of before) {
      // the trail and its seals differ by the row each side wrote after the dump (checked below)
      if (table !== "audit_log" && table !== "audit_seal") {
        expect(after.get(table), table).toEqual(rows);
      }
    }
    // The source wrote its backup row after the dump, the target its restore row after the data.
    const sourceTrail = await trail(source.handle);
    const targetTrail = await trail(target.handle);
    expect(sourceTrail.at(-1)?.action).toBe("backup.create");
    expect(targetTrail.at(-1)).toMatchObject({ action: "backup.restore", actor_login: "cli:test" });
    expect(targetTrail.slice(0, -1)).toEqual(sourceTrail.slice(0, -1));
    expect(targetTrail.at(-1)?.prev_hash).toBe(targetTrail.at(-2)?.hash);
    expect(sourceTrail.length).toBeGreaterThan(10);
  });

  it("refuses a wrong key, a damaged file and a non-empty target, writing nothing", async () => {
    const target = await fresh("refused");
    const freshContents = await tableContents(target.handle.db);
    const bytes = readFileSync(file);
    await expect(
      restoreBackup(target, actor, { file: bytes, fileName: file, key: OTHER_KEY }),
    ).rejects.toThrow(/密钥不对：该备份用标识为 [0-9a-f]{16} 的密钥加密/);
    await expect(
      restoreBackup(target, actor, { file: bytes, fileName: file, key: PASSPHRASE }),
    ).rejects.toThrow(/该备份用密钥加密/);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 0x01;
    await expect(restoreBackup(target, actor, { file: damaged, fileName: file, key: KEY })).rejects.toThrow(
      "备份文件已损坏或被改动（完整性校验未通过）；未恢复任何数据",
    );
    const header = Buffer.from(bytes.toString("latin1").replace('"engine":"', '"engine":"x'), "latin1");
    await expect(restoreBackup(target, actor, { file: header, fileName: file, key: KEY })).rejects.toThrow(
      /完整性校验未通过/,
    );
    await expect(
      restoreBackup(target, actor, { file: bytes.subarray(0, 40), fileName: file, key: KEY }),
    ).rejects.toThrow(/备份文件头已损坏/);
    await expect(
      restoreBackup(target, actor, { file: Buffer.from("PK\x03\x04"), fileName: file, key: KEY }),
    ).rejects.toThrow(/不是落实备份文件/);
    for (const [table, rows] of await tableContents(target.handle.db)) {
      // a fresh instance holds only the seal that starts its audit trail and the checklists the
      // migrations ship, exactly as before the refused attempts
      if (table === "inspection_checklists" || table === "inspection_checklist_items") {
        expect(rows, table).toEqual(freshContents.get(table));
        expect(rows.length, table).toBeGreaterThan(0);
      } else {
        expect(table === "audit_seal" ? rows.filter((r) => !r.startsWith('["0",')) : rows, table).toEqual([]);
      }
    }

    // into the source itself: it holds data
    const before = await tableContents(source.handle.db);
    await expect(
      restoreBackup(source.deps, actor, { file: bytes, fileName: file, key: KEY }),
    ).rejects.toThrow(/目标实例已有数据（.*org_units \d+ 行.*）：恢复只能在新建的空实例上进行/);
    expect(await tableContents(source.handle.db)).toEqual(before);
  });

  it("writes SM4 with HMAC-SM3 under a passphrase, and reads it back", async () => {
    const sm4 = join(dir, "sm4.bak");
    const written = await createBackup(source.deps, actor, {
      out: sm4,
      key: PASSPHRASE,
      algorithm: "sm4-ctr-hmac-sm3",
    });
    expect(written.header).toMatchObject({ algorithm: "sm4-ctr-hmac-sm3", key: { source: "passphrase" } });
    const target = await fresh("sm4");
    await expect(
      restoreBackup(target, actor, {
        file: readFileSync(sm4),
        fileName: sm4,
        key: { kind: "passphrase", passphrase: "not-the-passphrase" },
      }),
    ).rejects.toThrow("口令不对：无法解密该备份；未恢复任何数据");
    const summary = await restoreBackup(target, actor, {
      file: readFileSync(sm4),
      fileName: sm4,
      key: PASSPHRASE,
    });
    expect(summary.rows.org_units).toBeGreaterThan(5);
    const before = await tableContents(source.handle.db);
    const after = await tableContents(target.handle.db);
    expect(after.get("users")).toEqual(before.get("users"));
  });
});
