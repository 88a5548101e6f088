import { dataVersionRepo, type Db } from "@luoshi/db";

/**
 * Results computed from the statistics (indicators, the dashboard, evaluations), kept per database for
 * as long as nothing they are computed from has changed. The database itself counts every change to
 * those tables (migration 0016: school, population and 招生 rows, org units and their changes, custom
 * indicators), whoever makes it, so one small read per request says whether a kept result is still
 * the one a fresh computation would give. Many users asking for the same county and year at once share
 * one computation instead of each running it.
 *
 * Only what depends on those tables and the key may be kept here; the caller checks the actor's
 * permission and scope before asking (a kept result is never a reason to skip that).
 */

/** How many results one database keeps; past that the oldest go first. */
const MAX_ENTRIES = 256;

interface Kept {
  version: number;
  entries: Map<string, Promise<unknown>>;
}

const kept = new WeakMap<Db, Kept>();

/** The result for `key`, computed by `compute` unless the same statistics version already has it. */
export async function byStatisticsVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersionRepo.statistics(db);
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
  // A failure is not kept: the next request computes again.
  result.catch(() => {
    if (entries.get(key) === result) {
      entries.delete(key);
    }
  });
  return result;
}
