/**
 * Helpers shared by the statistics services: the org units of a scope in one query (as the import maps
 * codes and the indicator engine builds its hierarchy), and the statistics rows the engine reads.
 */
import { type Db, type Scope, type StatsScopeUnit, statsRepo } from "@luoshi/db";
import { buildStatRows, type StatRow } from "@luoshi/domain/indicators";
import { openInYear, type OrgUnitSeed } from "@luoshi/domain/org";

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
 * The statistics within `scope` as the indicator engine reads them: school and 招生-history rows of
 * `from − lag` … `to` (cohort formulas look `lag` years back), 乡镇 population of `from` … `to`, tagged
 * with the scope's hierarchy. Four queries, never one per school. A full school record wins over a
 * 招生-only history row of the same school and year.
 */
export async function loadStatRows(
  db: Db,
  scope: Scope,
  range: { from: number; to: number; lag: number },
): Promise<{ units: ScopeUnits; rows: StatRow[] }> {
  const { from, to, lag } = range;
  const [units, schools, history, population] = await Promise.all([
    scopeUnits(db, scope),
    statsRepo.listInScope(db, "school_stats", scope, from - lag, to),
    statsRepo.listInScope(db, "enrolment_history", scope, from - lag, to),
    statsRepo.listInScope(db, "population_stats", scope, from, to),
  ]);
  // A year counts only the units open in it (docs/org-units.md): rows a school wrote for a year before
  // it was merged or closed stay stored but are not added up.
  const open = (r: { code: string; year: number }): boolean => {
    const u = units.byCode.get(r.code);
    return u === undefined || countsInYear(u, r.year);
  };
  const openSchools = schools.filter(open);
  const full = new Set(openSchools.map((s) => `${s.code}|${String(s.year)}`));
  const records = [
    ...history.filter((h) => open(h) && !full.has(`${h.code}|${String(h.year)}`)),
    ...openSchools,
  ].map((r) => ({ schoolCode: r.code, year: r.year, values: r.values }));
  const { rows } = buildStatRows(
    toSeeds(units.byCode.values()),
    records,
    population.filter(open).map((p) => ({ areaCode: p.code, year: p.year, values: p.values })),
  );
  return { units, rows };
}
