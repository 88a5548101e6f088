/**
 * Integer allocation helpers for the demo statistics: largest-remainder rounding (最大余数法) so that
 * rounded parts add up exactly to a published total, and the search for an integer denominator that
 * reproduces a published, rounded rate.
 */
import { roundHalfUp } from "@luoshi/common";

/**
 * Splits `total` (an integer ≥ 0) into integers proportional to non-negative `weights` by the largest
 * remainder method; ties go to the earlier index. All-zero weights get an even split.
 */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const n = weights.length;
  if (n === 0) {
    return [];
  }
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((s, w) => s + w, 0);
  const shares = sum > 0 ? clean.map((w) => (w * total) / sum) : clean.map(() => total / n);
  const out = shares.map((s) => Math.floor(s));
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && n > 0; k = (k + 1) % n) {
    const i = order[k]?.i ?? 0;
    out[i] = (out[i] ?? 0) + 1;
    left -= 1;
  }
  return out;
}

/**
 * Like {@link largestRemainder} but every part with positive weight gets at least `min` (when the total
 * allows it).
 */
export function largestRemainderWithFloor(weights: readonly number[], total: number, min: number): number[] {
  const positive = weights.map((w) => (w > 0 ? min : 0));
  const floorSum = positive.reduce((s, v) => s + v, 0);
  if (floorSum > total) {
    return largestRemainder(weights, total);
  }
  const rest = largestRemainder(weights, total - floorSum);
  return rest.map((v, i) => v + (positive[i] ?? 0));
}

/**
 * The integer denominator d nearest to numerator × 100 / rate for which round(numerator × 100 / d, 2)
 * equals `rate`; null when none exists within ±50 of the estimate.
 */
export function denominatorForRate(numerator: number, rate: number): number | null {
  const estimate = Math.round((numerator * 100) / rate);
  for (let k = 0; k <= 50; k++) {
    for (const d of [estimate - k, estimate + k]) {
      if (d > 0 && roundHalfUp((numerator * 100) / d, 2) === rate) {
        return d;
      }
    }
  }
  return null;
}
