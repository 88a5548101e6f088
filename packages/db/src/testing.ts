import pg from "pg";
import { openDatabase, type DatabaseHandle } from "./client.ts";
import { migrate } from "./migrate.ts";

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
  const handle = await openDatabase({ engine: "postgres", url: url.toString() });
  await migrate(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
