/**
 * Statistic rows for the indicator engine: each school-year (or 乡镇 population) record tagged with its
 * unit's ancestors, so that one pass over the rows aggregates every org unit at once.
 */
import type { Issue } from "../issues.ts";
import type { OrgUnitSeed, SchoolAttributes } from "../org/org-unit.ts";
import type { ElementValues, PopulationRecord, SchoolYearRecord } from "../stats/records.ts";

/** One record as the engine reads it. */
export interface StatRow {
  /** The school (or 乡镇 for population) the record belongs to. */
  unitCode: string;
  year: number;
  /** Units the row counts towards: the unit itself first, then its parents up to the root. */
  ancestors: readonly string[];
  /** School attributes for filters; absent on area rows (population), which every filter lets through. */
  school?: SchoolAttributes;
  values: ElementValues;
}

/** Ancestor chains (self first) of every unit, computed once per unit. */
export function ancestorChains(units: readonly OrgUnitSeed[]): Map<string, readonly string[]> {
  const parent = new Map(units.map((u) => [u.code, u.parentCode]));
  const chains = new Map<string, readonly string[]>();
  const chainOf = (code: string): readonly string[] => {
    const known = chains.get(code);
    if (known !== undefined) {
      return known;
    }
    const out: string[] = [];
    const seen = new Set<string>();
    let c: string | undefined = code;
    while (c !== undefined && !seen.has(c)) {
      const cached = chains.get(c);
      if (cached !== undefined) {
        out.push(...cached);
        break;
      }
      seen.add(c);
      out.push(c);
      c = parent.get(c);
    }
    chains.set(code, out);
    return out;
  };
  for (const u of units) {
    chainOf(u.code);
  }
  return chains;
}

/**
 * Tags school records and population records with their ancestors (学校 → 乡镇 → 县 → 市 → 省). Records
 * of unknown units are skipped with an `unknown-unit` issue; a population record must belong to an area.
 * `chainIn`, when given, tags each record with its unit's ancestors in the record's year instead (a
 * school moved to another 乡镇 counts under the one it belonged to then; `yearChains` of the org
 * module); a record whose unit lay outside the computed tree that year (null) is left out.
 */
export function buildStatRows(
  units: readonly OrgUnitSeed[],
  records: readonly SchoolYearRecord[],
  population: readonly PopulationRecord[] = [],
  chainIn?: (code: string, year: number) => readonly string[] | null,
): { rows: StatRow[]; issues: Issue[] } {
  const current = ancestorChains(units);
  // undefined: not a unit of the tree (an issue); null: not below the tree's root in that year (skipped).
  const chainOf: (code: string, year: number) => readonly string[] | null | undefined =
    chainIn === undefined
      ? (code) => current.get(code)
      : (code, year) => (current.has(code) ? chainIn(code, year) : undefined);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const rows: StatRow[] = [];
  const issues: Issue[] = [];
  const unknown = new Set<string>();
  for (const r of records) {
    const unit = byCode.get(r.schoolCode);
    const chain = chainOf(r.schoolCode, r.year);
    if (chain === null) {
      continue;
    }
    if (unit?.school === undefined || chain === undefined) {
      unknown.add(r.schoolCode);
      continue;
    }
    rows.push({
      unitCode: r.schoolCode,
      year: r.year,
      ancestors: chain,
      school: unit.school,
      values: r.values,
    });
  }
  for (const p of population) {
    const unit = byCode.get(p.areaCode);
    const chain = chainOf(p.areaCode, p.year);
    if (chain === null) {
      continue;
    }
    if (unit === undefined || unit.kind === "school" || unit.kind === "department" || chain === undefined) {
      unknown.add(p.areaCode);
      continue;
    }
    rows.push({ unitCode: p.areaCode, year: p.year, ancestors: chain, values: p.values });
  }
  for (const code of unknown) {
    issues.push({
      code: "unknown-unit",
      severity: "error",
      message: `统计数据中的单位代码“${code}”不在组织机构中，已跳过`,
      where: { field: "unitCode", unitCode: code },
    });
  }
  return { rows, issues };
}
