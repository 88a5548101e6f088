import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { SchoolType } from "@luoshi/domain/org";
import { inScope, type Scope } from "../scope.ts";
import type { Db } from "../db.ts";

/**
 * The day a statistical year describes (1 September, docs/org-units.md); the same rule as the
 * domain's referenceDay, written here because the repository builds its SQL from it.
 */
function referenceDayOf(year: number): string {
  return `${String(year).padStart(4, "0")}-09-01`;
}

/** "The unit aliased `alias` was open on `day`": opened on or before it and not closed on it. */
function openOnDay(alias: "s" | "org_units", day: string): RawBuilder<SqlBool> {
  const opened = sql.ref(`${alias}.opened_on`);
  const closed = sql.ref(`${alias}.closed_on`);
  return sql<SqlBool>`(${opened} is null or ${opened} <= ${day}) and (${closed} is null or ${closed} > ${day})`;
}

/**
 * The unit's name on `day`: the name before the earliest rename after that day, else its name now
 * (the domain's nameOn, in SQL so that a year's list is one query).
 */
function nameOnDay(alias: "s" | "org_units", day: string) {
  return sql<string>`coalesce((
    select c.before ->> 'name' from org_unit_changes c
    where c.org_unit_id = ${sql.ref(`${alias}.id`)} and c.kind = 'rename' and c.effective_on > ${day}
      and c.before ->> 'name' is not null
    order by c.effective_on, c.created_at limit 1
  ), ${sql.ref(`${alias}.name`)})`;
}

/** A school the 资源配置 evaluation reads: its unit, type and the 主校 a 教学点 belongs to. */
export interface BalanceSchoolRow {
  id: string;
  code: string;
  name: string;
  schoolType: SchoolType;
  /** 学校标识码 of the school a 教学点 is attached to. */
  parentCode: string | null;
}

/** A school below a county as the 督导评估 parts read it. */
export interface SchoolUnitRow {
  code: string;
  name: string;
  schoolType: SchoolType | null;
}

/** Where one school's figures of a year came from: the import file and who imported it. */
export interface StatsSourceRow {
  code: string;
  name: string;
  fileName: string | null;
  importedBy: string | null;
  importedAt: Date;
}

/** The reads of the 督导评估 evaluations (资源配置, 政府保障, 教育质量, 基本均衡) over org units and statistics. */
export const evaluationRepo = {
  /**
   * The schools of the given types in the scope as they were in the statistical year `year` (open on
   * its reference day, named as then), with the 学校标识码 of their 主校, by code.
   */
  async listBalanceSchools(
    db: Db,
    scope: Scope,
    types: readonly SchoolType[],
    year: number,
  ): Promise<BalanceSchoolRow[]> {
    const day = referenceDayOf(year);
    const rows = await db
      .selectFrom("org_units as s")
      .leftJoin("org_units as p", "p.id", "s.parent_school_id")
      .select([
        "s.id as id",
        "s.code as code",
        nameOnDay("s", day).as("name"),
        "s.school_type as schoolType",
        "p.code as parentCode",
      ])
      .where(inScope("s.path", scope))
      .where("s.kind", "=", "school")
      .where("s.school_type", "in", types)
      .where(openOnDay("s", day))
      .orderBy("s.code")
      .execute();
    // The filter above admits only the given types.
    return rows as BalanceSchoolRow[];
  },

  /** Every school in the scope as it was in the statistical year `year`, by code. */
  async listSchools(db: Db, scope: Scope, year: number): Promise<SchoolUnitRow[]> {
    const day = referenceDayOf(year);
    const rows = await db
      .selectFrom("org_units")
      .select(["code", nameOnDay("org_units", day).as("name"), "school_type as schoolType"])
      .where(inScope("path", scope))
      .where("kind", "=", "school")
      .where(openOnDay("org_units", day))
      .orderBy("code")
      .execute();
    // school_type holds only the domain's types (the org import validates them).
    return rows;
  },

  /** The import each of the units' school_stats rows of `year` came from (none when `unitIds` is empty). */
  async listStatsSources(db: Db, unitIds: readonly string[], year: number): Promise<StatsSourceRow[]> {
    if (unitIds.length === 0) {
      return [];
    }
    return db
      .selectFrom("school_stats as st")
      .innerJoin("org_units as o", "o.id", "st.org_unit_id")
      .leftJoin("stats_imports as i", "i.id", "st.import_id")
      .leftJoin("users as u", "u.id", "st.imported_by")
      .select([
        "o.code as code",
        "o.name as name",
        "i.file_name as fileName",
        "u.display_name as importedBy",
        "st.imported_at as importedAt",
      ])
      .where("st.org_unit_id", "in", unitIds)
      .where("st.year", "=", year)
      .execute();
  },

  /** Display names of the users with these ids (unknown ids are left out). */
  async displayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", ids).execute();
    return new Map(rows.map((r) => [r.id, r.display_name]));
  },
};
