/**
 * 消息 (in-app notifications): what the ledger sends to units and reviewers, the list each user reads,
 * and marking read. Notifications are written in the transaction of the change they announce.
 */
import { can } from "@luoshi/domain/auth";
import { inTransaction, notificationRepo, type Db, type NotificationReader } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** Kinds of notification, with their Chinese names. */
export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  "report-reminder": "催报",
  assigned: "交办",
  reassigned: "改派",
  "review-request": "提请销号",
  returned: "退回",
  closed: "销号",
  instruction: "批示",
  "instruction-reply": "批示回复",
  "co-sign": "会签",
  "co-sign-objection": "会签异议",
  "attendance-reminder": "考勤催报",
};

/** A notification to write: to a unit's users, or to the reviewers of the task's owning area. */
export interface Notice {
  to: { unitId: string } | { reviewersOf: string };
  taskId: string;
  kind: keyof typeof NOTIFICATION_KIND_LABELS;
  text: string;
}

/** Writes notices from `actor` at `at` (inside the caller's transaction). */
export async function sendNotices(db: Db, actor: Actor, at: Date, notices: readonly Notice[]): Promise<void> {
  await notificationRepo.insert(
    db,
    notices.map((n) => ({
      org_unit_id: "unitId" in n.to ? n.to.unitId : n.to.reviewersOf,
      audience: "unitId" in n.to ? null : "task.review",
      task_id: n.taskId,
      kind: n.kind,
      text: n.text,
      created_by: actor.userId,
      created_at: at,
    })),
  );
}

function readerOf(actor: Actor): NotificationReader {
  if (actor.userId === null) {
    throw new AppError("forbidden", "系统账号没有消息");
  }
  return {
    userId: actor.userId,
    orgUnitId: actor.orgUnitId,
    scope: actor.scope,
    isReviewer: actor.role !== null && can(actor.role, "task.review"),
  };
}

/** The user's notifications, newest first. */
export async function listNotifications(
  deps: ServiceDeps,
  actor: Actor,
  q: { unreadOnly: boolean; page: number; pageSize: number },
) {
  return notificationRepo.list(deps.handle.db, readerOf(actor), {
    unreadOnly: q.unreadOnly,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
}

/** How many of the user's notifications are unread. */
export async function unreadNotifications(deps: ServiceDeps, actor: Actor): Promise<number> {
  return notificationRepo.unreadCount(deps.handle.db, readerOf(actor));
}

/** Marks the listed notifications (or all, `ids` null) read for the user; audited. Returns the count. */
export async function markNotificationsRead(
  deps: ServiceDeps,
  actor: Actor,
  ids: readonly string[] | null,
): Promise<number> {
  const reader = readerOf(actor);
  const { db } = deps.handle;
  return inTransaction(db, async (trx) => {
    const marked = await notificationRepo.markRead(trx, reader, ids, deps.now());
    await recordAudit(trx, actor, {
      action: "notification.read",
      entityType: "notification",
      entityId: ids === null ? "all" : ids.join(",").slice(0, 200),
      details: { marked, all: ids === null },
    });
    return marked;
  });
}
