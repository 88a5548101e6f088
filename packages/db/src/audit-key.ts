import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/**
 * The audit key of each open database — the key that seals audit rows (HMAC-SM3), kept outside the
 * database (docs/security.md). A transaction started through `inTransaction` inherits its database's
 * key, so that the audit repository finds it on whichever `Db` a service writes through.
 */
const keys = new WeakMap<Kysely<Database>, Buffer>();

/** Gives the open database its audit key; every audit row written through it is sealed with it. */
export function attachAuditKey(db: Kysely<Database>, key: Buffer): void {
  keys.set(db, key);
}

/** The audit key of a database or of a transaction on it, if one was attached. */
export function auditKeyOf(db: Kysely<Database>): Buffer | undefined {
  return keys.get(db);
}

/** Hands a database's key to a transaction on it. */
export function inheritAuditKey(from: Kysely<Database>, to: Kysely<Database>): void {
  const key = keys.get(from);
  if (key !== undefined) {
    keys.set(to, key);
  }
}
