import { dataVersionRepo, type Db } from "@luoshi/db";
import { versionedCache } from "../versioned-cache.ts";

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

const computed = versionedCache((db) => dataVersionRepo.statistics(db), 256);

/** The result for `key`, computed by `compute` unless the same statistics version already has it. */
export function byStatisticsVersion<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  return computed.get(db, key, compute);
}
