import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";
import { inheritAuditKey } from "./audit-key.ts";
import { inheritFieldKeyring } from "./field-crypto.ts";

/**
 * What every repository function reads and writes through: the open database or a transaction on it.
 * Services hold one of these and pass it on; they never build a query with it (all SQL lives here).
 */
export type Db = Kysely<Database> | Transaction<Database>;

/** A transaction on the database, as {@link inTransaction} hands it to its work. */
export type Tx = Transaction<Database>;

/**
 * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. Services use
 * this rather than the query builder's own API so that no code outside packages/db touches Kysely.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => {
    inheritAuditKey(db, trx);
    inheritFieldKeyring(db, trx);
    return work(trx);
  });
}
