import type { OrgUnitChangeKind } from "@luoshi/domain/org";
import type { Db } from "../db.ts";
import { inScope, type Scope } from "../scope.ts";
import type { OrgUnitChangeRow } from "../schema.ts";

/** A change to write: the fields before and after as plain objects (stored as jsonb). */
export interface NewOrgUnitChange {
  orgUnitId: string;
  kind: OrgUnitChangeKind;
  effectiveOn: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  relatedUnitId?: string | null;
  reason?: string | null;
  importId?: string | null;
  actorId: string | null;
}

/** A change as the 变更记录 shows it: who made it and the name of the unit it relates to. */
export type OrgUnitChangeListRow = OrgUnitChangeRow & {
  actor_name: string | null;
  related_unit_name: string | null;
};

/** A rename or move as the year views read it. */
export interface UnitChangeFactRow {
  orgUnitId: string;
  kind: "rename" | "move";
  effectiveOn: string;
  before: { name?: string; parentId?: string };
}

/** A move as the year views read it: which unit, when, and its parent before. */
export interface UnitMoveRow {
  orgUnitId: string;
  effectiveOn: string;
  before: { parentId?: string };
}

/** The jsonb columns come back parsed on both engines; older drivers may hand text. */
function parseJson(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    return JSON.parse(value) as Record<string, unknown>;
  }
  return (value ?? {}) as Record<string, unknown>;
}

/** Reads and writes org_unit_changes, the dated history of each unit (docs/org-units.md). */
export const orgUnitChangeRepo = {
  async insert(db: Db, c: NewOrgUnitChange): Promise<OrgUnitChangeRow> {
    return db
      .insertInto("org_unit_changes")
      .values({
        org_unit_id: c.orgUnitId,
        kind: c.kind,
        effective_on: c.effectiveOn,
        before: JSON.stringify(c.before ?? {}),
        after: JSON.stringify(c.after ?? {}),
        related_unit_id: c.relatedUnitId ?? null,
        reason: c.reason ?? null,
        import_id: c.importId ?? null,
        actor_id: c.actorId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** A unit's changes, newest effective day first, with the actor's display name. */
  async listForUnit(db: Db, unitId: string): Promise<OrgUnitChangeListRow[]> {
    const rows = await db
      .selectFrom("org_unit_changes as c")
      .leftJoin("users as u", "u.id", "c.actor_id")
      .leftJoin("org_units as r", "r.id", "c.related_unit_id")
      .selectAll("c")
      .select(["u.display_name as actor_name", "r.name as related_unit_name"])
      .where("c.org_unit_id", "=", unitId)
      .orderBy("c.effective_on", "desc")
      .orderBy("c.created_at", "desc")
      .execute();
    return rows.map((r) => ({ ...r, before: parseJson(r.before), after: parseJson(r.after) }));
  },

  /** The renames and moves of these units that took effect after `day`, oldest first. */
  async listRenamesAndMovesAfter(
    db: Db,
    unitIds: readonly string[],
    day: string,
  ): Promise<UnitChangeFactRow[]> {
    if (unitIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom("org_unit_changes")
      .select(["org_unit_id", "kind", "effective_on", "before"])
      .where("org_unit_id", "in", unitIds)
      .where("kind", "in", ["rename", "move"])
      .where("effective_on", ">", day)
      .orderBy("effective_on")
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({
      orgUnitId: r.org_unit_id,
      kind: r.kind === "move" ? "move" : "rename",
      effectiveOn: r.effective_on,
      before: parseJson(r.before),
    }));
  },

  /**
   * The moves (调整隶属) that took effect after `day`, of units now within `scope`, oldest first: one
   * query, usually answering nothing.
   */
  async listMovesInScope(db: Db, scope: Scope, day: string): Promise<UnitMoveRow[]> {
    const rows = await db
      .selectFrom("org_unit_changes as c")
      .innerJoin("org_units as u", "u.id", "c.org_unit_id")
      .select(["c.org_unit_id", "c.effective_on", "c.before"])
      .where(inScope("u.path", scope))
      .where("c.kind", "=", "move")
      .where("c.effective_on", ">", day)
      .orderBy("c.effective_on")
      .orderBy("c.created_at")
      .execute();
    return rows.map((r) => {
      const parentId = parseJson(r.before)["parentId"];
      return {
        orgUnitId: r.org_unit_id,
        effectiveOn: r.effective_on,
        before: typeof parentId === "string" ? { parentId } : {},
      };
    });
  },
};
