import { sql, type ExpressionBuilder, type Insertable, type SqlBool, type Expression } from "kysely";
import { inScope, type Scope } from "../scope.ts";
import type { Database, NotificationsTable } from "../schema.ts";

import type { Db } from "../db.ts";

/**
 * Who reads notifications: a user, the unit they work in, their scope, and whether they review tasks.
 * A unit's notifications (催报, 交办, 退回, 批示, 会签) reach its users; reviewers' notifications
 * (提请销号) reach the users with `task.review` whose scope holds the owning area.
 */
export interface NotificationReader {
  userId: string;
  orgUnitId: string | null;
  scope: Scope;
  isReviewer: boolean;
}

/** One notification as a reader sees it. */
export interface NotificationItem {
  id: string;
  kind: string;
  text: string;
  task_id: string | null;
  task_title: string | null;
  created_at: Date;
  read_at: Date | null;
}

function addressedTo(r: NotificationReader) {
  return (eb: ExpressionBuilder<Database & { owner: Database["org_units"] }, "notifications" | "owner">) => {
    const own: Expression<SqlBool>[] = [];
    if (r.orgUnitId !== null) {
      own.push(
        eb.and([eb("notifications.audience", "is", null), eb("notifications.org_unit_id", "=", r.orgUnitId)]),
      );
    }
    if (r.isReviewer) {
      own.push(eb.and([eb("notifications.audience", "=", "task.review"), inScope("owner.path", r.scope)]));
    }
    return own.length === 0 ? sql<SqlBool>`false` : eb.or(own);
  };
}

function visible(db: Db, r: NotificationReader) {
  return db
    .selectFrom("notifications")
    .innerJoin("org_units as owner", "owner.id", "notifications.org_unit_id")
    .where(addressedTo(r));
}

/** In-app notifications (消息): what each user has received and read. */
export const notificationRepo = {
  /**
   * Writes notifications. A row whose `dedupe_key` is already stored is skipped (催报 pressed twice
   * writes one reminder). Returns how many went in.
   */
  async insert(db: Db, rows: readonly Insertable<NotificationsTable>[]): Promise<number> {
    if (rows.length === 0) {
      return 0;
    }
    const inserted = await db
      .insertInto("notifications")
      .values([...rows])
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .execute();
    return inserted.length;
  },

  /** The reader's notifications, newest first, with whether they have read each one. */
  async list(
    db: Db,
    r: NotificationReader,
    opts: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ total: number; unread: number; items: NotificationItem[] }> {
    const base = visible(db, r)
      .leftJoin("notification_reads as seen", (j) =>
        j.onRef("seen.notification_id", "=", "notifications.id").on("seen.user_id", "=", r.userId),
      )
      .$if(opts.unreadOnly, (q) => q.where("seen.read_at", "is", null));
    const counts = await visible(db, r)
      .leftJoin("notification_reads as seen", (j) =>
        j.onRef("seen.notification_id", "=", "notifications.id").on("seen.user_id", "=", r.userId),
      )
      .select([
        (eb) => eb.fn.countAll<string | number>().as("total"),
        sql<string | number>`count(*) FILTER (WHERE seen.read_at IS NULL)`.as("unread"),
      ])
      .executeTakeFirst();
    const items = await base
      .leftJoin("tasks", "tasks.id", "notifications.task_id")
      .select([
        "notifications.id",
        "notifications.kind",
        "notifications.text",
        "notifications.task_id",
        "tasks.title as task_title",
        "notifications.created_at",
        "seen.read_at",
      ])
      .orderBy("notifications.created_at", "desc")
      .orderBy("notifications.id")
      .limit(opts.limit)
      .offset(opts.offset)
      .execute();
    return {
      total: opts.unreadOnly ? Number(counts?.unread ?? 0) : Number(counts?.total ?? 0),
      unread: Number(counts?.unread ?? 0),
      items,
    };
  },

  /** How many of the reader's notifications are unread (the header's badge). */
  async unreadCount(db: Db, r: NotificationReader): Promise<number> {
    const row = await visible(db, r)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("notification_reads")
              .whereRef("notification_reads.notification_id", "=", "notifications.id")
              .where("notification_reads.user_id", "=", r.userId)
              .select("notification_reads.user_id"),
          ),
        ),
      )
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  /**
   * Marks notifications read for the reader: the listed ones, or all when `ids` is null. Only those
   * addressed to the reader are touched; returns how many became read.
   */
  async markRead(db: Db, r: NotificationReader, ids: readonly string[] | null, at: Date): Promise<number> {
    let q = visible(db, r).select([
      "notifications.id as notification_id",
      sql<string>`${r.userId}::uuid`.as("user_id"),
      sql<Date>`${at}::timestamptz`.as("read_at"),
    ]);
    if (ids !== null) {
      if (ids.length === 0) {
        return 0;
      }
      q = q.where("notifications.id", "=", sql<string>`ANY(${[...ids]}::uuid[])`);
    }
    const result = await db
      .insertInto("notification_reads")
      .columns(["notification_id", "user_id", "read_at"])
      .expression(q)
      .onConflict((oc) => oc.columns(["notification_id", "user_id"]).doNothing())
      .returning("notification_id")
      .execute();
    return result.length;
  },
};
