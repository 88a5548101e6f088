/** 指标看板, drill-down (县 → 乡镇 → 学校): one year's values of a unit and of each direct child. */
import type { IndicatorDefinition } from "@luoshi/domain/indicators";
import type { IndicatorBasis } from "@luoshi/contracts";
import type { IndicatorChildren, IndicatorChildrenQuery } from "@luoshi/contracts";
import { orgUnitChangeRepo, scopeKey, type OrgUnitRow, type Scope } from "@luoshi/db";
import { nameOn, referenceDay } from "@luoshi/domain/org";
import type { Actor, ServiceDeps } from "../../context.ts";
import { evaluateScope, pick, scopedUnit, unitsOfYear, valueAt } from "./dashboard-scope.ts";
import type { ScopeUnit } from "./stats-scope.service.ts";
import { byStatisticsVersion } from "./computed-cache.ts";

/** A unit's children as computed; the route presents the units and the indicators' descriptions. */
export interface IndicatorChildrenResult {
  orgUnit: ScopeUnit;
  year: number;
  definitions: IndicatorDefinition[];
  /** The rules applied, by code of each indicator that depends on them. */
  bases: ReadonlyMap<string, IndicatorBasis>;
  total: IndicatorChildren["total"];
  children: { unit: ScopeUnit; hasChildren: boolean; values: IndicatorChildren["total"] }[];
}

/** One year's values of the unit (合计) and of each direct child, areas before schools, by code. */
export async function indicatorChildren(
  deps: ServiceDeps,
  actor: Actor,
  query: IndicatorChildrenQuery,
): Promise<IndicatorChildrenResult> {
  const unit = await scopedUnit(deps, actor, query.orgUnitId);
  // The actor may read the unit (checked above); the drill-down depends only on the unit, the year, the
  // codes and the actor's scope (schools moved out of a 乡镇 are followed only within that scope).
  const key = `children|${unit.id}|${String(query.year)}|${query.codes ?? ""}|${scopeKey(actor.scope)}`;
  return byStatisticsVersion(deps.handle.db, key, () => childrenOf(deps, actor.scope, unit, query));
}

async function childrenOf(
  deps: ServiceDeps,
  within: Scope,
  unit: OrgUnitRow,
  query: IndicatorChildrenQuery,
): Promise<IndicatorChildrenResult> {
  const e = await evaluateScope(deps.handle.db, within, unit, [query.year], (c) => pick(c, query.codes));
  // The units of that year, where they stood then: a school merged before it is not listed as one
  // without data, one moved to another 乡镇 since is listed under the one it belonged to.
  const ofYear = unitsOfYear(e, query.year);
  const parents = new Set(ofYear.map((u) => u.parentCode));
  const children = ofYear
    .filter((u) => u.parentCode === unit.code)
    .map((u) => u.unit)
    .sort(
      (a, b) => Number(a.kind === "school") - Number(b.kind === "school") || a.code.localeCompare(b.code),
    );
  // Each child under the name it had in that year (renames after its 1 September).
  const day = referenceDay(query.year);
  const renames = await orgUnitChangeRepo.listRenamesAndMovesAfter(
    deps.handle.db,
    children.map((c) => c.id),
    day,
  );
  const named = children.map((c) => ({
    ...c,
    name: nameOn(
      c.name,
      renames.filter((r) => r.orgUnitId === c.id),
      day,
    ),
  }));
  const valuesOf = (code: string) =>
    Object.fromEntries(e.catalogue.map(({ definition: d }) => [d.code, valueAt(e, d, code, 0)]));
  return {
    orgUnit: e.root,
    year: query.year,
    definitions: e.catalogue.map((c) => c.definition),
    bases: e.bases,
    total: valuesOf(unit.code),
    children: named.map((c) => ({
      unit: c,
      hasChildren: parents.has(c.code),
      values: valuesOf(c.code),
    })),
  };
}
