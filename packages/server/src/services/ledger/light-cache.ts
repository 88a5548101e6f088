import { dataVersionRepo, type Db } from "@luoshi/db";

/**
 * The 台账's lights of a scope, kept per database for as long as nothing they are computed from has
 * changed. The database counts every change to tasks, their units, milestones and reports, and to the
 * org units a scope is drawn from (migration 0026), whoever makes it, so one small read per request
 * says whether kept lights are still the ones a fresh computation would give. The key carries the
 * China day the lights are for: a new day computes them again.
 *
 * Only what depends on those tables and the key may be kept here; the caller checks the actor's
 * permission and builds the key from the actor's own task scope (a kept result never widens it).
 */

/** How many scopes one database keeps; past that the oldest go first. */
const MAX_ENTRIES = 64;

interface Kept {
  version: number;
  entries: Map<string, Promise<unknown>>;
}

const kept = new WeakMap<Db, Kept>();

/** The result for `key`, computed by `compute` unless the same ledger version already has it. */
export async function byLedgerVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersionRepo.ledger(db);
  let cache = kept.get(db);
  if (cache?.version !== version) {
    cache = { version, entries: new Map() };
    kept.set(db, cache);
  }
  const hit = cache.entries.get(key);
  if (hit !== undefined) {
    return hit as Promise<T>;
  }
  const entries = cache.entries;
  const result = compute();
  entries.set(key, result);
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) {
      entries.delete(oldest);
    }
  }
  // a failure is not kept: the next request computes again
  result.catch(() => {
    if (entries.get(key) === result) {
      entries.delete(key);
    }
  });
  return result;
}

/** Drops the kept lights of a database (the ledger benchmark measures the computation with it). */
export function forgetLedgerLights(db: Db): void {
  kept.delete(db);
}
