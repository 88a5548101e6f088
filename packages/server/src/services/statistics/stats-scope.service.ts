/**
 * Helpers shared by the statistics services: the org units of a scope in one query (as the import maps
 * codes and the indicator engine builds its hierarchy), and the statistics rows the engine reads.
 */
import { type Db, type Scope, type StatsScopeUnit, orgUnitChangeRepo, statsRepo } from "@luoshi/db";
import { buildStatRows, type StatRow } from "@luoshi/domain/indicators";
import {
  movedOutOf,
  openInYear,
  referenceDay,
  yearChains,
  type OrgUnitSeed,
  type YearChain,
} from "@luoshi/domain/org";

/** An org unit as the statistics services need it. */
export type ScopeUnit = StatsScopeUnit;

/** Every unit within a scope, by code, with the scope's own root unit when it is one. */
export interface ScopeUnits {
  root: ScopeUnit | undefined;
  byCode: Map<string, ScopeUnit>;
  /** Which of `codes` (not in the scope) name units that exist elsewhere: one query. */
  outside(db: Db, codes: readonly string[]): Promise<Set<string>>;
}

/** True when the unit belongs to the statistical year: open on its reference day (most units have no dates). */
export function countsInYear(unit: Pick<ScopeUnit, "openedOn" | "closedOn">, year: number): boolean {
  return (unit.openedOn === null && unit.closedOn === null) || openInYear(unit, year);
}

/** Loads the units within `scope` in one query. */
export async function scopeUnits(db: Db, scope: Scope): Promise<ScopeUnits> {
  const units = await statsRepo.listUnitsInScope(db, scope);
  return {
    root: units.find((u) => u.path === scope.path),
    byCode: new Map(units.map((u) => [u.code, u])),
    outside: async (database, codes) => statsRepo.existingUnitCodes(database, codes),
  };
}

/**
 * The units as the indicator engine's hierarchy: parents by code; the topmost unit loaded has no parent,
 * so every chain ends at the requested unit.
 */
export function toSeeds(units: Iterable<ScopeUnit>): OrgUnitSeed[] {
  const list = [...units];
  const codeOf = new Map(list.map((u) => [u.id, u.code]));
  return list.map((u): OrgUnitSeed => {
    const parentCode = u.parentId === null ? undefined : codeOf.get(u.parentId);
    return {
      code: u.code,
      name: u.name,
      kind: u.kind,
      ...(parentCode === undefined ? {} : { parentCode }),
      ...(u.kind === "school" && u.schoolType !== null
        ? {
            school: {
              schoolType: u.schoolType,
              ownership: u.ownership ?? "public",
              urbanRural: u.urbanRural ?? "urban",
              isInclusive: u.isInclusive ?? false,
            },
          }
        : {}),
    };
  });
}

/**
 * The subtree of the statistics reads over years from `firstYear` on, as the units stood in each year
 * (docs/org-units.md): the units below the root now, plus those that lay below it in one of the years
 * and were moved out since (a school moved to another 乡镇) — only units within `within`, the caller's
 * own scope, so the history never widens what the caller may read.
 */
export interface YearTree {
  /** The units below the root now (the import's and the tables' unit list). */
  units: ScopeUnits;
  /** Those and the units moved out since `firstYear`, as the year views place them. */
  all: ScopeUnit[];
  /** Ids of the units moved out: their statistics rows are read too. */
  movedOut: string[];
  /** Each unit's area chain in a year, ending at the root; null when it lay elsewhere that year. */
  chainIn: YearChain;
  /** False when no unit of the subtree moved since `firstYear`: every year's chain is today's. */
  moved: boolean;
}

/** Loads {@link YearTree}: two queries when nothing moved, three or four when something did. */
export async function loadYearTree(
  db: Db,
  scope: Scope,
  within: Scope,
  firstYear: number,
): Promise<YearTree> {
  const since = referenceDay(firstYear);
  const [units, moves] = await Promise.all([
    scopeUnits(db, scope),
    orgUnitChangeRepo.listMovesInScope(db, within, since),
  ]);
  const current = [...units.byCode.values()];
  const out = movedOutOf(new Set(current.map((u) => u.id)), moves, since);
  const extra =
    out.size === 0
      ? []
      : (await statsRepo.listUnitsBelow(db, within, [...out])).filter((u) => !units.byCode.has(u.code));
  const all = [...current, ...extra];
  const root = units.root;
  return {
    units,
    all,
    movedOut: extra.map((u) => u.id),
    chainIn: root === undefined ? () => null : yearChains(all, moves, root.id),
    moved: moves.length > 0,
  };
}

/**
 * The statistics within `scope` as the indicator engine reads them: school and 招生-history rows of
 * `from − lag` … `to` (cohort formulas look `lag` years back), 乡镇 population of `from` … `to`, tagged
 * with the scope's hierarchy as it stood in each row's year ({@link loadYearTree}; `within` is the
 * caller's scope). A few queries, never one per school. A full school record wins over a 招生-only
 * history row of the same school and year.
 */
export async function loadStatRows(
  db: Db,
  scope: Scope,
  range: { from: number; to: number; lag: number },
  within: Scope,
): Promise<{ tree: YearTree; rows: StatRow[] }> {
  const { from, to, lag } = range;
  const tree = await loadYearTree(db, scope, within, from - lag);
  const [schools, history, population] = await Promise.all([
    statsRepo.listInScope(db, "school_stats", scope, from - lag, to, tree.movedOut),
    statsRepo.listInScope(db, "enrolment_history", scope, from - lag, to, tree.movedOut),
    statsRepo.listInScope(db, "population_stats", scope, from, to, tree.movedOut),
  ]);
  const byCode = new Map(tree.all.map((u) => [u.code, u]));
  // A year counts only the units open in it (docs/org-units.md): rows a school wrote for a year before
  // it was merged or closed stay stored but are not added up.
  const open = (r: { code: string; year: number }): boolean => {
    const u = byCode.get(r.code);
    return u === undefined || countsInYear(u, r.year);
  };
  const openSchools = schools.filter(open);
  const full = new Set(openSchools.map((s) => `${s.code}|${String(s.year)}`));
  const records = [
    ...history.filter((h) => open(h) && !full.has(`${h.code}|${String(h.year)}`)),
    ...openSchools,
  ].map((r) => ({ schoolCode: r.code, year: r.year, values: r.values }));
  const { rows } = buildStatRows(
    toSeeds(tree.all),
    records,
    population.filter(open).map((p) => ({ areaCode: p.code, year: p.year, values: p.values })),
    tree.moved ? tree.chainIn : undefined,
  );
  return { tree, rows };
}
