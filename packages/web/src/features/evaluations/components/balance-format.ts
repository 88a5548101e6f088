/**
 * The 优质均衡 screens' display formats, on the official half-up rule of @luoshi/common (compute at full
 * precision, round for display only). Verdicts come from the server.
 */
import { formatDecimal } from "@luoshi/common";

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
