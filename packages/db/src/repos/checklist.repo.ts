/**
 * Checklists as versioned data (inspection_checklists, inspection_checklist_items). A checklist belongs
 * to the area whose 督导室 keeps it (or to none: shipped with luoshi). Everyone works with the checklists
 * of their own jurisdiction and of the areas above it — the reverse of row scoping, since a checklist is
 * a rule handed down, not a unit's record: `scope.path` starts with the owning area's path.
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import type { Scope } from "../scope.ts";

/** A checklist version with its item count. */
export interface ChecklistRow {
  id: string;
  areaUnitId: string | null;
  areaName: string | null;
  code: string;
  version: number;
  title: string;
  kind: "regular" | "safety" | "special";
  basis: string;
  createdAt: Date;
  itemCount: number;
}

/** An item as stored. */
export interface ChecklistItemRow {
  id: string;
  position: number;
  code: string;
  area: string;
  text: string;
  judge: "yesNo" | "score" | "count";
  maxScore: number | null;
  photoRequired: boolean;
  basis: string;
}

/** A new version to write. */
export interface ChecklistWrite {
  areaUnitId: string;
  code: string;
  title: string;
  kind: "regular" | "safety" | "special";
  basis: string;
  createdBy: string | null;
  items: readonly Omit<ChecklistItemRow, "id" | "position">[];
}

function visible(scope: Scope) {
  return sql<boolean>`(c.area_unit_id IS NULL OR left(${scope.path}, length(a.path)) = a.path)`;
}

export const checklistRepo = {
  /** Every version the scope works with, newest version first within a code. */
  async list(db: Db, scope: Scope): Promise<ChecklistRow[]> {
    const rows = await db
      .selectFrom("inspection_checklists as c")
      .leftJoin("org_units as a", "a.id", "c.area_unit_id")
      .select([
        "c.id",
        "c.area_unit_id",
        "a.name as area_name",
        "c.code",
        "c.version",
        "c.title",
        "c.kind",
        "c.basis",
        "c.created_at",
        (eb) =>
          eb
            .selectFrom("inspection_checklist_items as i")
            .select(eb.fn.countAll<string | number>().as("n"))
            .whereRef("i.checklist_id", "=", "c.id")
            .as("item_count"),
      ])
      .where(visible(scope))
      .orderBy("c.kind")
      .orderBy("c.code")
      .orderBy("c.version", "desc")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      areaUnitId: r.area_unit_id,
      areaName: r.area_name,
      code: r.code,
      version: r.version,
      title: r.title,
      kind: r.kind,
      basis: r.basis,
      createdAt: r.created_at,
      itemCount: Number(r.item_count ?? 0),
    }));
  },

  /** One version the scope works with, or undefined. */
  async find(db: Db, scope: Scope, id: string): Promise<ChecklistRow | undefined> {
    return (await this.list(db, scope)).find((c) => c.id === id);
  },

  /** The items of a version in order. */
  async items(db: Db, checklistId: string): Promise<ChecklistItemRow[]> {
    const rows = await db
      .selectFrom("inspection_checklist_items")
      .selectAll()
      .where("checklist_id", "=", checklistId)
      .orderBy("position")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      position: r.position,
      code: r.code,
      area: r.area,
      text: r.text,
      judge: r.judge,
      maxScore: r.max_score,
      photoRequired: r.photo_required,
      basis: r.basis,
    }));
  },

  /** Writes the next version of the area's checklist `code` with its items; returns its id and version. */
  async insertVersion(db: Db, w: ChecklistWrite): Promise<{ id: string; version: number }> {
    const last = await db
      .selectFrom("inspection_checklists")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("area_unit_id", "=", w.areaUnitId)
      .where("code", "=", w.code)
      .executeTakeFirst();
    const version = (last?.v ?? 0) + 1;
    const { id } = await db
      .insertInto("inspection_checklists")
      .values({
        area_unit_id: w.areaUnitId,
        code: w.code,
        version,
        title: w.title,
        kind: w.kind,
        basis: w.basis,
        created_by: w.createdBy,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("inspection_checklist_items")
      .values(
        w.items.map((item, i) => ({
          checklist_id: id,
          position: i + 1,
          code: item.code,
          area: item.area,
          text: item.text,
          judge: item.judge,
          max_score: item.maxScore,
          photo_required: item.photoRequired,
          basis: item.basis,
        })),
      )
      .execute();
    return { id, version };
  },
};
