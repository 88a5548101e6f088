import { sql, type Insertable, type Updateable } from "kysely";
import type {
  OrgUnitRow,
  PlanNodeRow,
  PlanNodesTable,
  PlanNodeUnitRow,
  PlanNodeUnitsTable,
  PlanRow,
  PlansTable,
  PlanTargetRow,
  PlanTargetsTable,
} from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";
import type { Db } from "../db.ts";

/** A plan with everything below it, in document order. */
export interface PlanTree {
  plan: PlanRow;
  nodes: PlanNodeRow[];
  units: PlanNodeUnitRow[];
  targets: PlanTargetRow[];
}

/** A plan in lists, with its counts. */
export type PlanListRow = Omit<PlanRow, "source_text" | "parse_issues"> & {
  node_count: number;
  task_count: number;
  target_count: number;
  org_unit_name: string;
};

const CHUNK = 400;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await insert(rows.slice(i, i + CHUNK));
  }
}

/** Reads and writes plans and their nodes, units and targets. */
export const planRepo = {
  /**
   * The units parsed responsible-unit names are matched against: every unit in the scope but schools,
   * and the departments of the areas above it (a county plan names 市教育局 too). With `openOn` (an ISO
   * day) only the units still open on it: a closed unit takes no new work, but plans that named it
   * still show it.
   */
  async registryUnits(db: Db, scope: Scope, openOn?: string): Promise<OrgUnitRow[]> {
    const ancestorIds = scope.path.split("/").filter((s) => s !== "");
    return db
      .selectFrom("org_units")
      .selectAll()
      .where("kind", "!=", "school")
      .$if(openOn !== undefined, (q) =>
        q.where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", openOn ?? "")])),
      )
      .where((eb) =>
        eb.or([
          inScope("path", scope),
          ...(ancestorIds.length === 0
            ? []
            : [eb.and([eb("kind", "=", "department"), eb("parent_id", "in", ancestorIds)])]),
        ]),
      )
      .execute();
  },

  /**
   * The county's own units a 承接方案 item may name: every unit in the scope but schools (open on
   * `openOn`, an ISO day), by depth then name.
   */
  async localUnits(db: Db, scope: Scope, openOn: string): Promise<OrgUnitRow[]> {
    return db
      .selectFrom("org_units")
      .selectAll()
      .where("kind", "!=", "school")
      .where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">", openOn)]))
      .where(inScope("path", scope))
      .orderBy("depth")
      .orderBy("code")
      .execute();
  },

  /** The 承接方案 made from a higher-level plan, oldest first. */
  async adoptionsOf(db: Db, planId: string): Promise<PlanRow[]> {
    return db
      .selectFrom("plans")
      .selectAll()
      .where("adopts_plan_id", "=", planId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  },

  /** The unit at the root of the scope (the owner of the plans imported in it), if there is one. */
  async findScopeRoot(db: Db, scope: Scope): Promise<OrgUnitRow | undefined> {
    return db.selectFrom("org_units").selectAll().where("path", "=", scope.path).executeTakeFirst();
  },

  /** Inserts a plan with its whole tree; ids of nodes are given so units can point at them. */
  async insertTree(
    db: Db,
    plan: Insertable<PlansTable> & { id: string },
    nodes: (Insertable<PlanNodesTable> & { id: string })[],
    units: Insertable<PlanNodeUnitsTable>[],
    targets: Insertable<PlanTargetsTable>[],
  ): Promise<void> {
    await db.insertInto("plans").values(plan).execute();
    await insertChunked(nodes, (c) => db.insertInto("plan_nodes").values(c).execute());
    await insertChunked(units, (c) => db.insertInto("plan_node_units").values(c).execute());
    await insertChunked(targets, (c) => db.insertInto("plan_targets").values(c).execute());
  },

  async findById(db: Db, id: string): Promise<PlanRow | undefined> {
    return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
  },

  async loadTree(db: Db, plan: PlanRow): Promise<PlanTree> {
    const [nodes, units, targets] = await Promise.all([
      db.selectFrom("plan_nodes").selectAll().where("plan_id", "=", plan.id).orderBy("sort_order").execute(),
      db
        .selectFrom("plan_node_units")
        .innerJoin("plan_nodes", "plan_nodes.id", "plan_node_units.node_id")
        .selectAll("plan_node_units")
        .where("plan_nodes.plan_id", "=", plan.id)
        .orderBy("plan_nodes.sort_order")
        .orderBy("plan_node_units.position")
        .execute(),
      db
        .selectFrom("plan_targets")
        .selectAll()
        .where("plan_id", "=", plan.id)
        .orderBy("sort_order")
        .execute(),
    ]);
    return { plan, nodes, units, targets };
  },

  /** Plans whose owning unit lies in the scope, newest first, with counts. */
  async listInScope(db: Db, scope: Scope, status?: string): Promise<PlanListRow[]> {
    let q = db
      .selectFrom("plans")
      .innerJoin("org_units", "org_units.id", "plans.org_unit_id")
      .where(inScope("org_units.path", scope));
    if (status !== undefined) {
      q = q.where("plans.status", "=", status);
    }
    const rows = await q
      .select([
        "plans.id",
        "plans.org_unit_id",
        "plans.title",
        "plans.doc_number",
        "plans.issuer",
        "plans.issued_on",
        "plans.period_start",
        "plans.period_end",
        "plans.status",
        "plans.version",
        "plans.revises_plan_id",
        "plans.source_file_name",
        "plans.source_format",
        "plans.source_sha256",
        "plans.created_by",
        "plans.created_at",
        "plans.updated_at",
        "plans.confirmed_by",
        "plans.confirmed_at",
        "plans.document_level",
        "plans.issuer_level",
        "plans.document_level_reason",
        "plans.adopts_plan_id",
        "org_units.name as org_unit_name",
      ])
      .select((eb) => [
        eb
          .selectFrom("plan_nodes")
          .whereRef("plan_nodes.plan_id", "=", "plans.id")
          .select(eb.fn.countAll<string | number>().as("n"))
          .as("node_count"),
        eb
          .selectFrom("plan_nodes")
          .whereRef("plan_nodes.plan_id", "=", "plans.id")
          .where("plan_nodes.role", "=", "task")
          // leaf tasks only: a heading with tasks below it is not itself a task
          .where((inner) =>
            inner.not(
              inner.exists(
                inner
                  .selectFrom("plan_nodes as c")
                  .whereRef("c.plan_id", "=", "plan_nodes.plan_id")
                  .whereRef("c.parent_path", "=", "plan_nodes.path")
                  .where("c.role", "=", "task")
                  .select("c.id"),
              ),
            ),
          )
          .select(eb.fn.countAll<string | number>().as("n"))
          .as("task_count"),
        eb
          .selectFrom("plan_targets")
          .whereRef("plan_targets.plan_id", "=", "plans.id")
          .select(eb.fn.countAll<string | number>().as("n"))
          .as("target_count"),
      ])
      .orderBy("plans.created_at", "desc")
      .execute();
    return rows.map((r) => ({
      ...r,
      node_count: Number(r.node_count ?? 0),
      task_count: Number(r.task_count ?? 0),
      target_count: Number(r.target_count ?? 0),
    }));
  },

  /** The confirmed plan in a scope that a new import of the same document would revise. */
  async findConfirmedMatch(db: Db, orgUnitId: string, title: string, docNumber: string | null) {
    let q = db
      .selectFrom("plans")
      .selectAll()
      .where("org_unit_id", "=", orgUnitId)
      .where("status", "=", "confirmed");
    q =
      docNumber === null
        ? q.where("title", "=", title)
        : q.where((eb) => eb.or([eb("title", "=", title), eb("doc_number", "=", docNumber)]));
    return q.orderBy("version", "desc").executeTakeFirst();
  },

  async updatePlan(db: Db, id: string, patch: Updateable<PlansTable>): Promise<PlanRow> {
    return db
      .updateTable("plans")
      .set({ ...patch, updated_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Inserts one node (a split); its units and targets are written separately. */
  async insertNode(db: Db, node: Insertable<PlanNodesTable> & { id: string }): Promise<void> {
    await db.insertInto("plan_nodes").values(node).execute();
  },

  async findNode(db: Db, planId: string, nodeId: string): Promise<PlanNodeRow | undefined> {
    return db
      .selectFrom("plan_nodes")
      .selectAll()
      .where("plan_id", "=", planId)
      .where("id", "=", nodeId)
      .executeTakeFirst();
  },

  async updateNode(db: Db, nodeId: string, patch: Updateable<PlanNodesTable>): Promise<PlanNodeRow> {
    return db
      .updateTable("plan_nodes")
      .set(patch)
      .where("id", "=", nodeId)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async nodeUnits(db: Db, nodeId: string): Promise<PlanNodeUnitRow[]> {
    return db
      .selectFrom("plan_node_units")
      .selectAll()
      .where("node_id", "=", nodeId)
      .orderBy("position")
      .execute();
  },

  async replaceNodeUnits(db: Db, nodeId: string, units: Insertable<PlanNodeUnitsTable>[]): Promise<void> {
    await db.deleteFrom("plan_node_units").where("node_id", "=", nodeId).execute();
    if (units.length > 0) {
      await db.insertInto("plan_node_units").values(units).execute();
    }
  },

  /**
   * 统一对应: ties `name` to `orgUnitId` (or unties it, with null) on every item of the plan that writes
   * it; answers the units as they were before, for the audit.
   */
  async mapUnitName(
    db: Db,
    planId: string,
    name: string,
    orgUnitId: string | null,
  ): Promise<Pick<PlanNodeUnitRow, "node_id" | "org_unit_id" | "match">[]> {
    const nodeIds = db.selectFrom("plan_nodes").select("id").where("plan_id", "=", planId);
    const before = await db
      .selectFrom("plan_node_units")
      .select(["node_id", "org_unit_id", "match"])
      .where("node_id", "in", nodeIds)
      .where("name", "=", name)
      .execute();
    await db
      .updateTable("plan_node_units")
      .set({ org_unit_id: orgUnitId, match: orgUnitId === null ? "none" : "confirmed" })
      .where("node_id", "in", nodeIds)
      .where("name", "=", name)
      .execute();
    return before;
  },

  /**
   * The units below the scope's root that unit groups draw members from (乡镇, schools, 股室, 县区), open
   * on `openOn`, in code order, with the kind of their parent.
   */
  async groupCandidates(
    db: Db,
    scope: Scope,
    openOn: string,
  ): Promise<
    (Pick<OrgUnitRow, "id" | "name" | "kind" | "school_type" | "code"> & { parent_kind: string | null })[]
  > {
    return db
      .selectFrom("org_units as u")
      .leftJoin("org_units as p", "p.id", "u.parent_id")
      .select(["u.id", "u.name", "u.kind", "u.school_type", "u.code", "p.kind as parent_kind"])
      .where(inScope("u.path", scope))
      .where("u.path", "!=", scope.path)
      .where((eb) => eb.or([eb("u.closed_on", "is", null), eb("u.closed_on", ">", openOn)]))
      .where("u.kind", "in", ["township", "school", "department", "county"])
      .orderBy("u.code")
      .execute();
  },

  /** A county's 单位名称规则 document, if it saved one. */
  async unitNameRules(db: Db, orgUnitId: string): Promise<unknown> {
    const row = await db
      .selectFrom("unit_name_rules")
      .select("rules")
      .where("org_unit_id", "=", orgUnitId)
      .executeTakeFirst();
    return row?.rules;
  },

  /** Saves a county's 单位名称规则 document. */
  async saveUnitNameRules(db: Db, orgUnitId: string, rules: unknown, userId: string | null): Promise<void> {
    const json = JSON.stringify(rules);
    await db
      .insertInto("unit_name_rules")
      .values({ org_unit_id: orgUnitId, rules: json, updated_by: userId })
      .onConflict((oc) =>
        oc.column("org_unit_id").doUpdateSet({ rules: json, updated_by: userId, updated_at: sql`now()` }),
      )
      .execute();
  },

  async findTarget(db: Db, planId: string, targetId: string): Promise<PlanTargetRow | undefined> {
    return db
      .selectFrom("plan_targets")
      .selectAll()
      .where("plan_id", "=", planId)
      .where("id", "=", targetId)
      .executeTakeFirst();
  },

  async insertTarget(db: Db, row: Insertable<PlanTargetsTable>): Promise<PlanTargetRow> {
    return db.insertInto("plan_targets").values(row).returningAll().executeTakeFirstOrThrow();
  },

  async updateTarget(db: Db, id: string, patch: Updateable<PlanTargetsTable>): Promise<PlanTargetRow> {
    return db
      .updateTable("plan_targets")
      .set(patch)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async deleteTarget(db: Db, id: string): Promise<void> {
    await db.deleteFrom("plan_targets").where("id", "=", id).execute();
  },

  async deleteNode(db: Db, id: string): Promise<void> {
    await db.deleteFrom("plan_nodes").where("id", "=", id).execute();
  },
};
