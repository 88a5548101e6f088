/** What every 督导评估 use case shares: the input, the unit in scope, the acting person, the school records. */
import { evaluationRepo, type OrgUnitRow, scopeOf, statsRepo } from "@luoshi/db";
import { AppError } from "../../../errors.ts";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { findEvaluatedArea } from "../evaluated-area.ts";
import { authorize } from "../../access/authorize.ts";
import { type SchoolRecord } from "../supervision-inputs.ts";

/** A unit, year and optional rule set id (the national set when absent). */
export interface SupervisionInput {
  orgUnitId: string;
  year: number;
  ruleSetId?: string | undefined;
}

/** Loads a unit the actor may see (`permission` first, then scope). */
export async function loadUnit(
  deps: ServiceDeps,
  actor: Actor,
  orgUnitId: string,
  permission: "evaluation.read" | "evaluation.write" | "evaluation.review" = "evaluation.read",
): Promise<OrgUnitRow> {
  authorize(actor, permission);
  const unit = await findEvaluatedArea(deps.handle.db, actor, orgUnitId);
  return unit;
}

/** The acting user's id; supervision records always name a person (never the system). */
export function actingUser(actor: Actor): string {
  if (actor.userId === null) {
    throw new AppError("forbidden", "督导评估的申报、审核与录入须由登录用户进行");
  }
  return actor.userId;
}

/** The schools below a unit with their records of one year (two queries). */
export async function loadSchoolRecords(
  deps: ServiceDeps,
  unit: OrgUnitRow,
  year: number,
): Promise<SchoolRecord[]> {
  const { db } = deps.handle;
  const [rows, stats] = await Promise.all([
    evaluationRepo.listSchools(db, scopeOf(unit.path), year),
    statsRepo.listInScope(db, "school_stats", scopeOf(unit.path), year, year),
  ]);
  const byCode = new Map(stats.map((s) => [s.code, s.values]));
  return rows.flatMap((r) => {
    const values = byCode.get(r.code);
    return values === undefined || r.schoolType === null
      ? []
      : [{ code: r.code, name: r.name, schoolType: r.schoolType, values }];
  });
}
