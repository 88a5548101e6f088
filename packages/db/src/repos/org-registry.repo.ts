import { sql } from "kysely";
import type { Db } from "../db.ts";
import type { NewOrgUnitChangeRow, OrgRegistryImportRow, OrgUnitRow } from "../schema.ts";
import { inScope, scopeOf } from "../scope.ts";

/** The registry fields an import may set on a unit. */
export interface OrgUnitRegistryUpdate {
  name?: string;
  aliases?: string[];
  school_type?: OrgUnitRow["school_type"];
  school_type_code?: string | null;
  sponsor?: string | null;
  ownership?: OrgUnitRow["ownership"];
  is_inclusive?: boolean | null;
  urban_rural?: OrgUnitRow["urban_rural"];
  address?: string | null;
  principal?: string | null;
  phone?: string | null;
  parent_school_id?: string | null;
}

/** A new registry import as previewed. */
export interface NewRegistryImport {
  countyUnitId: string;
  fileName: string;
  preview: unknown;
  fingerprint: string;
  createdBy: string | null;
}

/** Reads and writes registry imports (名录导入) and the unit changes they make. */
export const orgRegistryRepo = {
  /** Every unit at or below the county, shallowest first. */
  async countyUnits(db: Db, countyPath: string): Promise<OrgUnitRow[]> {
    return db
      .selectFrom("org_units")
      .selectAll()
      .where(inScope("org_units.path", scopeOf(countyPath)))
      .orderBy("depth")
      .orderBy("code")
      .execute();
  },

  /** Units anywhere with one of these codes (codes are unique across the tree). */
  async unitsByCodes(db: Db, codes: readonly string[]): Promise<OrgUnitRow[]> {
    if (codes.length === 0) {
      return [];
    }
    return db
      .selectFrom("org_units")
      .selectAll()
      .where("code", "in", [...codes])
      .execute();
  },

  async insertImport(db: Db, i: NewRegistryImport): Promise<OrgRegistryImportRow> {
    return db
      .insertInto("org_registry_imports")
      .values({
        county_unit_id: i.countyUnitId,
        file_name: i.fileName,
        preview: JSON.stringify(i.preview),
        fingerprint: i.fingerprint,
        created_by: i.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** How many registry imports (previews) are stored, all counties: the fuzz checks count writes. */
  async countImports(db: Db): Promise<number> {
    const r = await db
      .selectFrom("org_registry_imports")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  async findImport(db: Db, id: string): Promise<OrgRegistryImportRow | undefined> {
    return db.selectFrom("org_registry_imports").selectAll().where("id", "=", id).executeTakeFirst();
  },

  /**
   * Moves a pending import to `applied` or `discarded`; false when it was no longer pending (another
   * request got there first), so that an import is applied at most once.
   */
  async finishImport(
    db: Db,
    id: string,
    status: "applied" | "discarded",
    at: Date,
    effectiveOn: string | null,
  ): Promise<boolean> {
    const r = await db
      .updateTable("org_registry_imports")
      .set({ status, applied_at: status === "applied" ? at : null, effective_on: effectiveOn })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Sets registry fields of one unit. */
  async updateUnit(db: Db, id: string, u: OrgUnitRegistryUpdate, at: Date): Promise<void> {
    await db
      .updateTable("org_units")
      .set({ ...u, updated_at: at })
      .where("id", "=", id)
      .execute();
  },

  /**
   * Moves a unit (and whatever hangs below it) under a new parent: parent_id, and the materialised
   * path and depth of the whole subtree.
   */
  async moveUnit(db: Db, unit: OrgUnitRow, parent: OrgUnitRow, at: Date): Promise<void> {
    const newPath = `${parent.path}${unit.id}/`;
    const delta = parent.depth + 1 - unit.depth;
    await db
      .updateTable("org_units")
      .set({ parent_id: parent.id, updated_at: at })
      .where("id", "=", unit.id)
      .execute();
    await db
      .updateTable("org_units")
      .set({
        path: sql<string>`${newPath}::text || substr(path, ${unit.path.length + 1}::int)`,
        depth: sql<number>`depth + ${delta}::int`,
      })
      .where(inScope("org_units.path", scopeOf(unit.path)))
      .execute();
  },

  async insertChanges(db: Db, rows: readonly NewOrgUnitChangeRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto("org_unit_changes")
        .values(rows.slice(i, i + 500))
        .execute();
    }
  },

  /** The changes one import recorded, oldest first. */
  async changesOfImport(db: Db, importId: string) {
    return db
      .selectFrom("org_unit_changes")
      .selectAll()
      .where("import_id", "=", importId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  },
};
