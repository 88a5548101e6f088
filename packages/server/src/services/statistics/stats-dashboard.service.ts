/**
 * 指标看板: the catalogue's values for a unit over years (trends, year comparison), for each direct child
 * (drill-down 县 → 乡镇 → 学校) and for each school below it (distribution). Each call loads the scope's
 * units and statistics in a few set-based queries and evaluates every indicator once over all units and
 * years — a county's value is Σ分子 ÷ Σ分母 of its schools, exactly as on /api/indicators.
 */
import {
  DASHBOARD_AREA_LABELS,
  boxStats,
  evaluateIndicators,
  formatIndicatorValue,
  histogramBins,
  indicatorArea,
  linearTrend,
  referencesFor,
  type CompiledIndicator,
  type IndicatorDefinition,
  type IndicatorTable,
} from "@luoshi/domain/indicators";
import { type Db, type OrgUnitRow, scopeOf } from "@luoshi/db";
import type {
  DashboardIndicator,
  DashboardValue,
  IndicatorChildren,
  IndicatorChildrenQuery,
  IndicatorDistribution,
  IndicatorDistributionQuery,
  IndicatorSeries,
  IndicatorSeriesQuery,
} from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { findUnitInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";
import { loadStatRows, type ScopeUnit } from "./stats-scope.service.ts";

/** Years the projection line is fitted on. */
const TREND_YEARS = 5;

/** The evaluated scope: its units and one table per indicator over the requested years. */
interface Evaluated {
  unit: OrgUnitRow;
  /** The unit as loaded with its scope (kind typed by the domain). */
  root: ScopeUnit;
  units: ScopeUnit[];
  catalogue: readonly CompiledIndicator[];
  tables: Map<string, IndicatorTable>;
  years: readonly number[];
  /** Index of each unit code in the tables (all tables share the engine's unit order). */
  unitIndex: Map<string, number>;
}

/** The unit, checked: `stats.read`, exists (404), in the actor's scope (403). */
async function scopedUnit(deps: ServiceDeps, actor: Actor, orgUnitId: string): Promise<OrgUnitRow> {
  authorize(actor, "stats.read");
  const unit = await findUnitInScope(deps.handle.db, actor, orgUnitId);
  return unit;
}

/** The catalogue restricted to `codes` (comma-separated); an unknown code is a 400 that names it. */
function pick(
  catalogue: readonly CompiledIndicator[],
  codes: string | undefined,
): readonly CompiledIndicator[] {
  if (codes === undefined) {
    return catalogue;
  }
  const wanted = new Set(codes.split(","));
  const known = new Set(catalogue.map((c) => c.definition.code));
  const unknown = [...wanted].filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new AppError("bad-request", `指标目录中没有这些指标：${unknown.join("、")}`);
  }
  return catalogue.filter((c) => wanted.has(c.definition.code));
}

/** Loads the statistics under `unit` for `years` (three queries) and evaluates `select(catalogue)`. */
async function evaluateScope(
  db: Db,
  unit: OrgUnitRow,
  years: readonly number[],
  select: (catalogue: readonly CompiledIndicator[]) => readonly CompiledIndicator[],
): Promise<Evaluated> {
  const from = Math.min(...years);
  const to = Math.max(...years);
  const catalogue = select(await loadCatalogue(db));
  // Earlier years are read only as far back as the chosen formulas look (巩固率: 9 years).
  const lag = Math.max(
    0,
    ...catalogue.flatMap((c) => c.plan.aggregates.flatMap((a) => a.groups.map((g) => g.lag))),
  );
  const { units: scope, rows } = await loadStatRows(db, scopeOf(unit.path), { from, to, lag });
  const units = [...scope.byCode.values()];
  if (scope.root === undefined) {
    throw new AppError("not-found", "没有这个单位");
  }
  const { tables } = evaluateIndicators(rows, catalogue, { years, maxIssues: 0 });
  const first = tables.values().next().value;
  const unitIndex = new Map((first?.unitCodes ?? []).map((c, i) => [c, i]));
  return { unit, root: scope.root, units, catalogue, tables, years, unitIndex };
}

