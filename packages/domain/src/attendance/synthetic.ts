/**
 * 演示考勤: a deterministic term of daily attendance for the demo registry. Most pupils miss a day now and
 * then (病假, 事假); a small share are at risk and skip school in spells (旷课, 不明), which is what the
 * risk rules are there to find. The same pupils in the same order always give the same term.
 */
import { isWorkingDay, type WorkingCalendar } from "@luoshi/common";
import { createRng, hashSeed } from "../demo/prng.ts";
import type { AbsenceReason } from "./reasons.ts";
import { evaluateAbsences, type Absence, type FlagFinding, type RuleSet } from "./rules.ts";

/** The demo term: 2024-09-02 to 2025-01-17. */
export const DEMO_TERM = { from: "2024-09-02", to: "2025-01-17" } as const;

/** A pupil the generator gives a term of attendance (a stable key orders and seeds them). */
export interface TermPupil {
  key: string;
  leftBehind: boolean;
}

/** The school days from `from` to `to` under `calendar`. */
export function schoolDaysBetween(from: string, to: string, calendar: WorkingCalendar): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (isWorkingDay(d, calendar)) {
      out.push(d);
    }
  }
  return out;
}

/** Share of pupils at risk (spells of 旷课/不明), and of days an ordinary pupil is away (病假/事假). */
const AT_RISK = 0.004;
const ORDINARY_AWAY = 0.022;

/** Every absence of `pupils` over `days`, per pupil key (pupils never absent are left out). */
export function syntheticTerm(
  pupils: readonly TermPupil[],
  days: readonly string[],
  seed = "luoshi-demo-attendance",
): Map<string, Absence[]> {
  const out = new Map<string, Absence[]>();
  for (const p of pupils) {
    const rng = createRng(hashSeed(seed, p.key));
    const absences: Absence[] = [];
    const atRisk = rng.next() < AT_RISK * (p.leftBehind ? 3 : 1);
    let spellLeft = 0;
    for (const day of days) {
      if (spellLeft > 0) {
        spellLeft -= 1;
        absences.push({ day, reason: rng.next() < 0.6 ? "truant" : "unknown" });
        continue;
      }
      const r = rng.next();
      if (atRisk && r < 0.03) {
        // a spell of 2–6 school days away without a word
        spellLeft = 1 + Math.floor(rng.next() * 5);
        absences.push({ day, reason: "unknown" });
      } else if (r < ORDINARY_AWAY) {
        const kind = rng.next();
        const reason: AbsenceReason = kind < 0.6 ? "sick" : kind < 0.95 ? "personal" : "unknown";
        absences.push({ day, reason });
      }
    }
    if (absences.length > 0) {
      out.set(p.key, absences);
    }
  }
  return out;
}

/**
 * The flags the rules raise over a term, as the daily runs would have raised them: each absence day is
 * evaluated with the absences up to it; a pupil keeps one flag per rule (the first raised).
 */
export function flagsOverTerm(
  pupil: { leftBehind: boolean; absences: readonly Absence[] },
  rules: RuleSet,
  calendar: WorkingCalendar,
): (FlagFinding & { raisedOn: string })[] {
  const raised = new Map<string, FlagFinding & { raisedOn: string }>();
  const sorted = [...pupil.absences].sort((a, b) => a.day.localeCompare(b.day));
  for (let i = 0; i < sorted.length; i++) {
    const day = sorted[i]?.day ?? "";
    for (const f of evaluateAbsences(
      { leftBehind: pupil.leftBehind, absences: sorted.slice(0, i + 1) },
      day,
      rules,
      calendar,
    )) {
      if (!raised.has(f.rule)) {
        raised.set(f.rule, { ...f, raisedOn: day });
      }
    }
  }
  return [...raised.values()];
}
