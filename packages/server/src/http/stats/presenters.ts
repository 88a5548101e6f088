/**
 * What the statistics, indicator-catalogue and target routes send: stored rows and service results
 * turned into the shapes of `@luoshi/contracts`. The one place these responses are formatted.
 */
import type {
  CatalogueEntry,
  DashboardIndicator,
  IndicatorBasis,
  IndicatorChildren,
  IndicatorDistribution,
  IndicatorSeries,
  IndicatorCatalogue,
  StatsImportJob,
  StatsImportList,
  StatsImportListQuery,
  TargetLinkResult,
  TargetMonitorList,
} from "@luoshi/contracts";
import type { CustomIndicatorRow, PlanTargetRow, StatsImportListRow } from "@luoshi/db";
import {
  DASHBOARD_AREA_LABELS,
  STANDARD_INDICATORS,
  citationOf,
  indicatorArea,
  referencesFor,
  type IndicatorDefinition,
} from "@luoshi/domain/indicators";
import type { IndicatorChildrenResult } from "../../services/statistics/indicator-children.service.ts";
import type { IndicatorDistributionResult } from "../../services/statistics/indicator-distribution.service.ts";
import type { IndicatorSeriesResult } from "../../services/statistics/indicator-series.service.ts";
import type { StatsImportJobSnapshot } from "../../services/statistics/stats-import-jobs.ts";
import type { ScopeUnit } from "../../services/statistics/stats-scope.service.ts";
import { linkStateOf } from "../../services/statistics/target-link-state.ts";
import type { TargetMonitorResult } from "../../services/statistics/target-monitor.service.ts";

/** One page of 导入记录: the importer as “显示名（登录名）”, times as ISO text. */
export function presentStatsImportList(
  page: { rows: readonly StatsImportListRow[]; total: number },
  query: Pick<StatsImportListQuery, "page" | "pageSize">,
): StatsImportList {
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      year: r.year,
      fileName: r.fileName,
      rows: r.rows,
      orgUnitName: r.orgUnitName,
      importedBy: r.login === null ? null : `${r.displayName ?? r.login}（${r.login}）`,
      importedAt: new Date(r.importedAt).toISOString(),
      undoable: r.undoable && r.undoneAt === null,
      undoneAt: r.undoneAt === null ? null : new Date(r.undoneAt).toISOString(),
    })),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A standard indicator as a catalogue entry. */
function presentStandardIndicator(d: IndicatorDefinition): CatalogueEntry {
  return {
    code: d.code,
    name: d.name,
    unit: d.unit,
    formula: d.expression,
    direction: d.direction,
    display: d.display,
    decimals: d.decimals,
    source: citationOf(d.source),
    description: d.description ?? "",
    category: "标准指标",
    origin: "standard",
    active: true,
    createdBy: null,
    createdAt: null,
  };
}

/** A stored custom indicator (自定义指标) as a catalogue entry. */
export function presentCustomIndicator(row: CustomIndicatorRow): CatalogueEntry {
  return {
    code: row.code,
    name: row.name,
    unit: row.unit,
    formula: row.formula,
    direction: row.direction,
    display: row.display,
    decimals: row.decimals,
    source: "自定义指标",
    description: row.description,
    category: row.category === "" ? "自定义" : row.category,
    origin: "custom",
    active: row.active,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** 指标目录: every standard indicator, then every custom one (deactivated ones flagged). */
export function presentCatalogue(custom: readonly CustomIndicatorRow[]): IndicatorCatalogue {
  return {
    items: [...STANDARD_INDICATORS.map(presentStandardIndicator), ...custom.map(presentCustomIndicator)],
  };
}

/** A target after 确认指标关联. */
export function presentTargetLink(row: PlanTargetRow): TargetLinkResult {
  return {
    targetId: row.id,
    indicatorCode: row.indicator_code,
    linkState: linkStateOf(row),
    confirmedAt:
      row.indicator_confirmed_at === null ? null : new Date(row.indicator_confirmed_at).toISOString(),
  };
}

/** 目标监测 of a unit: each target as monitored, the confirmation time as ISO text. */
export function presentTargetMonitor(result: TargetMonitorResult): TargetMonitorList {
  return {
    orgUnit: result.orgUnit,
    year: result.year,
    items: result.items.map((item) => ({
      ...item,
      confirmedAt: item.confirmedAt === null ? null : item.confirmedAt.toISOString(),
    })),
  };
}

/** The dashboard's description of an indicator. */
function dashboardIndicator(
  d: IndicatorDefinition,
  bases: ReadonlyMap<string, IndicatorBasis>,
): DashboardIndicator {
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
    source: citationOf(d.source),
    description: d.description ?? null,
    references: referencesFor(d.code).map((r) => ({ ...r })),
    basis: bases.get(d.code) ?? null,
  };
}

/** A unit as the dashboard names it. */
const unitRef = (u: Pick<ScopeUnit, "id" | "code" | "name" | "kind">): IndicatorSeries["orgUnit"] => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
});

/** 指标看板, trends. */
export function presentIndicatorSeries(r: IndicatorSeriesResult): IndicatorSeries {
  return {
    orgUnit: unitRef(r.orgUnit),
    years: r.years,
    indicators: r.definitions.map((d) => dashboardIndicator(d, r.bases)),
    series: r.series,
  };
}

/** 指标看板, drill-down. */
export function presentIndicatorChildren(r: IndicatorChildrenResult): IndicatorChildren {
  return {
    orgUnit: unitRef(r.orgUnit),
    year: r.year,
    indicators: r.definitions.map((d) => dashboardIndicator(d, r.bases)),
    total: r.total,
    children: r.children.map((c) => ({
      ...unitRef(c.unit),
      schoolType: c.unit.schoolType ?? null,
      hasChildren: c.hasChildren,
      values: c.values,
    })),
  };
}

/** 指标看板, distribution. */
export function presentIndicatorDistribution(r: IndicatorDistributionResult): IndicatorDistribution {
  const { orgUnit, definition, basis, ...rest } = r;
  const bases = new Map(basis === null ? [] : [[definition.code, basis]]);
  return { ...rest, orgUnit: unitRef(orgUnit), indicator: dashboardIndicator(definition, bases) };
}

/** A background import job: its phase and progress, and its result or error once it has ended. */
export function presentImportJob(job: StatsImportJobSnapshot): StatsImportJob {
  return {
    id: job.id,
    fileName: job.fileName,
    year: job.year,
    phase: job.phase,
    done: job.done,
    total: job.total,
    result: job.result,
    error: job.error,
    failedIn: job.failedIn,
  };
}
