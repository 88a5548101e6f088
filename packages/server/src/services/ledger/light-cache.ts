import { dataVersionRepo, type Db } from "@luoshi/db";
import { versionedCache } from "../versioned-cache.ts";

/**
 * The 台账's lights of a scope, kept per database while the ledger's change counter (migration 0026:
 * tasks, their units, milestones and reports, and the org units a scope is drawn from) stands still.
 * The key carries the China day the lights are for: a new day computes them again.
 */
const lights = versionedCache((db) => dataVersionRepo.ledger(db), 64);

/** The result for `key`, computed by `compute` unless the same ledger version already has it. */
export function byLedgerVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  return lights.get(db, key, compute);
}

/** Drops the kept lights of a database (the ledger benchmark measures the computation with it). */
export function forgetLedgerLights(db: Db): void {
  lights.forget(db);
}
