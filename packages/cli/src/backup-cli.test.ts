import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseTarget } from "@luoshi/db";
import { createTestDatabaseUrl, tableContents } from "@luoshi/db/testing";
import { copyDemoData, runCli } from "./run-cli.ts";

/** Every table of the database at `target`, as sorted text rows (the audit trail by id). */
async function contents(target: DatabaseTarget): Promise<Map<string, string[]>> {
  const handle = await openDatabase(target);
  try {
    const tables = await tableContents(handle.db);
    const audit = tables.get("audit_log") ?? [];
    tables.set(
      "audit_log",
      audit.sort((a, b) => Number((JSON.parse(a) as string[])[0]) - Number((JSON.parse(b) as string[])[0])),
    );
    return tables;
  } finally {
    await handle.close();
  }
}

/** The action of an audit line as {@link contents} gives it. */
const action = (line: string | undefined) => (JSON.parse(line ?? "[]") as string[])[5];

/**
 * `b` holds what `a` held when the backup was taken: every table equal row by row, and the audit trail
 * equal up to the row each side wrote afterwards (backup in `a`, restore in `b`).
 */
function expectRestored(a: Map<string, string[]>, b: Map<string, string[]>): void {
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [table, rows] of a) {
    // the trail and its seals differ by the row each side wrote afterwards (checked below)
    if (table !== "audit_log" && table !== "audit_seal") {
      expect(b.get(table), table).toEqual(rows);
    }
  }
  const before = a.get("audit_log") ?? [];
  const after = b.get("audit_log") ?? [];
  expect(action(before.at(-1))).toBe("backup.create");
  expect(action(after.at(-1))).toBe("backup.restore");
  expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
}

// Child processes on a busy 2-core machine: the budget makes only a hung command fail on time.
describe("luoshi backup and restore of the demo county", { timeout: 600_000 }, () => {
  let dir: string;
  let keyFile: string;
  const lite = (name: string): DatabaseTarget => ({ engine: "pglite", dataDir: join(dir, name, "db") });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-backup-cli-"));
    copyDemoData(join(dir, "demo"));
    keyFile = join(dir, "backup.key");
    writeFileSync(keyFile, `${"5a".repeat(32)}\n`);
  }, 600_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("round-trips the embedded database into a fresh data folder, row by row", async () => {
    const file = join(dir, "demo.bak");
    const backup = runCli(join(dir, "demo"), ["backup", file, "--key-file", keyFile]);
    expect(backup.err).toBe("");
    expect(backup.out).toMatch(
      /^已备份到 .*demo\.bak：\d+ 张表，\d+ 行.*算法 aes-256-gcm，密钥标识 [0-9a-f]{16}/,
    );
    expect(readFileSync(file).subarray(0, 16).toString()).toBe("LUOSHI-BACKUP 1\n");

    const wrong = join(dir, "wrong.key");
    writeFileSync(wrong, "00".repeat(32));
    const refused = runCli(join(dir, "refused"), ["restore", file, "--key-file", wrong]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/密钥不对：该备份用标识为 [0-9a-f]{16} 的密钥加密.*未恢复任何数据/);
    for (const [table, rows] of await contents(lite("refused"))) {
      // a fresh instance holds only the seal that starts its audit trail and the checklists the
      // migrations ship (their area is empty)
      if (table === "inspection_checklists") {
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.includes(",null,"))).toBe(true);
      } else if (table !== "inspection_checklist_items") {
        expect(table === "audit_seal" ? rows.filter((r) => !r.startsWith('["0",')) : rows, table).toEqual([]);
      }
    }

    const restore = runCli(join(dir, "restored"), ["restore", file], {
      env: { LUOSHI_BACKUP_KEY: "5a".repeat(32) },
    });
    expect(restore.err).toBe("");
    expect(restore.out).toMatch(/^已恢复 .*来自 pglite.*已核对每一行/);
    expectRestored(await contents(lite("demo")), await contents(lite("restored")));
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "moves the demo county to a fresh PostgreSQL database and back, row by row",
    async () => {
      const first = join(dir, "to-pg.bak");
      expect(runCli(join(dir, "demo"), ["backup", first, "--key-file", keyFile]).code).toBe(0);
      const pg = await createTestDatabaseUrl();
      try {
        const env = { DATABASE_URL: pg.url };
        const restore = runCli(join(dir, "pg"), ["restore", first, "--passphrase-stdin"], {
          env,
          input: "a passphrase, not the key\n",
        });
        expect(restore.err).toMatch(/该备份用密钥加密：请给出密钥/);
        expect(runCli(join(dir, "pg"), ["restore", first, "--key-file", keyFile], { env }).code).toBe(0);
        const onPg = await contents({ engine: "postgres", url: pg.url });
        expectRestored(await contents(lite("demo")), onPg);

        const second = join(dir, "from-pg.bak");
        const backup = runCli(
          join(dir, "pg"),
          ["backup", second, "--passphrase-stdin", "--algorithm", "sm4-ctr-hmac-sm3"],
          {
            env,
            input: "synthetic backup passphrase\n",
          },
        );
        expect(backup.out).toMatch(/算法 sm4-ctr-hmac-sm3/);
        const back = runCli(join(dir, "back"), ["restore", second], {
          env: { LUOSHI_BACKUP_PASSPHRASE: "synthetic backup passphrase" },
        });
        expect(back.out).toMatch(/来自 postgres/);
        expectRestored(await contents({ engine: "postgres", url: pg.url }), await contents(lite("back")));
      } finally {
        await pg.drop();
      }
    },
  );
});
