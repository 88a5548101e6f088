import { mkdirSync } from "node:fs";
import { PGlite, types } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";
import { PGlitePool } from "./pglite-pool.ts";

/** Where the data lives: an embedded PGlite folder (default) or a PostgreSQL server. */
export type DatabaseTarget =
  | { engine: "pglite"; dataDir: string | null } // null: in memory (tests)
  | { engine: "postgres"; url: string };

/** An open database: the typed query builder plus what migrations and shutdown need. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: DatabaseTarget["engine"];
  /** Runs a multi-statement SQL script (migrations) in one transaction. */
  execScript(sqlText: string): Promise<void>;
  /**
   * From now on every connection acts as {@link APP_ROLE} (SET ROLE), which owns no table: it cannot
   * alter the audit tables or disable their triggers, and may only read and append to them. Called after
   * the migrations, which run as the owner.
   */
  useAppRole(): Promise<void>;
  close(): Promise<void>;
}

// pg returns bigint (int8) as text by default; counts and ids we read are well within 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// A calendar date stays the text "YYYY-MM-DD" on both engines: turning it into a Date would shift it
// by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
const PGLITE_OPTIONS = { parsers: { [types.DATE]: (v: string) => v } };

/** The database role the server and the CLI act as once migrated (migration 0013). */
export const APP_ROLE = "luoshi_app";

/** Opens the database the target names. The PGlite folder is created when missing. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.engine === "pglite") {
    if (target.dataDir !== null) {
      mkdirSync(target.dataDir, { recursive: true });
    }
    const lite =
      target.dataDir === null ? new PGlite(PGLITE_OPTIONS) : new PGlite(target.dataDir, PGLITE_OPTIONS);
    return pgliteHandle(lite);
  }
  return postgresHandle(target.url);
}

/**
 * An in-memory PGlite that starts from `dump`, a data folder {@link dumpPGlite} wrote: a copy of that
 * database as it was (the tests start every database from one migrated once).
 */
export function openPGliteDump(dump: Blob): Promise<DatabaseHandle> {
  return pgliteHandle(new PGlite({ ...PGLITE_OPTIONS, loadDataDir: dump }));
}

const pglites = new WeakMap<DatabaseHandle, PGlite>();

/** The whole data folder of an open PGlite database, uncompressed, for {@link openPGliteDump}. */
export function dumpPGlite(handle: DatabaseHandle): Promise<Blob> {
  const lite = pglites.get(handle);
  if (lite === undefined) {
    throw new Error("only a PGlite database can be dumped");
  }
  return lite.dumpDataDir("none");
}

async function pgliteHandle(lite: PGlite): Promise<DatabaseHandle> {
  await lite.waitReady;
  const pool = new PGlitePool(lite);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const handle: DatabaseHandle = {
    db,
    engine: "pglite",
    async execScript(sqlText) {
      // Take the pool's one connection so no request interleaves with the script.
      const client = await pool.connect();
      try {
        await lite.exec(`BEGIN;\n${sqlText}\nCOMMIT;`);
      } catch (error) {
        await lite.exec("ROLLBACK;").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async useAppRole() {
      // PGlite is one connection: the role set on it holds for every later query.
      const client = await pool.connect();
      try {
        await lite.exec(`SET ROLE ${APP_ROLE}`);
      } finally {
        client.release();
      }
    },
    close: () => db.destroy(),
  };
  pglites.set(handle, lite);
  return handle;
}

function postgresHandle(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let appRole = false;
  // A new connection takes the application's role before its first query (node-postgres runs queries
  // in the order sent, and emits "connect" before it hands the client out).
  pool.on("connect", (client) => {
    if (appRole) {
      client.query(`SET ROLE ${APP_ROLE}`).catch((error: unknown) => {
        process.emitWarning(`SET ROLE ${APP_ROLE} failed: ${String(error)}`);
      });
    }
  });
  // An idle connection the server drops (restart, admin command) must not take the process down: the
  // pool discards it and opens a new one on the next query (node-postgres asks for this handler).
  pool.on("error", (error) => {
    process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "postgres",
    async execScript(sqlText) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(sqlText);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async useAppRole() {
      appRole = true;
      // Connections opened before (by the migrations) are closed; new ones take the role as they open.
      const idle = await Promise.all(Array.from({ length: pool.idleCount }, () => pool.connect()));
      for (const client of idle) {
        client.release(true);
      }
    },
    close: () => db.destroy(),
  };
}
