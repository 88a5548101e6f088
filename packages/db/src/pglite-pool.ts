import type { PGlite } from "@electric-sql/pglite";
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/** How long borrowers may follow one another before the event loop gets a turn (reads, timers). */
const SLICE_MS = 5;

/**
 * Presents one PGlite instance as the pool Kysely's PostgresDialect expects. PGlite is a single
 * connection, so the pool hands it out to one borrower at a time: without that, a request's statement
 * could land inside another request's open transaction.
 *
 * PGlite runs each statement synchronously and answers through an already settled promise, so
 * borrowers queued here would follow one another through promise callbacks alone, and the event loop
 * would not read a socket or fire a timer until every queued borrower was done: under load, new
 * requests (the 报送 writes among them) then waited unread for seconds (issue 14). So once the
 * connection has been handed on for {@link SLICE_MS} without a pause, the next borrower gets it on a
 * later turn of the event loop (`setImmediate`), after the loop has polled for I/O; a transaction keeps
 * it for all its statements.
 */
export class PGlitePool implements PostgresPool {
  private readonly db: PGlite;
  private queue: Promise<void> = Promise.resolve();
  /** When the event loop last had its turn between two borrowers. */
  private yieldedAt = performance.now();

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
    if (performance.now() - this.yieldedAt > SLICE_MS) {
      await new Promise<void>((resolve) => {
        setImmediate(resolve);
      });
      this.yieldedAt = performance.now();
    }
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
