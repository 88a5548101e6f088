/** 报送周期 codes as the server takes them: `2026-03`, `2026-W11`, `2026-Q1` or `once`. */
export type Frequency = "monthly" | "weekly" | "quarterly" | "once";

const pad = (n: number) => String(n).padStart(2, "0");

/** The ISO week (`2026-W11`) of a calendar day. */
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${String(day.getUTCFullYear())}-W${pad(week)}`;
}

/** The period a report made on `date` belongs to, for a task reported at `frequency`. */
function periodFor(frequency: Frequency, date: Date): string {
  const year = String(date.getFullYear());
  switch (frequency) {
    case "monthly":
      return `${year}-${pad(date.getMonth() + 1)}`;
    case "weekly":
      return isoWeek(date);
    case "quarterly":
      return `${year}-Q${String(Math.floor(date.getMonth() / 3) + 1)}`;
    case "once":
      return "once";
  }
}

/** Periods to offer: the current one and the two before it. */
export function recentPeriods(frequency: Frequency, date: Date): string[] {
  if (frequency === "once") {
    return ["once"];
  }
  const out: string[] = [];
  const step = frequency === "weekly" ? 7 : frequency === "monthly" ? 31 : 92;
  for (let i = 0; out.length < 3 && i < 6; i += 1) {
    const back = new Date(date.getFullYear(), date.getMonth(), frequency === "weekly" ? date.getDate() : 15);
    back.setDate(back.getDate() - i * step);
    const p = periodFor(frequency, back);
    if (!out.includes(p)) {
      out.push(p);
    }
  }
  return out;
}

/** `YYYY-MM` of a day. */
export function monthOf(date: Date): string {
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}`;
}
