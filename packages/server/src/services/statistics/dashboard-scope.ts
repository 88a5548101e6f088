/**
 * 指标看板, shared by its three views: the catalogue's values over a unit's whole scope. Each view loads
 * the scope's units and statistics in a few set-based queries and evaluates the chosen indicators once
 * over all units and years — a county's value is Σ分子 ÷ Σ分母 of its schools, exactly as on /api/indicators.
 */
import { formatIndicatorValue } from "@luoshi/common";
import {
  evaluateIndicators,
  type CompiledIndicator,
  type IndicatorDefinition,
  type IndicatorTable,
} from "@luoshi/domain/indicators";
import { type Db, type OrgUnitRow, type Scope, scopeOf } from "@luoshi/db";
import { openInYear, type YearChain } from "@luoshi/domain/org";
import type { DashboardValue } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { findUnitInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";
import { loadStatRows, type ScopeUnit } from "./stats-scope.service.ts";
import { provinceRuleSet } from "../evaluation/rule-set.ts";
import { basesOf } from "./indicator-basis.ts";
import type { IndicatorBasis } from "@luoshi/contracts";

/** The evaluated scope: its units and one table per indicator over the requested years. */
export interface Evaluated {
  unit: OrgUnitRow;
  /** The unit as loaded with its scope (kind typed by the domain). */
  root: ScopeUnit;
  /** The units below the root now and those moved out of it within the requested years. */
  units: ScopeUnit[];
  /** A unit's area chain in a year (self first, ending at the root); null when it lay elsewhere then. */
  chainIn: YearChain;
  catalogue: readonly CompiledIndicator[];
  tables: Map<string, IndicatorTable>;
  years: readonly number[];
  /** The rules applied, by code of each indicator that depends on them (教学点 policy). */
  bases: ReadonlyMap<string, IndicatorBasis>;
  /** Index of each unit code in the tables (all tables share the engine's unit order). */
  unitIndex: Map<string, number>;
}

/** The unit, checked: `stats.read`, exists (404), in the actor's scope (403). */
export async function scopedUnit(deps: ServiceDeps, actor: Actor, orgUnitId: string): Promise<OrgUnitRow> {
  authorize(actor, "stats.read");
  const unit = await findUnitInScope(deps.handle.db, actor, orgUnitId);
  return unit;
}

/** The catalogue restricted to `codes` (comma-separated); an unknown code is a 400 that names it. */
export function pick(
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

/**
 * Loads the statistics under `unit` for `years` (a few queries; units placed as they stood in each
 * year, read only within `within`, the actor's scope) and evaluates `select(catalogue)`.
 */
export async function evaluateScope(
  db: Db,
  within: Scope,
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
  const { tree, rows } = await loadStatRows(db, scopeOf(unit.path), { from, to, lag }, within);
  const root = tree.units.root;
  if (root === undefined) {
    throw new AppError("not-found", "没有这个单位");
  }
  const ruleSet = await provinceRuleSet(db, unit);
  const { tables } = evaluateIndicators(rows, catalogue, { years, maxIssues: 0, compulsoryRules: ruleSet });
  const first = tables.values().next().value;
  const unitIndex = new Map((first?.unitCodes ?? []).map((c, i) => [c, i]));
  const bases = basesOf(catalogue, ruleSet);
  return { unit, root, units: tree.all, chainIn: tree.chainIn, catalogue, tables, years, bases, unitIndex };
}

/** The value of `unitCode` in year `years[yi]` of one indicator ("—" when it has none). */
export function valueAt(e: Evaluated, d: IndicatorDefinition, unitCode: string, yi: number): DashboardValue {
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

/** Units that hold statistics (departments do not). */
const isStatUnit = (u: ScopeUnit): boolean => u.kind !== "department";

/**
 * Units that hold statistics in the statistical year `year`: open on its reference day
 * (docs/org-units.md), so a school merged before it is not shown as one without data.
 */
const isStatUnitOf =
  (year: number) =>
  (u: ScopeUnit): boolean =>
    isStatUnit(u) && openInYear(u, year);

/**
 * The units that held statistics below the evaluated root in `year`, open then and placed where they
 * stood on its 1 September, each with the code of its parent in that year (null for the root).
 */
export function unitsOfYear(e: Evaluated, year: number): { unit: ScopeUnit; parentCode: string | null }[] {
  const ofYear = isStatUnitOf(year);
  return e.units.flatMap((unit) => {
    const chain = ofYear(unit) ? e.chainIn(unit.code, year) : null;
    return chain === null ? [] : [{ unit, parentCode: chain[1] ?? null }];
  });
}
