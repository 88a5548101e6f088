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
import type {
  DashboardValue,
  IndicatorBasis,
  IndicatorDistribution,
  IndicatorDistributionQuery,
} from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { evaluateScope, scopedUnit, unitsOfYear, valueAt } from "./dashboard-scope.ts";
import type { ScopeUnit } from "./stats-scope.service.ts";

/** A distribution as computed; the route presents the unit and the indicator's description. */
export type IndicatorDistributionResult = Omit<IndicatorDistribution, "orgUnit" | "indicator"> & {
  orgUnit: ScopeUnit;
  definition: IndicatorDefinition;
  /** The rules applied, when the indicator depends on them. */
  basis: IndicatorBasis | null;
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
  const e = await evaluateScope(deps.handle.db, actor.scope, unit, [query.year], (catalogue) => {
    const found = catalogue.find((c) => c.definition.code === query.code);
    if (found === undefined) {
      throw new AppError("not-found", `指标目录中没有指标“${query.code}”`);
    }
    return [found];
  });
  const d = (e.catalogue[0] as CompiledIndicator).definition;
  const measure = (units: ScopeUnit[]) => units.map((u) => ({ unit: u, v: valueAt(e, d, u.code, 0) }));
  let level: "school" | "area" = "school";
  // The schools of that year below the unit, where they stood then: one closed before it is not
  // counted as missing its value, one moved out of the unit since still counts in it.
  const ofYear = unitsOfYear(e, query.year);
  let measured = measure(ofYear.filter((u) => u.unit.kind === "school").map((u) => u.unit));
  if (!measured.some((m) => m.v.value !== null)) {
    const areas = ofYear
      .filter((u) => u.parentCode === unit.code && u.unit.kind !== "school")
      .map((u) => u.unit);
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
    basis: e.bases.get(d.code) ?? null,
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
