import {
  addFieldKey,
  attachFieldKeyring,
  ENCRYPTED_COLUMNS,
  fieldKeyring,
  fieldRotationRepo,
  inTransaction,
  type ColumnKeyCount,
  type EncryptedColumn,
  type FieldKeyring,
} from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** Rows rewritten per transaction while rotating. */
const BATCH = 500;

/** What a rotation did: the key ids before and after, and how many values each column re-encrypted. */
export interface RotationResult {
  from: string;
  to: string;
  columns: { table: string; column: string; rewritten: number }[];
}

/**
 * 轮换字段密钥 (docs/personal-data.md): adds a new key to the ring and makes it current, saves the ring
 * through `save` (the key file, or a file the operator names) BEFORE any value changes, then re-encrypts
 * every registered column in batches of {@link BATCH} rows, one transaction each. The old keys stay in
 * the ring, so a crash half-way leaves every value readable and a second run simply finishes the job;
 * older backups still open. One audit row records the rotation (key ids and counts, never keys).
 */
export async function rotateFieldKey(
  deps: ServiceDeps,
  actor: Actor,
  save: (ring: FieldKeyring) => void,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
): Promise<RotationResult> {
  const { db } = deps.handle;
  const before = fieldKeyring(db);
  const next = addFieldKey(before);
  save(next);
  attachFieldKeyring(db, next);
  const result: RotationResult = { from: before.current, to: next.current, columns: [] };
  for (const c of columns) {
    let rewritten = 0;
    for (;;) {
      const n = await inTransaction(db, (trx) => fieldRotationRepo.reencryptBatch(trx, c, next, BATCH));
      rewritten += n;
      if (n < BATCH) {
        break;
      }
    }
    result.columns.push({ table: c.table, column: c.column, rewritten });
  }
  await recordAudit(db, actor, {
    action: "pii.rotate-key",
    entityType: "field-key",
    entityId: next.current,
    details: { from: result.from, to: result.to, columns: result.columns },
  });
  return result;
}

/** How many values each key id holds, per registered column (to see when an old key is unused). */
export async function fieldKeyUsage(
  deps: ServiceDeps,
  columns: readonly EncryptedColumn[] = ENCRYPTED_COLUMNS,
): Promise<{ current: string; keys: string[]; columns: ColumnKeyCount[] }> {
  const ring = fieldKeyring(deps.handle.db);
  const out: ColumnKeyCount[] = [];
  for (const c of columns) {
    out.push(await fieldRotationRepo.countByKey(deps.handle.db, c));
  }
  return { current: ring.current, keys: [...ring.keys.keys()], columns: out };
}
