import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/**
 * Presents one PGlite instance as the pool Kysely's PostgresDialect expects. PGlite is a single
 * connection, so the pool hands it out to one borrower at a time: without that, a request's statement
 * could land inside another request's open transaction.
 */
export class PGlitePool implements PostgresPool {
  private readonly db: PGlite;
  private queue: Promise<void> = Promise.resolve();

  constructor(db: PGlite) {
    this.db = db;
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.queue;
    this.queue = previous.then(() => released);
    await previous;
    const db = this.db;
    const client = {
      async query<R>(sqlText: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
        const result = await db.query<R>(sqlText, parameters as unknown[]);
        const command = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase();
        return {
          command: (command ?? "SELECT") as PostgresQueryResult<R>["command"],
          rowCount: result.affectedRows ?? result.rows.length,
          rows: result.rows,
        };
      },
      release() {
        release();
      },
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.queue;
    await this.db.close();
  }
}
