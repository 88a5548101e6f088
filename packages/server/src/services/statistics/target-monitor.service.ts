/**
 * 目标监测: the targets of confirmed plans against the indicators computed from stored statistics.
 *
 * Which targets: those of the confirmed plans owned by the unit itself or by any unit above it (a
 * county sees its own 十四五 plan and the city's and province's), each measured on the unit's own data.
 * Plans of units below are not listed: they are measured on those units and shown when one selects them.
 *
 * Link: the parser's metric gives a suggestion (see `suggestIndicator`); staff confirm or change it with
 * PUT /api/targets/:id/link, which is audited. Baseline: the plan's own baseline figure for the same
 * indicator, else the computed value in the plan's base year (the year before its period). Targets without
 * a number (基本消除大班额) are assessed by the checkable rule of `QUALITATIVE_TARGET_RULES`.
 */
import { indicatorRepo, scopeOf, type Scope } from "@luoshi/db";
import {
  type CohortYear,
  type CompiledIndicator,
  type MonitoredTarget,
  type SeriesPoint,
  assessMonitoredTargets,
  cohortHistory,
  cohortInputDefinitions,
  compileIndicators,
  evaluateIndicators,
  planTargetMonitor,
  prepareRows,
  tableValue,
} from "@luoshi/domain/indicators";
import type { Actor, ServiceDeps } from "../../context.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { findUnitInScope } from "../access/scope.ts";
import { loadStatRows } from "./stats-scope.service.ts";
import { provinceRuleSet } from "../evaluation/rule-set.ts";
import { authorize } from "../access/authorize.ts";

/** Cohort formulas read up to 9 years back (九年义务教育巩固率). */
const MAX_LAG = 9;
/** Years of cohort statistics read for 队列推算: the entry year of a cohort graduating within nine years. */
const COHORT_YEARS = 9;

/**
 * Series of the given indicators for one unit over `years`, from the statistics below the unit, and for
 * the cohort-defined ones among `cohortCodes` (巩固率) the unit's cohort history of the last
 * {@link COHORT_YEARS} years, read from the same rows (队列推算 inputs).
 */
async function computeSeries(
  deps: ServiceDeps,
  within: Scope,
  unit: { id: string; code: string; path: string },
  indicators: readonly CompiledIndicator[],
  years: readonly number[],
  cohortCodes: readonly string[],
): Promise<{ series: Map<string, SeriesPoint[]>; cohorts: Map<string, CohortYear[]> }> {
  const out = new Map<string, SeriesPoint[]>();
  const cohorts = new Map<string, CohortYear[]>();
  const first = years[0];
  const last = years[years.length - 1];
  if (indicators.length === 0 || first === undefined || last === undefined) {
    return { series: out, cohorts };
  }
  const cohortYears = Array.from({ length: COHORT_YEARS }, (_, i) => last - COHORT_YEARS + 1 + i);
  const from = (cohortCodes.length === 0 ? first : Math.min(first, last - COHORT_YEARS + 1)) - MAX_LAG;
  const { db } = deps.handle;
  const range = { from: first, to: last, lag: first - from };
  const { rows } = await loadStatRows(db, scopeOf(unit.path), range, within);
  const prepared = prepareRows(rows, await provinceRuleSet(db, unit));
  const { tables } = evaluateIndicators(prepared, indicators, { years, maxIssues: 0 });
  for (const c of indicators) {
    const table = tables.get(c.definition.code);
    out.set(
      c.definition.code,
      years.map((y) => ({
        year: y,
        value: table === undefined ? null : (tableValue(table, unit.code, y)?.value ?? null),
      })),
    );
  }
  if (cohortCodes.length > 0) {
    const inputs = compileIndicators(cohortCodes.flatMap((c) => cohortInputDefinitions(c))).compiled;
    const evaluated = evaluateIndicators(prepared, inputs, { years: cohortYears, maxIssues: 0 }).tables;
    for (const code of cohortCodes) {
      cohorts.set(
        code,
        cohortHistory(code, cohortYears, (input, y) => {
          const table = evaluated.get(input);
          return table === undefined ? null : (tableValue(table, unit.code, y)?.value ?? null);
        }),
      );
    }
  }
  return { series: out, cohorts };
}

/** A unit's 目标监测 as the service computes it; the route presents it. */
export interface TargetMonitorResult {
  orgUnit: { id: string; code: string; name: string };
  year: number;
  items: MonitoredTarget[];
}

/**
 * 目标监测 of a unit as of `year`: every target of the confirmed plans that apply to it, with its indicator's
 * series up to `year`, baseline, latest value, status, projection and the yearly change still needed.
 * Needs stats.read; the unit must lie in the actor's scope.
 */
export async function monitorTargets(
  deps: ServiceDeps,
  actor: Actor,
  input: { orgUnitId: string; year: number },
): Promise<TargetMonitorResult> {
  authorize(actor, "stats.read");
  const { db } = deps.handle;
  const unit = await findUnitInScope(db, actor, input.orgUnitId);
  const { year } = input;
  const owners = unit.path.split("/").filter((s) => s !== "");
  const [rows, goalTexts, compiled] = await Promise.all([
    indicatorRepo.listConfirmedTargets(db, owners),
    indicatorRepo.listConfirmedGoalTexts(db, owners),
    loadCatalogue(db),
  ]);
  const byCode = new Map(compiled.map((c) => [c.definition.code, c]));
  const catalogue = {
    names: compiled.map((c) => ({
      code: c.definition.code,
      name: c.definition.name,
      unit: c.definition.unit,
    })),
    definitions: new Map(compiled.map((c) => [c.definition.code, c.definition])),
  };
  const plan = planTargetMonitor({
    year,
    rows: rows.map((r) => ({
      id: r.id,
      planId: r.plan_id,
      planTitle: r.plan_title,
      planPeriodStart: r.plan_period_start,
      planPeriodEnd: r.plan_period_end,
      kind: r.kind,
      path: r.path,
      text: r.text,
      metric: r.metric,
      indicatorCode: r.indicator_code,
      confirmedAt: r.indicator_confirmed_at === null ? null : new Date(r.indicator_confirmed_at),
      comparator: r.comparator,
      value: r.value,
      unit: r.unit,
      year: r.year,
    })),
    goalTexts: goalTexts.map((g) => ({
      nodeId: g.node_id,
      planId: g.plan_id,
      planTitle: g.plan_title,
      planPeriodEnd: g.plan_period_end,
      path: g.path,
      text: g.text,
    })),
    catalogue,
  });
  const { series, cohorts } = await computeSeries(
    deps,
    actor.scope,
    unit,
    plan.needed.map((c) => byCode.get(c)).filter((c): c is CompiledIndicator => c !== undefined),
    plan.years,
    plan.cohortCodes,
  );
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    year,
    items: assessMonitoredTargets(plan, catalogue, series, cohorts),
  };
}
