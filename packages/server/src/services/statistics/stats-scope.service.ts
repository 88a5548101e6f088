/**
 * Helpers shared by the statistics services: the org units of a scope in one query (as the import maps
 * codes and the indicator engine builds its hierarchy), and the change summary an import audits.
 */
import type { Kysely } from "kysely";
import { type Database, statsRepo } from "@luoshi/db";
import { buildStatRows, type StatRow } from "@luoshi/domain/indicators";
import type { OrgKind, OrgUnitSeed, Ownership, SchoolType, UrbanRural } from "@luoshi/domain/org";

/** An org unit as the statistics services need it. */
export interface ScopeUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
  schoolType?: SchoolType;
  ownership: string | null;
  urbanRural: string | null;
  isInclusive: boolean | null;
}

/** Every unit under a scope path, by code, with the scope's own root unit when it is one. */
export interface ScopeUnits {
  root: ScopeUnit | undefined;
  byCode: Map<string, ScopeUnit>;
  /** Which of `codes` (not in the scope) name units that exist elsewhere: one query. */
  outside(db: Kysely<Database>, codes: readonly string[]): Promise<Set<string>>;
}

/** Loads the units under `scopePath` in one query. */
export async function scopeUnits(db: Kysely<Database>, scopePath: string): Promise<ScopeUnits> {
  const rows = await db
    .selectFrom("org_units")
    .select([
      "id",
      "code",
      "name",
      "kind",
      "path",
      "parent_id",
      "school_type",
      "ownership",
      "urban_rural",
      "is_inclusive",
    ])
    .where("path", "like", `${scopePath}%`)
    .execute();
  const units = rows.map((r): ScopeUnit => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    path: r.path,
    parentId: r.parent_id,
    ...(r.school_type === null ? {} : { schoolType: r.school_type }),
    ownership: r.ownership,
    urbanRural: r.urban_rural,
    isInclusive: r.is_inclusive,
  }));
  return {
    root: units.find((u) => u.path === scopePath),
    byCode: new Map(units.map((u) => [u.code, u])),
    async outside(database, codes) {
      if (codes.length === 0) {
        return new Set();
      }
      const found = await database
        .selectFrom("org_units")
        .select("code")
        .where("code", "in", codes)
        .execute();
      return new Set(found.map((f) => f.code));
    },
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
      kind: u.kind as OrgKind,
      ...(parentCode === undefined ? {} : { parentCode }),
      ...(u.kind === "school" && u.schoolType !== undefined
        ? {
            school: {
              schoolType: u.schoolType,
              ownership: (u.ownership ?? "public") as Ownership,
              urbanRural: (u.urbanRural ?? "urban") as UrbanRural,
              isInclusive: u.isInclusive ?? false,
            },
          }
        : {}),
    };
  });
}

/** One changed value, for the audit sample. */
export interface StatChange {
  code: string;
  element: string;
  before: number | null;
  after: number | null;
}

/** Changed values between what is stored and what is imported: a count per school and a short sample. */
export function diffStatValues(
  stored: ReadonlyMap<string, Readonly<Record<string, number>>>,
  records: readonly { schoolCode: string; values: Readonly<Partial<Record<string, number>>> }[],
  sampleSize = 20,
): { changedValues: number; perSchool: Record<string, number>; sample: StatChange[] } {
  const perSchool: Record<string, number> = {};
  const sample: StatChange[] = [];
  let changedValues = 0;
  for (const r of records) {
    const before = stored.get(r.schoolCode) ?? {};
    const keys = new Set([...Object.keys(before), ...Object.keys(r.values)]);
    let n = 0;
    for (const k of keys) {
      const a = before[k] ?? null;
      const b = r.values[k] ?? null;
      if (a !== b) {
        n++;
        if (sample.length < sampleSize) {
          sample.push({ code: r.schoolCode, element: k, before: a, after: b });
        }
      }
    }
    if (n > 0) {
      perSchool[r.schoolCode] = n;
      changedValues += n;
    }
  }
  return { changedValues, perSchool, sample };
}

/**
 * The statistics below `scopePath` as the indicator engine reads them: school and 招生-history rows of
 * `from − lag` … `to` (cohort formulas look `lag` years back), 乡镇 population of `from` … `to`, tagged
 * with the scope's hierarchy. Four queries, never one per school. A full school record wins over a
 * 招生-only history row of the same school and year.
 */
export async function loadStatRows(
  db: Kysely<Database>,
  scopePath: string,
  range: { from: number; to: number; lag: number },
): Promise<{ units: ScopeUnits; rows: StatRow[] }> {
  const { from, to, lag } = range;
  const [units, schools, history, population] = await Promise.all([
    scopeUnits(db, scopePath),
    statsRepo.listInScope(db, "school_stats", scopePath, from - lag, to),
    statsRepo.listInScope(db, "enrolment_history", scopePath, from - lag, to),
    statsRepo.listInScope(db, "population_stats", scopePath, from, to),
  ]);
  const full = new Set(schools.map((s) => `${s.code}|${String(s.year)}`));
  const records = [...history.filter((h) => !full.has(`${h.code}|${String(h.year)}`)), ...schools].map(
    (r) => ({ schoolCode: r.code, year: r.year, values: r.values }),
  );
  const { rows } = buildStatRows(
    toSeeds(units.byCode.values()),
    records,
    population.map((p) => ({ areaCode: p.code, year: p.year, values: p.values })),
  );
  return { units, rows };
}
