import pg from "pg";
import { sql, type Kysely } from "kysely";
import { attachAuditKey } from "./audit-key.ts";
import type { EncryptedColumn } from "./encrypted-columns.ts";
import { attachFieldKeyring, type FieldKeyring } from "./field-crypto.ts";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { APP_ROLE, dumpPGlite, openDatabase, openPGliteDump, type DatabaseHandle } from "./client.ts";
import { migrate } from "./migrate.ts";
import { auditRepo } from "./repos/audit.repo.ts";
import { backupRepo } from "./repos/backup.repo.ts";
import type { Db } from "./db.ts";
import type { Database } from "./schema.ts";

/** The audit key of test databases (tests only; an installation's key is its own, outside the database). */
export const TEST_AUDIT_KEY = Buffer.from("luoshi-test-audit-key-not-for-production");

/**
 * The field keyring of test databases (tests only): fixed, visibly not a secret, so that a value
 * encrypted in one test run opens in the next. An installation's keyring is its own, outside the database.
 */
export const TEST_FIELD_KEYRING: FieldKeyring = {
  current: "test1",
  keys: new Map([["test1", Buffer.from("luoshi-test-field-key-NOT-SECRET")]]),
  indexKey: Buffer.from("luoshi-test-index-key-NOT-SECRET"),
};

/** As a deployment runs: the test keys attached, the genesis seal written, the application's role taken. */
async function asDeployed(handle: DatabaseHandle): Promise<DatabaseHandle> {
  attachAuditKey(handle.db, TEST_AUDIT_KEY);
  attachFieldKeyring(handle.db, TEST_FIELD_KEYRING);
  await auditRepo.ensureGenesis(handle.db, TEST_AUDIT_KEY);
  await handle.useAppRole();
  return handle;
}

/**
 * Runs `work` on one connection as the database's owner (a superuser in the tests), the way an operator
 * at the database console would: for tests that show what only the owner can do, and that the trail
 * notices it. The connection takes the application's role again afterwards.
 */
export async function asOwner<T>(
  db: Kysely<Database>,
  work: (owner: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`RESET ROLE`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql.raw(`SET ROLE ${APP_ROLE}`).execute(conn);
    }
  });
}

/** The engines the data-layer and API tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): ("pglite" | "postgres")[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * Where a test run keeps its once-migrated databases (set by the unit tests' global setup through
 * {@link prepareMigratedTemplates}): a PGlite dump file, and a PostgreSQL template database's name. A
 * process without them migrates each database itself.
 */
const PGLITE_TEMPLATE_ENV = "LUOSHI_TEST_PGLITE_DUMP";
const POSTGRES_TEMPLATE_ENV = "LUOSHI_TEST_PG_TEMPLATE";

/**
 * Migrates one database per engine for a whole test run, so that each test file's database is a copy
 * instead of nineteen migrations on a freshly initialised cluster (most of a data test file's time):
 * a PGlite data folder dumped to a file in `dir`, and on the server of TEST_DATABASE_URL a template
 * database. Sets the variables {@link createTestDatabase} reads in the test processes; the returned
 * function drops the template.
 */
export async function prepareMigratedTemplates(dir: string): Promise<() => Promise<void>> {
  const lite = await openDatabase({ engine: "pglite", dataDir: null });
  await migrate(lite);
  const file = join(dir, "migrated.pglite.tar");
  writeFileSync(file, Buffer.from(await (await dumpPGlite(lite)).arrayBuffer()));
  await lite.close();
  process.env[PGLITE_TEMPLATE_ENV] = file;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    return () => Promise.resolve();
  }
  const template = await createTestDatabaseUrl();
  const pgHandle = await openDatabase({ engine: "postgres", url: template.url });
  await migrate(pgHandle);
  await pgHandle.close();
  process.env[POSTGRES_TEMPLATE_ENV] = new URL(template.url).pathname.slice(1);
  return template.drop;
}

let pgliteDump: Blob | undefined;

