/**
 * Retention (docs/dropout-cases.md): pupils who left the county's schools (学籍状态 转出 or 毕业) more than
 * the configured number of years ago are anonymised — their sealed values replaced, their blind indexes
 * dropped — keeping only what the statistics count. A dry run by default; applying writes one audit row
 * (counts and the cut-off day, never a value).
 */
import { chinaDate } from "@luoshi/common";
import { inTransaction, retentionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";

export interface RetentionResult {
  /** Pupils who left before this day are due. */
  leftBefore: string;
  years: number;
  due: number;
  anonymised: number;
  cases: number;
  applied: boolean;
}

/** The day `years` years before `today` (29 February falls back to the 28th). */
function yearsBefore(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - years;
  const md = today.slice(5) === "02-29" ? "02-28" : today.slice(5);
  return `${String(y)}-${md}`;
}

/** Finds (and with `apply` anonymises) the records past their retention period. */
export async function registryRetention(
  deps: ServiceDeps,
  actor: Actor,
  options: { apply: boolean; years?: number },
): Promise<RetentionResult> {
  const years = options.years ?? deps.config.dropout.retentionYears;
  const leftBefore = yearsBefore(chinaDate(deps.now()), years);
  const { db } = deps.handle;
  const due = await retentionRepo.candidates(db, leftBefore);
  if (!options.apply || due.length === 0) {
    return { leftBefore, years, due: due.length, anonymised: 0, cases: 0, applied: false };
  }
  const cases = await inTransaction(db, async (trx) => {
    const n = await retentionRepo.anonymise(trx, due);
    await recordAudit(trx, actor, {
      action: "registry.retention",
      entityType: "student_import",
      entityId: null,
      details: { leftBefore, years, pupils: due.length, cases: n },
    });
    return n;
  });
  return { leftBefore, years, due: due.length, anonymised: due.length, cases, applied: true };
}
