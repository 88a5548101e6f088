import { sql } from "kysely";
import type { Db } from "../db.ts";
import type { EncryptedColumn } from "../encrypted-columns.ts";
import { decryptWith, encryptWith, type FieldKeyring } from "../field-crypto.ts";

/** How many values of one encrypted column each key id holds. */
export interface ColumnKeyCount {
  table: string;
  column: string;
  /** Key id → number of non-null values sealed with it. */
  byKey: Record<string, number>;
}

/**
 * Reads and rewrites the registered encrypted columns (`ENCRYPTED_COLUMNS`) for key rotation. Table and
 * column names come from that registry, never from input.
 */
export const fieldRotationRepo = {
  /** Values per key id in one column. */
  async countByKey(db: Db, c: EncryptedColumn): Promise<ColumnKeyCount> {
    const rows = await sql<{ key_id: string; n: string | number }>`
      SELECT split_part(${sql.ref(c.column)}, ':', 1) AS key_id, count(*) AS n
      FROM ${sql.table(c.table)} WHERE ${sql.ref(c.column)} IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(db);
    const byKey: Record<string, number> = {};
    for (const r of rows.rows) {
      byKey[r.key_id] = Number(r.n);
    }
    return { table: c.table, column: c.column, byKey };
  },

  /**
   * Re-encrypts up to `limit` values of a column that are not yet under the ring's current key, with
   * the current key; returns how many it rewrote (0 when the column is done). Each value is checked
   * (opened) before it is rewritten, so a value that does not open stops the rotation with its row.
   */
  async reencryptBatch(db: Db, c: EncryptedColumn, ring: FieldKeyring, limit: number): Promise<number> {
    const prefix = `${ring.current}:`;
    const rows = await sql<{ k: string; v: string }>`
      SELECT ${sql.ref(c.key)}::text AS k, ${sql.ref(c.column)} AS v FROM ${sql.table(c.table)}
      WHERE ${sql.ref(c.column)} IS NOT NULL AND left(${sql.ref(c.column)}, ${prefix.length}) <> ${prefix}
      ORDER BY ${sql.ref(c.key)} LIMIT ${limit}`.execute(db);
    for (const r of rows.rows) {
      let plain: string;
      try {
        plain = decryptWith(ring, r.v);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`${c.table}.${c.column}（${c.key} = ${r.k}）无法解密：${why}`, { cause: error });
      }
      await sql`UPDATE ${sql.table(c.table)} SET ${sql.ref(c.column)} = ${encryptWith(ring, plain)}
        WHERE ${sql.ref(c.key)} = ${r.k}`.execute(db);
    }
    return rows.rows.length;
  },
};