/** A migrated in-memory PGlite: a copy of the run's template when there is one. */
async function migratedPGlite(): Promise<DatabaseHandle> {
  const file = process.env[PGLITE_TEMPLATE_ENV];
  if (file !== undefined && existsSync(file)) {
    pgliteDump ??= new Blob([readFileSync(file)]);
    return openPGliteDump(pgliteDump);
  }
  const handle = await openDatabase({ engine: "pglite", dataDir: null });
  await migrate(handle);
  return handle;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL server of TEST_DATABASE_URL that is dropped again on close — copies of the run's migrated
 * templates when the global setup made them. It runs as a deployment does: as the application's role,
 * audit rows sealed with {@link TEST_AUDIT_KEY} — or, with `asOwner`, as the migrating owner before any
 * of that, migrated from scratch on a new cluster or database (for tests of the migrations themselves).
 */
export async function createTestDatabase(
  engine: "pglite" | "postgres",
  options: { asOwner?: boolean } = {},
): Promise<DatabaseHandle> {
  const fromScratch = options.asOwner === true;
  if (engine === "pglite") {
    if (fromScratch) {
      const handle = await openDatabase({ engine: "pglite", dataDir: null });
      await migrate(handle);
      return handle;
    }
    return asDeployed(await migratedPGlite());
  }
  const template = fromScratch ? undefined : process.env[POSTGRES_TEMPLATE_ENV];
  const fresh = await createTestDatabaseUrl(template);
  const handle = await openDatabase({ engine: "postgres", url: fresh.url });
  try {
    await migrate(handle);
    if (!fromScratch) {
      await asDeployed(handle);
    }
  } catch (error) {
    await handle.close();
    await fresh.drop();
    throw error;
  }
  return {
    ...handle,
    async close() {
      await handle.close();
      await fresh.drop();
    },
  };
}

/**
 * A new database on the PostgreSQL server of TEST_DATABASE_URL — empty, for a process of its own (the
 * CLI, a server) to migrate and use, or a copy of the `template` database; `drop` removes it again.
 */
export async function createTestDatabaseUrl(
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error("TEST_DATABASE_URL is not set");
  }
  const name = `luoshi_test_${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template === undefined ? "" : ` TEMPLATE ${template}`}`);
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

/**
 * What a database superuser can do behind the application's back: switch the audit table's guard off,
 * change who did the `nth` row (1 = the first), switch it on again. Returns the row's id. For tests that
 * show the verification finds it.
 */
export async function superuserEditsAuditRow(db: Kysely<Database>, nth: number): Promise<number> {
  return asOwner(db, async (owner) => {
    const row = await sql<{
      id: number;
    }>`SELECT id::int AS id FROM audit_log ORDER BY id OFFSET ${nth - 1} LIMIT 1`.execute(owner);
    const id = row.rows[0]?.id;
    if (id === undefined) {
      throw new Error(`the trail has fewer than ${String(nth)} rows`);
    }
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(owner);
    await sql`UPDATE audit_log SET actor_login = 'someone.else' WHERE id = ${id}`.execute(owner);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(owner);
    return id;
  });
}

/**
 * Renames a table as the owner while `work` runs, then back: a database that fails under the
 * application (for tests of what an error answer gives away).
 */
export async function asOwnerRenameTable<T>(
  db: Kysely<Database>,
  table: string,
  to: string,
  work: () => Promise<T>,
): Promise<T> {
  await asOwner(db, (owner) =>
    sql`ALTER TABLE ${sql.table(table)} RENAME TO ${sql.table(to)}`.execute(owner),
  );
  try {
    return await work();
  } finally {
    await asOwner(db, (owner) =>
      sql`ALTER TABLE ${sql.table(to)} RENAME TO ${sql.table(table)}`.execute(owner),
    );
  }
}

/**
 * A throwaway table with one encrypted column, standing for a registry's (tests of key rotation): made
 * by the owner, readable and writable by the application, filled with `values` in order (serial ids from
 * 1, or random uuids).
 */
export async function createEncryptedProbe(
  db: Kysely<Database>,
  table: string,
  values: readonly (string | null)[],
  key: "serial" | "uuid" = "serial",
): Promise<EncryptedColumn> {
  const id = sql.raw(key === "uuid" ? "uuid PRIMARY KEY DEFAULT gen_random_uuid()" : "serial PRIMARY KEY");
  await asOwner(db, async (owner) => {
    await sql`CREATE TABLE ${sql.table(table)} (id ${id}, secret text)`.execute(owner);
    await sql.raw(`GRANT SELECT, UPDATE ON ${table} TO ${APP_ROLE}`).execute(owner);
    await sql`INSERT INTO ${sql.table(table)} (secret) SELECT unnest(${[...values]}::text[])`.execute(owner);
  });
  return { table, key: "id", column: "secret" };
}

/** The values of an encrypted column, by key, in key order. */
export async function readEncryptedColumn(
  db: Kysely<Database>,
  c: EncryptedColumn,
): Promise<{ key: string; value: string | null }[]> {
  const rows = await sql<{ key: string; value: string | null }>`
    SELECT ${sql.ref(c.key)}::text AS key, ${sql.ref(c.column)} AS value FROM ${sql.table(c.table)}
    ORDER BY ${sql.ref(c.key)}`.execute(db);
  return rows.rows;
}

/** What someone with database access could do: overwrite one stored value behind the application. */
export async function overwriteEncryptedValue(
  db: Kysely<Database>,
  c: EncryptedColumn,
  key: string,
  value: string,
): Promise<void> {
  await asOwner(db, (owner) =>
    sql`UPDATE ${sql.table(c.table)} SET ${sql.ref(c.column)} = ${value} WHERE ${sql.ref(c.key)}::text = ${key}`.execute(
      owner,
    ),
  );
}
