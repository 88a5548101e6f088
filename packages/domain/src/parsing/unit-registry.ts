/**
 * Matching parsed 责任单位 names to a registry of known units (plain data), by normalised name and
 * alias; names that match nothing come back with the closest registry entries as suggestions, for a
 * person to confirm.
 */
import { normalizeForMatch } from "./chars.ts";

/** One known unit. `OrgUnitSeed` from the org module fits this shape. */
export interface UnitRegistryEntry {
  code: string;
  name: string;
  /** Other names documents use: 区教育局, 崆峒区教育局 … */
  aliases?: readonly string[];
}

/** A parsed name resolved to a registry entry. */
export interface UnitMatch {
  name: string;
  code: string;
  by: "name" | "alias";
}

/** A parsed name that matched nothing, with the closest entries (best first). */
export interface UnmatchedUnit {
  name: string;
  suggestions: { code: string; name: string; score: number }[];
}

/** Result of {@link matchUnits}. */
export interface UnitMatchResult {
  matches: UnitMatch[];
  unmatched: UnmatchedUnit[];
}

function unitKey(name: string): string {
  return normalizeForMatch(name).replace(/(?:负责|牵头|配合)$/, "");
}

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    out.push(text.slice(i, i + 2));
  }
  return out.length > 0 ? out : [text];
}

/** Dice similarity of character bigrams, 0…1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const pool = new Map<string, number>();
  for (const g of y) {
    pool.set(g, (pool.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * Resolves names against the registry: an exact normalised name wins over an alias; an alias shared by
 * several entries is ambiguous and resolves to none (it is reported with those entries as suggestions).
 * Suggestions score at least `minScore` (default 0.4), at most three per name.
 */
export function matchUnits(
  names: readonly string[],
  registry: readonly UnitRegistryEntry[],
  minScore = 0.4,
): UnitMatchResult {
  const byName = new Map<string, UnitRegistryEntry[]>();
  const byAlias = new Map<string, UnitRegistryEntry[]>();
  for (const entry of registry) {
    const k = unitKey(entry.name);
    byName.set(k, [...(byName.get(k) ?? []), entry]);
    for (const alias of entry.aliases ?? []) {
      const a = unitKey(alias);
      byAlias.set(a, [...(byAlias.get(a) ?? []), entry]);
    }
  }
  const matches: UnitMatch[] = [];
  const unmatched: UnmatchedUnit[] = [];
  for (const name of names) {
    const key = unitKey(name);
    const named = byName.get(key) ?? [];
    const aliased = byAlias.get(key) ?? [];
    const only =
      named.length === 1 ? named[0] : named.length === 0 && aliased.length === 1 ? aliased[0] : undefined;
    if (only !== undefined) {
      matches.push({ name, code: only.code, by: named.length === 1 ? "name" : "alias" });
      continue;
    }
    const scored = registry
      .map((e) => ({
        code: e.code,
        name: e.name,
        score: Math.max(
          similarity(key, unitKey(e.name)),
          ...(e.aliases ?? []).map((a) => similarity(key, unitKey(a))),
        ),
      }))
      .filter((s) => s.score >= minScore)
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code))
      .slice(0, 3);
    unmatched.push({ name, suggestions: scored });
  }
  return { matches, unmatched };
}
