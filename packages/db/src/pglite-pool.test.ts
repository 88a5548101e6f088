import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "./client.ts";

/**
 * The embedded database answers each statement synchronously, so a request's statements chain through
 * promises alone. Without a turn of the event loop between borrowers, twenty requests running side by side
 * never let the server read a socket until all of them are done (issue 14: under load, requests waited
 * in the kernel's buffers for seconds and the 报送 writes never started).
 */
describe("PGlitePool", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ engine: "pglite", dataDir: null });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("lets waiting I/O run between borrowers while many requests query at once", async () => {
    let done = 0;
    const request = async () => {
      for (let i = 0; i < 100; i++) {
        await sql`SELECT 1`.execute(handle.db);
        done += 1;
      }
    };
    // a socket read stands for every I/O callback the loop runs in its poll phase
    const ioRanAfter = new Promise<number>((resolve) => {
      setTimeout(() => {
        resolve(done);
      }, 0);
    });
    await Promise.all(Array.from({ length: 20 }, request));
    expect(done).toBe(2000);
    // Without the turns the timer ran after all 2,000. With them it runs after one or two slices of
    // 5 ms, however many statements a slice holds on this machine (about 40 on a loaded one, 120 on
    // a quiet one): well before half of them.
    expect(await ioRanAfter).toBeLessThan(1000);
  });

  it("keeps a transaction's statements together: no other borrower runs inside it", async () => {
    await sql`CREATE TEMP TABLE pool_t (n int)`.execute(handle.db);
    const seen: number[] = [];
    await Promise.all([
      handle.db
        .transaction()
        .execute(async (trx) => {
          await sql`INSERT INTO pool_t VALUES (1)`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, 20));
          const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pool_t`.execute(trx);
          seen.push(rows[0]?.n ?? -1);
          await sql`ROLLBACK`.execute(trx).catch(() => undefined);
        })
        .catch(() => undefined),
      sql`INSERT INTO pool_t VALUES (2)`.execute(handle.db),
    ]);
    expect(seen).toEqual([1]);
  });
});
