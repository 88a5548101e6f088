/**
 * 督导评估 judges an area (县域 in the national rules): a school or a 责任单位 is never "a county of one
 * school". The one check every evaluation use case makes after the scope check.
 */
import type { Db, OrgUnitRow } from "@luoshi/db";
import { ORG_KIND_LABELS } from "@luoshi/domain/org";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../context.ts";
import { findUnitInScope } from "../access/scope.ts";

/** Unit kinds an evaluation cannot be run for: they are not an area. */
const NOT_AREAS: ReadonlySet<OrgUnitRow["kind"]> = new Set(["school", "department"]);

/**
 * The unit, when the actor may read it and it is an area (county, its townships, city, province);
 * 400 naming the unit otherwise.
 */
export async function findEvaluatedArea(db: Db, actor: Actor, id: string): Promise<OrgUnitRow> {
  const unit = await findUnitInScope(db, actor, id);
  if (NOT_AREAS.has(unit.kind)) {
    throw new AppError(
      "bad-request",
      `督导评估以县（区）为单位进行：${unit.name}是${ORG_KIND_LABELS[unit.kind]}，不能单独评估。请选择所在县（区），或在指标监测中查看本单位的指标`,
    );
  }
  return unit;
}
