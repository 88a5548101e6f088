/**
 * 指标看板, distribution: one indicator over every school below a unit (box figures, histogram,
 * reference lines), or over its direct child areas when no school has a value.
 */
import {
  boxStats,
  histogramBins,
  referencesFor,
  type CompiledIndicator,
  type IndicatorDefinition,
} from "@luoshi/domain/indicators";
import type { DashboardValue, IndicatorDistribution, IndicatorDistributionQuery } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { evaluateScope, isStatUnitOf, scopedUnit, valueAt } from "./dashboard-scope.ts";
import type { ScopeUnit } from "./stats-scope.service.ts";

/** A distribution as computed; the route presents the unit and the indicator's description. */
export type IndicatorDistributionResult = Omit<IndicatorDistribution, "orgUnit" | "indicator"> & {
  orgUnit: ScopeUnit;
  definition: IndicatorDefinition;
};

/**
 * One indicator over every school below the unit, with box figures, histogram and reference lines. When
 * no school has a value (rates over population, kept per 乡镇) the unit's direct child areas are used.
 */
export async function indicatorDistribution(
  deps: ServiceDeps,
  actor: Actor,
  query: IndicatorDistributionQuery,
): Promise<IndicatorDistributionResult> {
  const unit = await scopedUnit(deps, actor, query.orgUnitId);
  const e = await evaluateScope(deps.handle.db, unit, [query.year], (catalogue) => {
    const found = catalogue.find((c) => c.definition.code === query.code);
    if (found === undefined) {
      throw new AppError("not-found", `指标目录中没有指标“${query.code}”`);
    }
    return [found];
  });
  const d = (e.catalogue[0] as CompiledIndicator).definition;
  const measure = (units: ScopeUnit[]) => units.map((u) => ({ unit: u, v: valueAt(e, d, u.code, 0) }));
  let level: "school" | "area" = "school";
  // The schools of that year only: one closed before it is not counted as missing its value.
  const ofYear = isStatUnitOf(query.year);
  let measured = measure(e.units.filter((u) => u.kind === "school" && ofYear(u)));
  if (!measured.some((m) => m.v.value !== null)) {
    const areas = e.units.filter((u) => u.parentId === unit.id && ofYear(u) && u.kind !== "school");
    if (areas.length > 0) {
      level = "area";
      measured = measure(areas);
    }
  }
  const withValue = measured
    .filter((m): m is { unit: ScopeUnit; v: DashboardValue & { value: number } } => m.v.value !== null)
    .sort((a, b) => a.v.value - b.v.value || a.unit.code.localeCompare(b.unit.code));
  const values = withValue.map((m) => m.v.value);
  return {
    orgUnit: e.root,
    year: query.year,
    definition: d,
    level,
    total: valueAt(e, d, unit.code, 0),
    units: withValue.map((m) => ({
      id: m.unit.id,
      code: m.unit.code,
      name: m.unit.name,
      value: m.v.value,
      display: m.v.display,
    })),
    missing: measured.length - withValue.length,
    box: boxStats(values),
    histogram: histogramBins(values),
    references: referencesFor(d.code).map((r) => ({ ...r })),
  };
}
