/**
 * 全部指标总表: every catalogue indicator for every org unit under a unit and every year of a range, from
 * stored statistics in three set-based reads (school rows, 招生 history, population) and one pass of the
 * indicator engine — a province of 25,000 schools over 10 years in a few seconds on the embedded
 * database. Values equal {@link computeIndicators}' for each unit and year.
 */
import {
  ancestorChains,
  evaluateIndicators,
  formatIndicatorValue,
  prepareRows,
  type CompiledIndicator,
  type IndicatorDefinition,
  type IndicatorTable,
  type StatRow,
} from "@luoshi/domain/indicators";
import type { OrgKind, OrgUnitSeed } from "@luoshi/domain/org";
import { findDataElement } from "@luoshi/domain/stats";
import { orgUnitRepo, statsRepo, type PackedYearValues } from "@luoshi/db";
import { AppError } from "../errors.ts";
import type { Actor, ServiceDeps } from "../context.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { assertInScope } from "./scope.ts";
import { authorize } from "./user.service.ts";
import { readValuesInto } from "./stats-columns.ts";
import { scopeUnits, toSeeds, type ScopeUnit } from "./stats-scope.service.ts";

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
/** Characters of a uuid, the start of each packed line. */
const ID_LENGTH = 36;
/** The values of every engine row: its columns are filled before the engine reads them. */
const NO_VALUES: Readonly<Record<string, number>> = Object.freeze({});

/** The stored elements the catalogue reads: derived totals (pupils.compulsory …) by their parts. */
function baseElements(catalogue: readonly CompiledIndicator[]): Set<string> {
  const out = new Set<string>();
  const visit = (code: string): void => {
    const parts = findDataElement(code)?.sumOf;
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
  const unit = await orgUnitRepo.findById(db, input.orgUnitId);
  if (unit === undefined) {
    throw new AppError("not-found", "没有这个单位");
  }
  assertInScope(actor, unit);
  const t0 = performance.now();
  // PGlite has one connection: the reads run one after another either way.
  const catalogue = await loadCatalogue(db);
  const scope = await scopeUnits(db, unit.path);
  const [schools = [], history = [], population = []] = await statsRepo.listPackedTablesInScope(
    db,
    unit.path,
    [
      { table: "school_stats", from: from - MAX_LAG, to },
      { table: "enrolment_history", from: from - MAX_LAG, to },
      { table: "population_stats", from, to },
    ],
  );

  const t1 = performance.now();
  // Rows as the engine reads them (tagged as buildStatRows tags them); values stay text for now.
  const scoped = [...scope.byCode.values()];
  const seeds = toSeeds(scoped);
  const chains = ancestorChains(seeds);
  const unitOf = new Map<string, { index: number; seed: OrgUnitSeed; chain: readonly string[] }>();
  scoped.forEach((u, index) => {
    const seed = seeds[index];
    const chain = seed === undefined ? undefined : chains.get(seed.code);
    if (seed !== undefined && chain !== undefined) {
      unitOf.set(u.id, { index, seed, chain });
    }
  });
  // Which unit-years have a full school record: one flag per unit and year read.
  const firstYear = from - MAX_LAG;
  const span = to - firstYear + 1;
  const hasRecord = new Uint8Array(scoped.length * span);
  // Rows in the engine's order (history, school records, population) and where each one's values lie.
  const rows: StatRow[] = [];
  const texts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const readRows = (years: readonly PackedYearValues[], kind: "school" | "history" | "area"): void => {
    for (const { year, packed } of years) {
      for (let i = 0; i < packed.length;) {
        const next = packed.indexOf("\n", i);
        const end = next < 0 ? packed.length : next;
        const unit = unitOf.get(packed.slice(i, i + ID_LENGTH));
        const start = i + ID_LENGTH;
        i = end + 1;
        if (unit === undefined) {
          continue;
        }
        const { seed, chain } = unit;
        const flag = unit.index * span + (year - firstYear);
        if (kind === "area") {
          if (seed.kind === "school" || seed.kind === "department") {
            continue;
          }
          rows.push({ unitCode: seed.code, year, ancestors: chain, values: NO_VALUES });
        } else {
          if (seed.school === undefined || (kind === "history" && hasRecord[flag] === 1)) {
            continue;
          }
          rows.push({ unitCode: seed.code, year, ancestors: chain, school: seed.school, values: NO_VALUES });
        }
        texts.push(packed);
        starts.push(start);
        ends.push(end);
      }
    }
  };
  // A full record wins over a 招生-only history row of the same school and year: mark the records
  // first, then read history, records and population in the order buildStatRows gives them.
  for (const { year, packed } of schools) {
    for (let i = 0; i < packed.length;) {
      const next = packed.indexOf("\n", i);
      const unit = unitOf.get(packed.slice(i, i + ID_LENGTH));
      if (unit?.seed.school !== undefined) {
        hasRecord[unit.index * span + (year - firstYear)] = 1;
      }
      i = next < 0 ? packed.length : next + 1;
    }
  }
  readRows(history, "history");
  readRows(schools, "school");
  readRows(population, "area");
  const prepared = prepareRows(rows);
  // Every column the catalogue reads, filled from the text row by row: the engine finds them cached
  // and never looks at the (empty) per-row values.
  const columns = new Map<string, Float64Array>();
  for (const code of baseElements(catalogue)) {
    columns.set(code, new Float64Array(prepared.rowCount));
  }
  for (let r = 0; r < rows.length; r++) {
    readValuesInto(texts[r] ?? "{}", starts[r] ?? 0, ends[r] ?? 0, r, columns);
  }
  for (const [code, col] of columns) {
    prepared.columns.set(code, col);
  }
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const t2 = performance.now();
  const { tables } = evaluateIndicators(prepared, catalogue, { years, maxIssues: 0 });
  const t3 = performance.now();

  const units = tableUnits(scope.byCode.values(), unit.path, input.kinds);
  const definitions = catalogue.map((c) => c.definition);
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
    rowsRead: rows.length,
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
    .filter((u) => kinds === undefined || kinds.includes(u.kind as OrgKind))
    .map((u): CatalogueUnit => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind as OrgKind,
      parentCode: u.path === rootPath || u.parentId === null ? null : (codeOf.get(u.parentId) ?? null),
      depth: u.path.split("/").length - rootDepth,
    }))
    .sort((a, b) => a.depth - b.depth || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
