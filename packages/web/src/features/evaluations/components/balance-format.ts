/**
 * Display rounding as the official tables print it — the same rules as the domain's display.ts (compute
 * at full precision, round half away from zero for display only). Verdicts come from the server.
 */

/** Rounds half away from zero at `digits` decimals, removing binary noise first (0.5155 → 0.516). */
export function roundHalfUp(x: number, digits: number): number {
  if (!Number.isFinite(x)) {
    return x;
  }
  const p = 10 ** digits;
  const shifted = Number((Math.abs(x) * p).toPrecision(15));
  return (Math.sign(x) * Math.round(shifted)) / p;
}

/** A number with exactly `digits` decimals after half-up rounding; "—" when undefined. */
export function formatDecimal(x: number | null | undefined, digits: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) {
    return "—";
  }
  return roundHalfUp(x, digits).toFixed(digits);
}

/** 差异系数: 3 decimals. */
export function formatCv(cv: number | null | undefined): string {
  return formatDecimal(cv, 3);
}

/** An indicator value (全县平均值, 标准差, school value): 2 decimals. */
export function formatValue(value: number | null | undefined): string {
  return formatDecimal(value, 2);
}

/** A signed change with 3 decimals (+0.012 / −0.034). */
export function formatDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) {
    return "—";
  }
  const s = formatDecimal(Math.abs(delta), 3);
  if (s === "0.000") {
    return s;
  }
  return `${delta < 0 ? "−" : "+"}${s}`;
}

/** Yuan with thousands separators and no decimals (¥1,234,567). */
export function formatYuan(yuan: number): string {
  return `¥${Math.round(yuan).toLocaleString("zh-CN")}`;
}

/** An amount in planning units: whole numbers as such, areas and money to 2 decimals. */
export function formatAmount(amount: number): string {
  return Number.isInteger(amount) ? amount.toLocaleString("zh-CN") : formatDecimal(amount, 2);
}
