/**
 * 指标计算 over stored statistics: every standard indicator for one org unit and year, from the school
 * rows below the unit (one query per table, never one per school) through the domain's indicator engine.
 */
import { formatIndicatorValue } from "@luoshi/common";
import { evaluateIndicators, tableValue } from "@luoshi/domain/indicators";
import { scopeKey, scopeOf, type Db, type OrgUnitRow, type Scope } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { findUnitInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";
import { loadStatRows } from "./stats-scope.service.ts";
import { provinceRuleSet } from "../evaluation/rule-set.ts";
import { basesOf } from "./indicator-basis.ts";
import type { IndicatorBasis } from "@luoshi/contracts";
import { byStatisticsVersion } from "./computed-cache.ts";

/** One indicator's value for a unit and year; numerator and denominator when the formula is a ratio. */
export interface IndicatorResult {
  code: string;
  name: string;
  unit: string;
  /** Unrounded; null when there is no data or the denominator is 0. */
  value: number | null;
  /** As published: 94.08%, 6:1, "—" for no value. */
  display: string;
  numerator: number | null;
  denominator: number | null;
  /** The rules applied (教学点 policy), for the indicators that depend on them. */
  basis: IndicatorBasis | null;
}

/** The indicators of one unit and year. */
export interface UnitIndicators {
  orgUnit: { id: string; code: string; name: string };
  year: number;
  items: IndicatorResult[];
}

/** Cohort formulas read up to 9 years back (九年义务教育巩固率: 招生 of year − 9). */
const MAX_LAG = 9;

/**
 * Every catalogue indicator for `orgUnitId` in `year`, computed from the statistics of the schools and
 * 乡镇 below it. Needs `stats.read`; a unit outside the actor's scope is 403.
 */
export async function computeIndicators(
  deps: ServiceDeps,
  actor: Actor,
  input: { orgUnitId: string; year: number },
): Promise<UnitIndicators> {
  authorize(actor, "stats.read");
  const { db } = deps.handle;
  const unit = await findUnitInScope(db, actor, input.orgUnitId);
  const { year } = input;
  // The actor may read the unit (checked above); what it gets depends only on the unit, the year and
  // the actor's scope (schools that moved out of a 乡镇 are followed only within that scope).
  return byStatisticsVersion(db, `indicators|${unit.id}|${String(year)}|${scopeKey(actor.scope)}`, () =>
    indicatorsOf(db, unit, year, actor.scope),
  );
}

async function indicatorsOf(db: Db, unit: OrgUnitRow, year: number, within: Scope): Promise<UnitIndicators> {
  const [catalogue, { rows }, ruleSet] = await Promise.all([
    loadCatalogue(db),
    loadStatRows(db, scopeOf(unit.path), { from: year, to: year, lag: MAX_LAG }, within),
    provinceRuleSet(db, unit),
  ]);
  const { tables } = evaluateIndicators(rows, catalogue, {
    years: [year],
    maxIssues: 0,
    compulsoryRules: ruleSet,
  });
  const bases = basesOf(catalogue, ruleSet);
  const items = catalogue.map(({ definition: d }): IndicatorResult => {
    const table = tables.get(d.code);
    const v = table === undefined ? null : tableValue(table, unit.code, year);
    const value = v?.value ?? null;
    return {
      code: d.code,
      name: d.name,
      unit: d.unit,
      value,
      display: formatIndicatorValue(d, value),
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      basis: bases.get(d.code) ?? null,
    };
  });
  return { orgUnit: { id: unit.id, code: unit.code, name: unit.name }, year, items };
}
