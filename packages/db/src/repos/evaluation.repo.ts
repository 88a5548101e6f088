import type { SchoolType } from "@luoshi/domain/org";
import { inScope, type Scope } from "../scope.ts";
import type { Db } from "../transaction.ts";

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
  /** The schools of the given types in the scope, with the 学校标识码 of their 主校, by code. */
  async listBalanceSchools(db: Db, scope: Scope, types: readonly SchoolType[]): Promise<BalanceSchoolRow[]> {
    const rows = await db
      .selectFrom("org_units as s")
      .leftJoin("org_units as p", "p.id", "s.parent_school_id")
      .select([
        "s.id as id",
        "s.code as code",
        "s.name as name",
        "s.school_type as schoolType",
        "p.code as parentCode",
      ])
      .where(inScope("s.path", scope))
      .where("s.kind", "=", "school")
      .where("s.school_type", "in", types)
      .orderBy("s.code")
      .execute();
    // The filter above admits only the given types.
    return rows as BalanceSchoolRow[];
  },

  /** Every school in the scope, by code. */
  async listSchools(db: Db, scope: Scope): Promise<SchoolUnitRow[]> {
    const rows = await db
      .selectFrom("org_units")
      .select(["code", "name", "school_type as schoolType"])
      .where(inScope("path", scope))
      .where("kind", "=", "school")
      .orderBy("code")
      .execute();
    // school_type holds only the domain's types (the org import validates them).
    return rows as SchoolUnitRow[];
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
