import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { DatabaseHandle } from "./client.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations/", import.meta.url));

/** A migration file: `0001_init.sql` → version `0001_init`. */
export interface Migration {
  version: string;
  sql: string;
}

/** The migration files in order. Forward-only: a shipped file is never edited. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ""), sql: readFileSync(`${dir}${f}`, "utf8") }));
}

/** Applies every migration not yet applied, each in its own transaction. Returns the versions applied. */
export async function migrate(handle: DatabaseHandle, migrations = listMigrations()): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(handle.db);
  const done = new Set(
    (await handle.db.selectFrom("schema_migrations").select("version").execute()).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) {
      continue;
    }
    const quoted = m.version.replace(/'/g, "''");
    await handle.execScript(`${m.sql}\nINSERT INTO schema_migrations (version) VALUES ('${quoted}');`);
    applied.push(m.version);
  }
  return applied;
}
