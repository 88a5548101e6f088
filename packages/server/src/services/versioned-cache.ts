import type { Db } from "@luoshi/db";

/**
 * Results kept per database for as long as a change counter the database keeps says nothing they are
 * computed from has changed: one small read per request decides whether a kept result is still the one
 * a fresh computation would give. Many users asking for the same key at once share one computation; a
 * failure is not kept. Only what depends on the counted tables and the key may be kept: the caller
 * checks the actor's permission and builds the key from the actor's own scope (a kept result never
 * widens it).
 */
export interface VersionedCache {
  /** The result for `key`, computed by `compute` unless the same version already has it. */
  get<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T>;
  /** Drops what a database keeps (benchmarks measure the computation with it). */
  forget(db: Db): void;
}

interface Kept {
  version: number;
  entries: Map<string, Promise<unknown>>;
}

/** A cache over the counter `readVersion` reads, keeping at most `maxEntries` keys per database. */
export function versionedCache(readVersion: (db: Db) => Promise<number>, maxEntries: number): VersionedCache {
  const kept = new WeakMap<Db, Kept>();
  return {
    async get<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
      const version = await readVersion(db);
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
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) {
          entries.delete(oldest);
        }
      }
      result.catch(() => {
        if (entries.get(key) === result) {
          entries.delete(key);
        }
      });
      return result;
    },
    forget(db: Db): void {
      kept.delete(db);
    },
  };
}
