/**
 * 指标看板 data: series, drill-down children and distribution. The plan targets come from the one
 * 目标监测 query (`target-queries.ts`), so both tabs share its cache entry and its shape.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { IndicatorChildren, IndicatorDistribution, IndicatorSeries } from "@luoshi/contracts";
import { getJson } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

/** Years of history the dashboard shows (the chosen year and the eight before it). */
const DASHBOARD_YEARS = 9;

/** Query keys of the dashboard. */
const dashboardKeys = {
  series: (unitId: string, from: number, to: number) => ["indicators", "series", unitId, from, to] as const,
  children: (unitId: string, year: number) => ["indicators", "children", unitId, year] as const,
  distribution: (unitId: string, year: number, code: string) =>
    ["indicators", "distribution", unitId, year, code] as const,
};

/** Every catalogue indicator of the unit for the `DASHBOARD_YEARS` years up to `year`. */
export function useIndicatorSeries(unitId: string, year: number) {
  const from = year - DASHBOARD_YEARS + 1;
  return useQuery({
    queryKey: dashboardKeys.series(unitId, from, year),
    queryFn: ({ signal }) =>
      getJson(
        `/api/indicators/series${toQueryString({ orgUnitId: unitId, from, to: year })}`,
        IndicatorSeries,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One indicator's values for the unit's direct children (乡镇 or 学校). */
export function useIndicatorChildren(unitId: string, year: number, code: string) {
  return useQuery({
    queryKey: [...dashboardKeys.children(unitId, year), code],
    queryFn: ({ signal }) =>
      getJson(
        `/api/indicators/children${toQueryString({ orgUnitId: unitId, year, codes: code })}`,
        IndicatorChildren,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** One indicator over the schools below the unit. */
export function useIndicatorDistribution(unitId: string, year: number, code: string) {
  return useQuery({
    queryKey: dashboardKeys.distribution(unitId, year, code),
    queryFn: ({ signal }) =>
      getJson(
        `/api/indicators/distribution${toQueryString({ orgUnitId: unitId, year, code })}`,
        IndicatorDistribution,
        signal,
      ),
  });
}
