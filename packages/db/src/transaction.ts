import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

/**
 * What repository functions run on: the database or an open transaction. Services pass
 * `deps.handle.db`, or the transaction {@link inTransaction} hands them, without naming either type.
 */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. Services
 * group a write and its audit entry this way without touching the query builder.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(work);
}
