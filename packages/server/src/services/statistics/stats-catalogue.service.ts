/**
 * 全部指标总表: every catalogue indicator for every org unit under a unit and every year of a range, from
 * stored statistics in three set-based reads (school rows, 招生 history, population) and one pass of the
 * indicator engine — a province of 25,000 schools over 10 years in a few seconds on the embedded
 * database. Values equal {@link computeIndicators}' for each unit and year.
 */
import { formatIndicatorValue } from "@luoshi/common";
import {
  ancestorChains,
  evaluateIndicators,
  prepareRows,
  shareAggregates,
  type CompiledIndicator,
  type PreparedRows,
  type IndicatorDefinition,
  type IndicatorTable,
  type StatRow,
} from "@luoshi/domain/indicators";
import type { OrgKind, OrgUnitSeed } from "@luoshi/domain/org";
import { findDataElement } from "@luoshi/domain/stats";
import { scopeOf, statsRepo, type PackedYearValues } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { findUnitInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";
import { copyValuesInto } from "./stats-columns.ts";
import { countsInYear, loadYearTree, toSeeds, type ScopeUnit } from "./stats-scope.service.ts";
import type { YearChain } from "@luoshi/domain/org";
import type { CompulsoryPartRules } from "@luoshi/domain/evaluation";
import type { IndicatorBasis } from "@luoshi/contracts";
import { provinceRuleSet } from "../evaluation/rule-set.ts";
import { basesOf } from "./indicator-basis.ts";

/** Cohort formulas read up to 9 years back (九年义务教育巩固率: 招生 of year − 9). */
const MAX_LAG = 9;
/** The widest year range one computation may ask for. */
export const MAX_CATALOGUE_YEARS = 30;

/** A unit of the table. */
export interface CatalogueUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  /** Code of the parent inside the table; null for the root. */
  parentCode: string | null;
  /** 0 for the root, 1 for its children … */
  depth: number;
}

/** One unit-year-indicator value as published. */
export interface CatalogueCell {
  /** Unrounded; null when there is no data or the denominator is 0. */
  value: number | null;
  display: string;
  numerator: number | null;
  denominator: number | null;
}

/** The whole catalogue for every unit and year. */
export interface CatalogueTables {
  root: { id: string; code: string; name: string };
  years: readonly number[];
  /** The root first, then by depth and code. Departments (科室) hold no statistics and are left out. */
  units: readonly CatalogueUnit[];
  /** The catalogue in order. */
  indicators: readonly IndicatorDefinition[];
  /** Indicator code → its table over every unit with data and every year of the range. */
  tables: ReadonlyMap<string, IndicatorTable>;
  /** The rules applied (教学点 policy), by code of each indicator that depends on them. */
  bases: ReadonlyMap<string, IndicatorBasis>;
  /** Statistic rows read (school, history and population). */
  rowsRead: number;
  /** Wall-clock milliseconds of the database reads, of tagging and scanning, and of the engine. */
  timings: { readMs: number; prepareMs: number; evaluateMs: number };
  /** The value of one indicator for one unit and year (null cell when the unit has no data). */
  cell(indicatorCode: string, unitCode: string, year: number): CatalogueCell;
}

/** Options of {@link computeCatalogueTables}. */
export interface CatalogueInput {
  orgUnitId: string;
  from: number;
  to: number;
  /** Only these kinds of unit in `units` (the computation is the same); default all but departments. */
  kinds?: readonly OrgKind[];
}

const NO_VALUE = { value: null, numerator: null, denominator: null } as const;
/** The values of every engine row: its columns are filled before the engine reads them. */
const NO_VALUES: Readonly<Record<string, number>> = Object.freeze({});

/** The stored elements the catalogue reads: derived totals (pupils.compulsory …) by their parts. */
function baseElements(catalogue: readonly CompiledIndicator[]): Set<string> {
  const out = new Set<string>();
  const visit = (code: string): void => {
    const element = findDataElement(code);
    const parts = element?.sumOf ?? element?.computedFrom;
    if (parts === undefined) {
      out.add(code);
    } else {
      parts.forEach(visit);
    }
  };
  for (const c of catalogue) {
    c.plan.elements.forEach(visit);
  }
  return out;
}

/**
 * Every catalogue indicator for every org unit under `orgUnitId` (itself included) and every year
 * `from`..`to`. Needs `stats.read`; a unit outside the actor's scope is 403; a reversed or too wide year
 * range is `validation-failed`.
 */
