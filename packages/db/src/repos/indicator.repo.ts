import type { Insertable, Selectable, Updateable } from "kysely";
import {
  TARGET_COMPARATORS,
  type IndicatorDirection,
  type IndicatorDisplay,
  type TargetComparator,
} from "@luoshi/domain/indicators";
import type { CustomIndicatorsTable, PlanTargetRow } from "../schema.ts";

import type { Db } from "../db.ts";

/** One user-defined indicator (自定义指标); direction and display typed by the domain. */
export type CustomIndicatorRow = Omit<Selectable<CustomIndicatorsTable>, "direction" | "display"> & {
  direction: IndicatorDirection;
  display: IndicatorDisplay;
};

const DISPLAYS: readonly IndicatorDisplay[] = ["percent", "ratio", "inverseRatio", "number"];

/** A stored row with its direction and display as the domain's unions (anything else reads as the default). */
function typedCustom(row: Selectable<CustomIndicatorsTable>): CustomIndicatorRow {
  return {
    ...row,
    direction: row.direction === "lower" ? "lower" : "higher",
    display: DISPLAYS.find((d) => d === row.display) ?? "number",
  };
}

/** A plan target with what 目标监测 needs of its plan; kind and comparator typed by the domain. */
export type MonitoredTargetRow = Omit<PlanTargetRow, "kind" | "comparator"> & {
  kind: "target" | "baseline";
  comparator: TargetComparator;
  plan_title: string;
  plan_org_unit_id: string;
  plan_period_start: number | null;
  plan_period_end: number | null;
  plan_issued_on: string | null;
};

/** Reads and writes user-defined indicators and the indicator links of plan targets (目标监测). */
export const indicatorRepo = {
  /** Custom indicators, active ones only unless `all`; ordered by category then code. */
  async listCustom(db: Db, options: { all?: boolean } = {}): Promise<CustomIndicatorRow[]> {
    let q = db.selectFrom("custom_indicators").selectAll();
    if (options.all !== true) {
      q = q.where("active", "=", true);
    }
    return (await q.orderBy("category").orderBy("code").execute()).map(typedCustom);
  },

  async findCustomByCode(db: Db, code: string): Promise<CustomIndicatorRow | undefined> {
    const row = await db
      .selectFrom("custom_indicators")
      .selectAll()
      .where("code", "=", code)
      .executeTakeFirst();
    return row === undefined ? undefined : typedCustom(row);
  },

  async insertCustom(db: Db, row: Insertable<CustomIndicatorsTable>): Promise<CustomIndicatorRow> {
    return typedCustom(
      await db.insertInto("custom_indicators").values(row).returningAll().executeTakeFirstOrThrow(),
    );
  },

  async updateCustom(
    db: Db,
    code: string,
    patch: Updateable<CustomIndicatorsTable>,
  ): Promise<CustomIndicatorRow> {
    return typedCustom(
      await db
        .updateTable("custom_indicators")
        .set(patch)
        .where("code", "=", code)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  },

  /** A cheap fingerprint of the active custom indicators, to tell when a cached catalogue is stale. */
  async customFingerprint(db: Db): Promise<string> {
    const rows = await db
      .selectFrom("custom_indicators")
      .select(["code", "updated_at"])
      .where("active", "=", true)
      .orderBy("code")
      .execute();
    return rows.map((r) => `${r.code}@${new Date(r.updated_at).getTime()}`).join(",");
  },

  /** Targets and baselines of the confirmed plans owned by any of `orgUnitIds`, in plan and text order. */
  async listConfirmedTargets(db: Db, orgUnitIds: readonly string[]): Promise<MonitoredTargetRow[]> {
    if (orgUnitIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom("plan_targets")
      .innerJoin("plans", "plans.id", "plan_targets.plan_id")
      .selectAll("plan_targets")
      .select([
        "plans.title as plan_title",
        "plans.org_unit_id as plan_org_unit_id",
        "plans.period_start as plan_period_start",
        "plans.period_end as plan_period_end",
        "plans.issued_on as plan_issued_on",
      ])
      .where("plans.status", "=", "confirmed")
      // a higher-level or another area's document states its own targets, not this area's
      .where("plans.document_level", "=", "own")
      .where("plans.org_unit_id", "in", [...orgUnitIds])
      .orderBy("plans.issued_on", "desc")
      .orderBy("plans.id")
      .orderBy("plan_targets.sort_order")
      .execute();
    // The columns' CHECK constraints admit only these values: the fallbacks are never reached.
    return rows.map((r) => ({
      ...r,
      kind: r.kind === "baseline" ? "baseline" : "target",
      comparator: TARGET_COMPARATORS.find((c) => c === r.comparator) ?? "=",
    }));
  },

  /**
   * 发展目标 passages of the confirmed plans owned by any of `orgUnitIds`: each goal node with its text
   * (the node's span of the plan's source text), for qualitative targets stated in running text.
   */
  async listConfirmedGoalTexts(
    db: Db,
    orgUnitIds: readonly string[],
  ): Promise<
    {
      node_id: string;
      plan_id: string;
      plan_title: string;
      plan_period_start: number | null;
      plan_period_end: number | null;
      path: string;
      text: string;
    }[]
  > {
    if (orgUnitIds.length === 0) {
      return [];
    }
    const rows = await db
      .selectFrom("plan_nodes")
      .innerJoin("plans", "plans.id", "plan_nodes.plan_id")
      .select([
        "plan_nodes.id as node_id",
        "plan_nodes.plan_id",
        "plan_nodes.path",
        "plan_nodes.span_start",
        "plan_nodes.span_end",
        "plans.source_text",
        "plans.title as plan_title",
        "plans.period_start as plan_period_start",
        "plans.period_end as plan_period_end",
      ])
      .where("plans.status", "=", "confirmed")
      // a higher-level or another area's document states its own targets, not this area's
      .where("plans.document_level", "=", "own")
      .where("plans.org_unit_id", "in", [...orgUnitIds])
      .where("plan_nodes.role", "=", "goal")
      .orderBy("plan_nodes.sort_order")
      .execute();
    return rows.map((r) => ({
      node_id: r.node_id,
      plan_id: r.plan_id,
      plan_title: r.plan_title,
      plan_period_start: r.plan_period_start,
      plan_period_end: r.plan_period_end,
      path: r.path,
      text: r.source_text.slice(r.span_start, r.span_end),
    }));
  },

  /** One target with its plan's owner and status. */
  async findTargetWithPlan(
    db: Db,
    targetId: string,
  ): Promise<(PlanTargetRow & { plan_org_unit_id: string; plan_status: string }) | undefined> {
    return db
      .selectFrom("plan_targets")
      .innerJoin("plans", "plans.id", "plan_targets.plan_id")
      .selectAll("plan_targets")
      .select(["plans.org_unit_id as plan_org_unit_id", "plans.status as plan_status"])
      .where("plan_targets.id", "=", targetId)
      .executeTakeFirst();
  },

  /** Sets (confirms) the indicator of a target. */
  async setTargetLink(
    db: Db,
    targetId: string,
    link: { indicatorCode: string | null; confirmedBy: string | null; confirmedAt: Date },
  ): Promise<PlanTargetRow> {
    return db
      .updateTable("plan_targets")
      .set({
        indicator_code: link.indicatorCode,
        indicator_confirmed_by: link.confirmedBy,
        indicator_confirmed_at: link.confirmedAt,
      })
      .where("id", "=", targetId)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