/** The value of `unitCode` in year `years[yi]` of one indicator ("—" when it has none). */
function valueAt(e: Evaluated, d: IndicatorDefinition, unitCode: string, yi: number): DashboardValue {
  const table = e.tables.get(d.code);
  const u = e.unitIndex.get(unitCode);
  if (table === undefined || u === undefined) {
    return { value: null, display: "—", numerator: null, denominator: null };
  }
  const i = u * e.years.length + yi;
  const value = table.isDefined[i] === 1 ? (table.values[i] ?? null) : null;
  return {
    value,
    display: formatIndicatorValue(d, value),
    numerator: table.numerators?.[i] ?? null,
    denominator: table.denominators?.[i] ?? null,
  };
}

/** The dashboard's description of an indicator. */
export function dashboardIndicator(d: IndicatorDefinition): DashboardIndicator {
  const area = indicatorArea(d.code);
  return {
    code: d.code,
    name: d.name,
    unit: d.unit,
    display: d.display,
    decimals: d.decimals,
    direction: d.direction,
    area,
    areaLabel: DASHBOARD_AREA_LABELS[area],
    source: d.source,
    description: d.description ?? null,
    references: referencesFor(d.code).map((r) => ({ ...r })),
  };
}

const unitRef = (u: Pick<ScopeUnit, "id" | "code" | "name" | "kind">) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
});

/** The chosen indicators (default: all) of one unit for every year `from`..`to`, with a fitted trend. */
export async function indicatorSeries(
  deps: ServiceDeps,
  actor: Actor,
  query: IndicatorSeriesQuery,
): Promise<IndicatorSeries> {
  const unit = await scopedUnit(deps, actor, query.orgUnitId);
  const years = Array.from({ length: query.to - query.from + 1 }, (_, i) => query.from + i);
  const e = await evaluateScope(deps.handle.db, unit, years, (c) => pick(c, query.codes));
  return {
    orgUnit: unitRef(e.root),
    years,
    indicators: e.catalogue.map((c) => dashboardIndicator(c.definition)),
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

/** Units that hold statistics (departments do not). */
const isStatUnit = (u: ScopeUnit): boolean => u.kind !== "department";

/** One year's values of the unit (合计) and of each direct child, areas before schools, by code. */
export async function indicatorChildren(
  deps: ServiceDeps,
  actor: Actor,
  query: IndicatorChildrenQuery,
): Promise<IndicatorChildren> {
  const unit = await scopedUnit(deps, actor, query.orgUnitId);
  const e = await evaluateScope(deps.handle.db, unit, [query.year], (c) => pick(c, query.codes));
  const parents = new Set(e.units.filter(isStatUnit).map((u) => u.parentId));
  const children = e.units
    .filter((u) => u.parentId === unit.id && isStatUnit(u))
    .sort(
      (a, b) => Number(a.kind === "school") - Number(b.kind === "school") || a.code.localeCompare(b.code),
    );
  const valuesOf = (code: string) =>
    Object.fromEntries(e.catalogue.map(({ definition: d }) => [d.code, valueAt(e, d, code, 0)]));
  return {
    orgUnit: unitRef(e.root),
    year: query.year,
    indicators: e.catalogue.map((c) => dashboardIndicator(c.definition)),
    total: valuesOf(unit.code),
    children: children.map((c) => ({
      ...unitRef(c),
      schoolType: c.schoolType ?? null,
      hasChildren: parents.has(c.id),
      values: valuesOf(c.code),
    })),
  };
}

/**
 * One indicator over every school below the unit, with box figures, histogram and reference lines. When
 * no school has a value (rates over population, kept per 乡镇) the unit's direct child areas are used.
 */
export async function indicatorDistribution(
  deps: ServiceDeps,
  actor: Actor,
  query: IndicatorDistributionQuery,
): Promise<IndicatorDistribution> {
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
  let measured = measure(e.units.filter((u) => u.kind === "school"));
  if (!measured.some((m) => m.v.value !== null)) {
    const areas = e.units.filter((u) => u.parentId === unit.id && isStatUnit(u) && u.kind !== "school");
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
    orgUnit: unitRef(e.root),
    year: query.year,
    indicator: dashboardIndicator(d),
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
