/**
 * 督学 and 督学责任区 (inspectors, inspector_schools). Reads are limited to a scope through the
 * school's org unit, or the appointing area's, as scope.ts writes the rule. The 责任区 schools' paths
 * are also what the session turns into a 责任督学's own scope (`zoneSchoolPaths`).
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";

/** A 督学 as the roster shows it, with the workload. */
export interface InspectorRow {
  userId: string;
  login: string;
  name: string;
  kind: "fullTime" | "partTime";
  zoneName: string;
  phone: string;
  duties: string;
  areaUnitId: string;
  schools: { id: string; name: string }[];
}

/** A school with its 责任督学 (null when none is named). */
export interface SchoolCardRow {
  schoolId: string;
  schoolName: string;
  schoolPath: string;
  inspector: {
    userId: string;
    name: string;
    kind: "fullTime" | "partTime";
    zoneName: string;
    phone: string;
    duties: string;
  } | null;
}

/** The facts of one 督学 to write. */
export interface InspectorWrite {
  userId: string;
  areaUnitId: string;
  kind: "fullTime" | "partTime";
  zoneName: string;
  phone: string;
  duties: string;
  schoolIds: readonly string[];
  updatedBy: string | null;
}

export const inspectorRepo = {
  /** Materialised paths of the schools of the 督学's 责任区 (empty when none or not a 督学). */
  async zoneSchoolPaths(db: Db, userId: string): Promise<string[]> {
    const rows = await db
      .selectFrom("inspector_schools as z")
      .innerJoin("org_units as u", "u.id", "z.school_unit_id")
      .select("u.path")
      .where("z.user_id", "=", userId)
      .execute();
    return rows.map((r) => r.path);
  },

  /** True when the user has a roster entry (is a 督学 of some area). */
  async isRostered(db: Db, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom("inspectors")
      .select("user_id")
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /**
   * The 督学 the scope reaches: those appointed by an area within it, and those with a 责任区 school
   * within it (a 责任督学 sees their own entry). Each with the schools of their 责任区 within the scope.
   */
  async roster(db: Db, scope: Scope): Promise<InspectorRow[]> {
    const people = await db
      .selectFrom("inspectors as i")
      .innerJoin("users as usr", "usr.id", "i.user_id")
      .innerJoin("org_units as area", "area.id", "i.area_unit_id")
      .select([
        "i.user_id",
        "usr.login",
        "usr.display_name",
        "i.kind",
        "i.zone_name",
        "i.phone",
        "i.duties",
        "i.area_unit_id",
      ])
      .where((eb) =>
        eb.or([
          inScope("area.path", scope),
          eb.exists(
            eb
              .selectFrom("inspector_schools as z")
              .innerJoin("org_units as s", "s.id", "z.school_unit_id")
              .select(sql<number>`1`.as("one"))
              .whereRef("z.user_id", "=", "i.user_id")
              .where(inScope("s.path", scope)),
          ),
        ]),
      )
      .orderBy("i.zone_name")
      .orderBy("usr.display_name")
      .execute();
    if (people.length === 0) {
      return [];
    }
    const schools = await db
      .selectFrom("inspector_schools as z")
      .innerJoin("org_units as s", "s.id", "z.school_unit_id")
      .select(["z.user_id", "s.id", "s.name"])
      .where(
        "z.user_id",
        "in",
        people.map((p) => p.user_id),
      )
      .where(inScope("s.path", scope))
      .orderBy("s.code")
      .execute();
    return people.map((p) => ({
      userId: p.user_id,
      login: p.login,
      name: p.display_name,
      kind: p.kind,
      zoneName: p.zone_name,
      phone: p.phone,
      duties: p.duties,
      areaUnitId: p.area_unit_id,
      schools: schools.filter((s) => s.user_id === p.user_id).map((s) => ({ id: s.id, name: s.name })),
    }));
  },

  /** Accounts with the role 督学 whose unit lies within the scope and that have no roster entry. */
  async unrostered(db: Db, scope: Scope): Promise<{ id: string; display_name: string }[]> {
    return db
      .selectFrom("users as usr")
      .innerJoin("org_units as u", "u.id", "usr.org_unit_id")
      .leftJoin("inspectors as i", "i.user_id", "usr.id")
      .select(["usr.id", "usr.display_name"])
      .where("usr.role", "=", "inspector")
      .where("usr.is_disabled", "=", false)
      .where("i.user_id", "is", null)
      .where(inScope("u.path", scope))
      .orderBy("usr.display_name")
      .execute();
  },

  /** Open schools within the scope (optionally one), each with its 责任督学. */
  async schoolCards(db: Db, scope: Scope, schoolId?: string): Promise<SchoolCardRow[]> {
    let q = db
      .selectFrom("org_units as s")
      .leftJoin("inspector_schools as z", "z.school_unit_id", "s.id")
      .leftJoin("inspectors as i", "i.user_id", "z.user_id")
      .leftJoin("users as usr", "usr.id", "i.user_id")
      .select([
        "s.id",
        "s.name",
        "s.path",
        "i.user_id",
        "usr.display_name",
        "i.kind",
        "i.zone_name",
        "i.phone",
        "i.duties",
      ])
      .where("s.kind", "=", "school")
      .where("s.closed_on", "is", null)
      .where(inScope("s.path", scope));
    if (schoolId !== undefined) {
      q = q.where("s.id", "=", schoolId);
    }
    const rows = await q.orderBy("s.code").execute();
    return rows.map((r) => ({
      schoolId: r.id,
      schoolName: r.name,
      schoolPath: r.path,
      inspector:
        r.user_id === null || r.kind === null
          ? null
          : {
              userId: r.user_id,
              name: r.display_name ?? "",
              kind: r.kind,
              zoneName: r.zone_name ?? "",
              phone: r.phone ?? "",
              duties: r.duties ?? "",
            },
    }));
  },

  /**
   * Writes a 督学's entry and replaces their 责任区 with `schoolIds` (a school named by another 督学
   * moves to this one). Run inside the caller's transaction.
   */
  async save(db: Db, w: InspectorWrite): Promise<void> {
    await db
      .insertInto("inspectors")
      .values({
        user_id: w.userId,
        area_unit_id: w.areaUnitId,
        kind: w.kind,
        zone_name: w.zoneName,
        phone: w.phone,
        duties: w.duties,
        updated_by: w.updatedBy,
      })
      .onConflict((oc) =>
        oc.column("user_id").doUpdateSet({
          area_unit_id: w.areaUnitId,
          kind: w.kind,
          zone_name: w.zoneName,
          phone: w.phone,
          duties: w.duties,
          updated_by: w.updatedBy,
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
    await db.deleteFrom("inspector_schools").where("user_id", "=", w.userId).execute();
    if (w.schoolIds.length > 0) {
      await db
        .insertInto("inspector_schools")
        .values(w.schoolIds.map((id) => ({ school_unit_id: id, user_id: w.userId })))
        .onConflict((oc) =>
          oc.column("school_unit_id").doUpdateSet({ user_id: w.userId, assigned_at: sql<Date>`now()` }),
        )
        .execute();
    }
  },
};
