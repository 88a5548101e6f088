/**
 * 分布统计 for the indicator dashboard: box-plot figures (五数概括) and histogram bins of one indicator's
 * values over the schools (or 乡镇) of an area. Pure arithmetic; null and non-finite values are left out.
 */

/** Five-number summary plus mean and count; quartiles by linear interpolation (Excel QUARTILE.INC). */
export interface BoxStats {
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** One histogram bin: values v with from ≤ v < to (the last bin also takes v = to). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

function finiteSorted(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of sorted values by linear interpolation between order statistics
 * (position p × (n − 1), as Excel QUARTILE.INC and numpy's default): the median of 1,2,3,4 is 2.5.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) {
    return Number.NaN;
  }
  const pos = Math.min(Math.max(p, 0), 1) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? 0;
  return a + (b - a) * (pos - lo);
}

/** Box-plot figures of the values; null when no value is finite. */
export function boxStats(values: readonly (number | null)[]): BoxStats | null {
  const sorted = finiteSorted(values);
  const n = sorted.length;
  if (n === 0) {
    return null;
  }
  return {
    count: n,
    min: sorted[0] ?? 0,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[n - 1] ?? 0,
    mean: sorted.reduce((s, v) => s + v, 0) / n,
  };
}

/** The smallest "nice" step (1, 2, 2.5 or 5 × 10ⁿ) at least `raw`, so bin edges read well (0, 2.5, 5 …). */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    // A relative epsilon keeps 0.3 / 0.1 from becoming 0.30000000000000004 > 3 × 0.1.
    if (m * power >= raw * (1 - 1e-9)) {
      return m * power;
    }
  }
  return 10 * power;
}

/**
 * Equal-width histogram bins with nice edges covering every value. The number of bins follows Sturges'
 * rule (⌈log₂ n⌉ + 1, at most `maxBins`, default 12); equal values give one bin of width 1 around them.
 */
export function histogramBins(values: readonly (number | null)[], maxBins = 12): HistogramBin[] {
  const sorted = finiteSorted(values);
  const n = sorted.length;
  if (n === 0) {
    return [];
  }
  const min = sorted[0] ?? 0;
  const max = sorted[n - 1] ?? 0;
  if (min === max) {
    const step = niceStep(Math.abs(min) / 10 || 1);
    const from = Math.floor(min / step) * step;
    return [{ from, to: from + step, count: n }];
  }
  const wanted = Math.min(Math.max(Math.ceil(Math.log2(n)) + 1, 1), Math.max(maxBins, 1));
  let step = niceStep((max - min) / wanted);
  let start = Math.floor(min / step) * step;
  // Flooring the start can push the last value out: widen until `wanted` bins cover it.
  while (start + step * wanted < max) {
    step = niceStep(step * 1.01);
    start = Math.floor(min / step) * step;
  }
  const last = Math.max(1, Math.ceil((max - start) / step - 1e-9));
  const bins: HistogramBin[] = Array.from({ length: last }, (_, i) => ({
    from: round(start + i * step),
    to: round(start + (i + 1) * step),
    count: 0,
  }));
  for (const v of sorted) {
    const i = Math.min(Math.floor((v - start) / step + 1e-9), last - 1);
    const bin = bins[Math.max(i, 0)];
    if (bin !== undefined) {
      bin.count += 1;
    }
  }
  return bins;
}

/** Removes binary noise from edges (0.30000000000000004 → 0.3). */
function round(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
