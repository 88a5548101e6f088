/** 指标看板, trends: the chosen indicators of one unit over years, with a fitted trend line. */
import { linearTrend, type IndicatorDefinition } from "@luoshi/domain/indicators";
import type { IndicatorBasis } from "@luoshi/contracts";
import type { IndicatorSeries, IndicatorSeriesQuery } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { evaluateScope, pick, scopedUnit, valueAt } from "./dashboard-scope.ts";
import type { ScopeUnit } from "./stats-scope.service.ts";

/** Years the projection line is fitted on. */
const TREND_YEARS = 5;

/** A unit's series as computed; the route presents the unit and the indicators' descriptions. */
export type IndicatorSeriesResult = Omit<IndicatorSeries, "orgUnit" | "indicators"> & {
  orgUnit: ScopeUnit;
  definitions: IndicatorDefinition[];
  /** The rules applied, by code of each indicator that depends on them. */
  bases: ReadonlyMap<string, IndicatorBasis>;
};

/** The chosen indicators (default: all) of one unit for every year `from`..`to`, with a fitted trend. */
export async function indicatorSeries(
  deps: ServiceDeps,
  actor: Actor,
  query: IndicatorSeriesQuery,
): Promise<IndicatorSeriesResult> {
  const unit = await scopedUnit(deps, actor, query.orgUnitId);
  const years = Array.from({ length: query.to - query.from + 1 }, (_, i) => query.from + i);
  const e = await evaluateScope(deps.handle.db, actor.scope, unit, years, (c) => pick(c, query.codes));
  return {
    orgUnit: e.root,
    years,
    definitions: e.catalogue.map((c) => c.definition),
    bases: e.bases,
    series: e.catalogue.map(({ definition: d }) => {
      const points = years.map((year, yi) => ({ year, ...valueAt(e, d, unit.code, yi) }));
      const known = points
        .filter((p): p is typeof p & { value: number } => p.value !== null)
        .slice(-TREND_YEARS)
        .map((p) => ({ year: p.year, value: p.value }));
      const trend = linearTrend(known);
      return {
        code: d.code,
        points,
        trend:
          trend === null
            ? null
            : {
                slope: trend.slope,
                intercept: trend.intercept,
                fromYear: trend.fromYear,
                toYear: trend.toYear,
              },
      };
    }),
  };
}
