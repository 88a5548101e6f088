import { chinaDate } from "@luoshi/common";
import { can } from "@luoshi/domain/auth";
import { taskDetailRepo } from "@luoshi/db";
import type { TaskListQuery, Workbench, WorkItem } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { dispatchFor } from "./dispatch.ts";
import { listTasks } from "./list-tasks.ts";
import { unreadNotifications } from "./notifications.ts";

const LABELS: Record<WorkItem["kind"], string> = {
  assign: "待交办",
  accept: "待签收",
  report: "本期待报送",
  "co-sign": "待会签",
  review: "待复核销号",
  red: "红灯任务",
  notifications: "未读消息",
};

const link = (taskId: string) => `/ledger/tasks/${taskId}`;

/** A query of the 台账 as the workbench asks it. */
const query = (q: Partial<TaskListQuery>): TaskListQuery => ({
  page: 1,
  pageSize: 100,
  sort: "deadline",
  ...q,
});

/**
 * 工作台: the user's to-do list, each item linking where it is done. Bureau staff with task.write see
 * tasks to 交办; lead units tasks to 签收 (overdue past the 签收时限 first); units the reports due this
 * month not yet sent; co-units the 办结报告 awaiting their 会签; reviewers the tasks 提请销号; everyone
 * the red lights in their scope and their unread messages.
 */
export async function workbenchFor(deps: ServiceDeps, actor: Actor): Promise<Workbench> {
  authorize(actor, "task.read");
  const today = chinaDate(deps.now());
  const role = actor.role;
  const unitId = actor.orgUnitId;
  const isUnit = role === "unitUser" || role === "schoolUser";
  const groups: Workbench["groups"] = [];
  const add = (kind: WorkItem["kind"], items: Omit<WorkItem, "kind">[]) => {
    if (items.length > 0) {
      groups.push({ kind, label: LABELS[kind], items: items.map((i) => ({ kind, ...i })) });
    }
  };
  if (can(role, "task.write") && !isUnit) {
    const pending = await listTasks(deps, actor, query({ state: "pending" }));
    add(
      "assign",
      pending.items.map(({ row }) => ({
        title: row.title,
        detail: `完成时限${row.deadline}`,
        link: link(row.id),
        due: null,
        isOverdue: false,
      })),
    );
  }
  if (isUnit && unitId !== null) {
    const toAccept = await listTasks(deps, actor, query({ state: "assigned", mine: "true" }));
    add(
      "accept",
      toAccept.items
        .filter((x) => x.task.leadUnit === unitId)
        .map(({ row, task }) => {
          const isLate = task.acceptBy !== undefined && task.acceptBy !== null && task.acceptBy < today;
          return {
            title: row.title,
            detail: isLate ? `已超过签收时限（${task.acceptBy ?? ""}）` : `请于${task.acceptBy ?? ""}前签收`,
            link: link(row.id),
            due: task.acceptBy ?? null,
            isOverdue: isLate,
          };
        })
        .sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue)),
    );
    const board = await dispatchFor(deps, actor, today.slice(0, 7));
    add(
      "report",
      board.rows
        .filter((r) => r.unit.id === unitId && (r.status === "missing" || r.status === "notDue"))
        .map((r) => ({
          title: r.taskTitle,
          detail: `${r.periodLabel}进展${r.role === "lead" ? "（牵头汇总）" : "（协办）"}，应于${r.dueDate}前报送`,
          link: link(r.taskId),
          due: r.dueDate,
          isOverdue: r.status === "missing",
        })),
    );
    const toSign = await taskDetailRepo.awaitingSignOff(deps.handle.db, unitId);
    add(
      "co-sign",
      toSign.map((t) => ({
        title: t.title,
        detail: "牵头单位已提交办结报告，请会签（同意或提出异议）",
        link: link(t.task_id),
        due: null,
        isOverdue: false,
      })),
    );
  }
  if (can(role, "task.review") && !isUnit) {
    const review = await listTasks(deps, actor, query({ state: "underReview" }));
    add(
      "review",
      review.items.map(({ row, task }) => {
        const isOwn =
          actor.userId !== null && (task.createdBy === actor.userId || task.assignedBy === actor.userId);
        return {
          title: row.title,
          detail: isOwn ? "已提请销号；您是立项人或交办人，须由其他复核人员销号" : "已提请销号，请复核",
          link: link(row.id),
          due: null,
          isOverdue: false,
        };
      }),
    );
  }
  const red = await listTasks(deps, actor, query({ light: "red" }));
  add(
    "red",
    red.items.map(({ row, light }) => ({
      title: row.title,
      detail: light.reason,
      link: link(row.id),
      due: row.deadline,
      isOverdue: true,
    })),
  );
  if (actor.userId !== null) {
    const unread = await unreadNotifications(deps, actor);
    add(
      "notifications",
      unread === 0
        ? []
        : [
            {
              title: `${String(unread)}条未读消息`,
              detail: "催报、交办、退回、批示等",
              link: "/messages",
              due: null,
              isOverdue: false,
            },
          ],
    );
  }
  return { groups, total: groups.reduce((n, g) => n + g.items.length, 0) };
}
