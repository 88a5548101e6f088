import pg from "pg";
import { openDatabase, type DatabaseHandle } from "./client.ts";
import { migrate } from "./migrate.ts";
import type { Db } from "./db.ts";
import { backupRepo } from "./repos/backup.repo.ts";

/** The engines the data-layer and API tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): ("pglite" | "postgres")[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL that is dropped again on close.
 */
export async function createTestDatabase(engine: "pglite" | "postgres"): Promise<DatabaseHandle> {
  if (engine === "pglite") {
    const handle = await openDatabase({ engine: "pglite", dataDir: null });
    await migrate(handle);
    return handle;
  }
  const fresh = await createTestDatabaseUrl();
  const handle = await openDatabase({ engine: "postgres", url: fresh.url });
  await migrate(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server of TEST_DATABASE_URL, for a process of its own (the CLI,
 * a server) to migrate and use; `drop` removes it again.
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error("TEST_DATABASE_URL is not set");
  }
  const name = `luoshi_test_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/**
 * Every application table of `db` as sorted lines, one per row with every column (generated ones too) as
 * text: two databases hold the same data when these are equal.
 */
export async function tableContents(db: Db): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const t of await backupRepo.listTables(db)) {
    const rows = await backupRepo.readRows(db, t, await backupRepo.allColumns(db, t.name));
    out.set(t.name, rows.map((r) => JSON.stringify(r)).sort());
  }
  return out;
}