export async function computeCatalogueTables(
  deps: ServiceDeps,
  actor: Actor,
  input: CatalogueInput,
): Promise<CatalogueTables> {
  authorize(actor, "stats.read");
  const { from, to } = input;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new AppError("validation-failed", `年度范围有误：${from}–${to}（起始年度不能晚于截止年度）`);
  }
  if (to - from + 1 > MAX_CATALOGUE_YEARS) {
    throw new AppError("validation-failed", `年度范围 ${from}–${to} 超过 ${MAX_CATALOGUE_YEARS} 年`);
  }
  const { db } = deps.handle;
  const unit = await findUnitInScope(db, actor, input.orgUnitId);
  const t0 = performance.now();
  // PGlite has one connection: the reads run one after another either way.
  const catalogue = await loadCatalogue(db);
  const ruleSet = await provinceRuleSet(db, unit);
  // The units as they stood in each year: a school moved to another 乡镇 counts under its 乡镇 of then.
  const tree = await loadYearTree(db, scopeOf(unit.path), actor.scope, from - MAX_LAG);
  const scope = tree.units;
  const reads = await statsRepo.listPackedTablesInScope(
    db,
    scopeOf(unit.path),
    [
      { table: "school_stats", from: from - MAX_LAG, to },
      { table: "enrolment_history", from: from - MAX_LAG, to },
      { table: "population_stats", from, to },
    ],
    tree.movedOut,
  );

  const t1 = performance.now();
  const chainIn = tree.moved ? tree.chainIn : null;
  const prepared = tagRows(reads, tree.all, baseElements(catalogue), from - MAX_LAG, to, chainIn, ruleSet);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const t2 = performance.now();
  // Indicators of the catalogue share many aggregates (Σ 在校生 of a level …): each is summed once.
  const aggregates = shareAggregates(catalogue.map((c) => c.plan));
  const { tables } = evaluateIndicators(prepared, catalogue, { years, maxIssues: 0, aggregates });
  const t3 = performance.now();

  const units = tableUnits(scope.byCode.values(), unit.path, input.kinds);
  const definitions = catalogue.map((c) => c.definition);
  // The tables exist to be exported (指标总表): every export is in the trail (security.md).
  await recordAudit(db, actor, {
    action: "indicator.table-export",
    entityType: "org_unit",
    entityId: unit.id,
    details: { from, to, units: units.length, indicators: definitions.length },
  });
  const byCode = new Map(definitions.map((d) => [d.code, d]));
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  // Every table shares the engine's unit list; index it once instead of indexOf per lookup.
  const unitIndexes = new Map<readonly string[], Map<string, number>>();
  const indexOf = (t: IndicatorTable): Map<string, number> => {
    let m = unitIndexes.get(t.unitCodes);
    if (m === undefined) {
      m = new Map(t.unitCodes.map((c, i) => [c, i]));
      unitIndexes.set(t.unitCodes, m);
    }
    return m;
  };
  return {
    root: { id: unit.id, code: unit.code, name: unit.name },
    years,
    units,
    indicators: definitions,
    tables,
    bases: basesOf(catalogue, ruleSet),
    rowsRead: prepared.rowCount,
    timings: { readMs: t1 - t0, prepareMs: t2 - t1, evaluateMs: t3 - t2 },
    cell(indicatorCode, unitCode, year) {
      const d = byCode.get(indicatorCode);
      const t = tables.get(indicatorCode);
      const u = t === undefined ? undefined : indexOf(t).get(unitCode);
      const y = yearIndex.get(year);
      if (d === undefined || t === undefined || u === undefined || y === undefined) {
        return { ...NO_VALUE, display: d === undefined ? "—" : formatIndicatorValue(d, null) };
      }
      const i = u * years.length + y;
      const value = t.isDefined[i] === 1 ? (t.values[i] ?? null) : null;
      return {
        value,
        display: formatIndicatorValue(d, value),
        numerator: t.numerators === null ? null : (t.numerators[i] ?? 0),
        denominator: t.denominators === null ? null : (t.denominators[i] ?? 0),
      };
    },
  };
}

/** One year's rows, parsed: ids at even and values at odd indexes. */
type ParsedYear = { year: number; list: unknown[] };

/**
 * The rows of the three reads (school records, 招生 history, population) as the engine reads them,
 * tagged as buildStatRows tags them and in its order — history, school records, population — with the
 * columns of `elements` filled from each year's JSON as it is parsed (the engine finds them cached and
 * never looks at the empty per-row values). A full record wins over a 招生-only history row of the same
 * school and year. With `chainIn`, each row is tagged with its unit's chain in the row's year, and rows
 * of a year in which the unit lay outside the root are skipped.
 */
