import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { DatabaseHandle } from "./client.ts";
import { listMigrations, migrate } from "./migrate.ts";
import { createTestDatabase, testEngines } from "./testing.ts";

/** The schema as information_schema describes it: the same on PGlite and PostgreSQL. */
async function describeSchema(handle: DatabaseHandle): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END AS line
    FROM information_schema.columns
    WHERE table_schema = 'public'
    ORDER BY table_name, ordinal_position`.execute(handle.db);
  return rows.map((r) => r.line);
}

describe.each(testEngines())("migrations on %s", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    // migrations run as the owner, before the application takes its role
    handle = await createTestDatabase(engine, { asOwner: true });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("applies every migration once and then nothing", async () => {
    const versions = (
      await handle.db.selectFrom("schema_migrations").select("version").orderBy("version").execute()
    ).map((r) => r.version);
    expect(versions).toEqual(listMigrations().map((m) => m.version));
    expect(await migrate(handle)).toEqual([]);
  });

  it("matches the schema snapshot (a changed schema needs a new migration, never an edited one)", async () => {
    await expect(`${(await describeSchema(handle)).join("\n")}\n`).toMatchFileSnapshot(
      "../schema.snapshot.txt",
    );
  });

  it("rolls back a failing migration whole", async () => {
    const bad = [
      { version: "9999_broken", sql: "CREATE TABLE half_done (id int);\nSELECT no_such_function();" },
    ];
    await expect(migrate(handle, bad)).rejects.toThrow();
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`.execute(
      handle.db,
    );
    expect(rows[0]?.n).toBe(0);
    expect(await migrate(handle)).toEqual([]);
  });
});
