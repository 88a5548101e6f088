/**
 * A small seeded pseudo-random number generator for demo data. Domain code never calls `Math.random`:
 * whoever wants randomness passes a seed, so the same seed always gives the same data (tests, fixtures,
 * screenshots). mulberry32 is tiny, fast and well mixed enough for demo data; it is not cryptographic.
 */

/** A function returning uniformly distributed floats in [0, 1). */
export type RandomSource = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator, public domain). Uses only 32-bit integer operations,
 * so it yields the same sequence on every JavaScript engine.
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives a 32-bit seed from parts (FNV-1a over their text, then a final avalanche). Use it to give each
 * concern its own stream — `hashSeed(seed, "profile", schoolCode)` — so that adding draws to one concern
 * never shifts the numbers of another.
 */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.map(String).join("\u001f");
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Convenience draws over a {@link RandomSource}. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws `RangeError` on an empty list (a programming error, not bad data). */
  pick<T>(items: readonly T[]): T;
  /** An index drawn in proportion to non-negative weights; -1 when all weights are zero. */
  weightedIndex(weights: readonly number[]): number;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
}

/** Wraps {@link mulberry32} seeded with `seed` in the {@link Rng} helpers. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) {
        throw new RangeError("pick() from an empty list");
      }
      return items[int(0, items.length - 1)] as T;
    },
    weightedIndex(weights) {
      const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
      if (total <= 0) {
        return -1;
      }
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= Math.max(0, weights[i] ?? 0);
        if (r < 0) {
          return i;
        }
      }
      // Floating-point slack: fall back to the last positive weight.
      return weights.findLastIndex((w) => w > 0);
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const a = out[i] as T;
        out[i] = out[j] as T;
        out[j] = a;
      }
      return out;
    },
  };
}