function tagRows(
  reads: PackedYearValues[][],
  inScope: Iterable<ScopeUnit>,
  elements: Iterable<string>,
  firstYear: number,
  lastYear: number,
  chainIn: YearChain | null,
  compulsoryRules: CompulsoryPartRules,
): PreparedRows {
  const scoped = [...inScope];
  const seeds = toSeeds(scoped);
  const chains = ancestorChains(seeds);
  const unitOf = new Map<
    string,
    { index: number; seed: OrgUnitSeed; chain: readonly string[]; dated: ScopeUnit | null }
  >();
  scoped.forEach((u, index) => {
    const seed = seeds[index];
    const chain = seed === undefined ? undefined : chains.get(seed.code);
    if (seed !== undefined && chain !== undefined) {
      // Units with an opening or closing day count only in the years they were open.
      const dated = u.openedOn === null && u.closedOn === null ? null : u;
      unitOf.set(u.id, { index, seed, chain, dated });
    }
  });
  const [schools = [], history = [], population = []] = reads;
  // Sized for every row read; rows of units outside the engine's reach are skipped, and the columns
  // are cut to the rows kept.
  const capacity = reads.flat().reduce((n, y) => n + y.count, 0);
  const columns = new Map<string, Float64Array>();
  for (const code of elements) {
    columns.set(code, new Float64Array(capacity));
  }
  // Parse the school records first, one year at a time (each text is dropped once parsed), to mark which
  // unit-years have a full record; their values are copied after the history's.
  const span = lastYear - firstYear + 1;
  const hasRecord = new Uint8Array(scoped.length * span);
  const parsedSchools: ParsedYear[] = [];
  for (const y of schools.splice(0)) {
    const list = JSON.parse(y.json) as unknown[];
    for (let i = 0; i < list.length; i += 2) {
      const u = unitOf.get(list[i] as string);
      if (u?.seed.school !== undefined && (u.dated === null || countsInYear(u.dated, y.year))) {
        hasRecord[u.index * span + (y.year - firstYear)] = 1;
      }
    }
    parsedSchools.push({ year: y.year, list });
  }
  const rows: StatRow[] = [];
  const add = ({ year, list }: ParsedYear, kind: "school" | "history" | "area"): void => {
    for (let i = 0; i + 1 < list.length; i += 2) {
      const unit = unitOf.get(list[i] as string);
      if (unit === undefined || (unit.dated !== null && !countsInYear(unit.dated, year))) {
        continue;
      }
      const { seed } = unit;
      const chain = chainIn === null ? unit.chain : chainIn(seed.code, year);
      if (chain === null) {
        continue;
      }
      if (kind === "area") {
        if (seed.kind === "school" || seed.kind === "department") {
          continue;
        }
        rows.push({ unitCode: seed.code, year, ancestors: chain, values: NO_VALUES });
      } else {
        if (
          seed.school === undefined ||
          (kind === "history" && hasRecord[unit.index * span + (year - firstYear)] === 1)
        ) {
          continue;
        }
        rows.push({ unitCode: seed.code, year, ancestors: chain, school: seed.school, values: NO_VALUES });
      }
      copyValuesInto(list[i + 1], rows.length - 1, columns);
    }
  };
  for (const y of history.splice(0)) {
    add({ year: y.year, list: JSON.parse(y.json) as unknown[] }, "history");
  }
  for (const y of parsedSchools.splice(0)) {
    add(y, "school");
  }
  for (const y of population.splice(0)) {
    add({ year: y.year, list: JSON.parse(y.json) as unknown[] }, "area");
  }
  const prepared = prepareRows(rows, compulsoryRules);
  for (const [code, col] of columns) {
    prepared.columns.set(code, col.length === rows.length ? col : col.subarray(0, rows.length));
  }
  return prepared;
}

/** The units of the table: root first, then by depth and code; departments left out. */
function tableUnits(
  scope: Iterable<ScopeUnit>,
  rootPath: string,
  kinds: readonly OrgKind[] | undefined,
): CatalogueUnit[] {
  const list = [...scope].filter((u) => u.kind !== "department");
  const codeOf = new Map(list.map((u) => [u.id, u.code]));
  const rootDepth = rootPath.split("/").length;
  return list
    .filter((u) => kinds === undefined || kinds.includes(u.kind))
    .map((u): CatalogueUnit => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentCode: u.path === rootPath || u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
      depth: u.path.split("/").length - rootDepth,
    }))
    .sort((a, b) => a.depth - b.depth || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
