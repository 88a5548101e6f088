import { sql } from "kysely";
import type { Db } from "../db.ts";
import type { EncryptedColumn } from "../encrypted-columns.ts";
import { decryptWith, encryptWith, type FieldKeyring } from "../field-crypto.ts";

/** The SQL type of a registered table's key column, from the catalog (e.g. `uuid`, `integer`). */
async function keyTypeOf(db: Db, c: EncryptedColumn): Promise<string> {
  const r = await sql<{ t: string }>`
    SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute
    WHERE attrelid = ${c.table}::regclass AND attname = ${c.key} AND NOT attisdropped`.execute(db);
  const type = r.rows[0]?.t;
  if (type === undefined || !/^[a-z][a-z0-9 ]*$/.test(type)) {
    throw new Error(`${c.table}.${c.key}: 无法确定主键类型`);
  }
  return type;
}

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
    const keys: string[] = [];
    const values: string[] = [];
    for (const r of rows.rows) {
      let plain: string;
      try {
        plain = decryptWith(ring, r.v);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(`${c.table}.${c.column}（${c.key} = ${r.k}）无法解密：${why}`, { cause: error });
      }
      keys.push(r.k);
      values.push(encryptWith(ring, plain));
    }
    if (keys.length > 0) {
      // one statement per batch; the keys are cast to the key column's own type so that its index is used
      const keyType = sql.raw(await keyTypeOf(db, c));
      await sql`UPDATE ${sql.table(c.table)} AS t SET ${sql.ref(c.column)} = u.v
        FROM unnest(${keys}::text[], ${values}::text[]) AS u(k, v)
        WHERE t.${sql.ref(c.key)} = u.k::${keyType}`.execute(db);
    }
    return rows.rows.length;
  },
};
