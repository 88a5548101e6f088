import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  DispatchBoard,
  IdParams,
  MonthlyBulletin,
  MilestoneParams,
  MilestoneReachedBody,
  MonthQuery,
  ReminderResult,
  Scoreboard,
  NotificationPage,
  NotificationQuery,
  NotificationReadBody,
  NotificationReadResult,
  TaskActionBody,
  TaskBatchBody,
  TaskBatchResult,
  TaskEditBody,
  TaskSignOffBody,
  UnreadCount,
  Workbench,
  TaskAdjustmentBody,
  TaskAdjustmentDecisionBody,
  TaskCreateBody,
  TaskDetail,
  TaskInstructionBody,
  TaskListQuery,
  TaskPage,
  TaskReportBody,
  YearQuery,
} from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { actOnTask } from "../../services/ledger/act-on-task.ts";
import { addInstruction } from "../../services/ledger/add-instruction.ts";
import { bulletinDocxFor, bulletinFor } from "../../services/ledger/bulletin.ts";
import { createTask } from "../../services/ledger/create-task.ts";
import { batchCreateTasks } from "../../services/ledger/batch-create.ts";
import { editTask } from "../../services/ledger/edit-task.ts";
import { signOff } from "../../services/ledger/sign-off.ts";
import { workbenchFor } from "../../services/ledger/workbench.ts";
import {
  listNotifications,
  markNotificationsRead,
  unreadNotifications,
} from "../../services/ledger/notifications.ts";
import { dispatchFor } from "../../services/ledger/dispatch.ts";
import { exportLedgerXlsx } from "../../services/ledger/export-ledger.ts";
import { listTasks } from "../../services/ledger/list-tasks.ts";
import { readAttachment } from "../../services/ledger/read-attachment.ts";
import { reachMilestone } from "../../services/ledger/reach-milestone.ts";
import { remindMissing } from "../../services/ledger/remind-missing.ts";
import { scoreboardFor } from "../../services/ledger/scoreboard.ts";
import { submitReport } from "../../services/ledger/submit-report.ts";
import { loadTaskDetail } from "../../services/ledger/task-detail.ts";
import { sessionOf } from "../auth-hook.ts";
import {
  presentBulletin,
  presentDispatch,
  presentNotifications,
  presentReminders,
  presentScoreboard,
  presentTaskDetail,
  presentTaskPage,
} from "./presenters.ts";

const tags = ["督办台账"];
const attachmentName = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 确认序时进度完成: /api/tasks/:id/milestones/:milestoneId/reached, answering with the task. */
function milestoneRoutes(
  deps: ServiceDeps,
  getTaskDetail: (actor: Actor, id: string) => Promise<TaskDetail>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/:id/milestones/:milestoneId/reached",
      {
        schema: {
          tags,
          summary: "确认序时进度完成",
          params: MilestoneParams,
          body: MilestoneReachedBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        const { id, milestoneId } = request.params;
        await reachMilestone(deps, actor, id, milestoneId, request.body);
        return getTaskDetail(actor, id);
      },
    );
  };
}

/** 批量立项, 修改/改派 and 会签: /api/tasks/batch, PATCH /api/tasks/:id, /api/tasks/:id/sign-offs. */
function flowRoutes(
  deps: ServiceDeps,
  getTaskDetail: (actor: Actor, id: string) => Promise<TaskDetail>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/batch",
      {
        bodyLimit: 1024 * 1024,
        schema: { tags, summary: "批量立项", body: TaskBatchBody, response: { 201: TaskBatchResult } },
      },
      async (request, reply) => {
        const ids = await batchCreateTasks(deps, sessionOf(request).actor, request.body);
        return reply.status(201).send({ created: ids.length, taskIds: ids });
      },
    );

    app.patch(
      "/:id",
      {
        schema: {
          tags,
          summary: "修改 / 改派任务",
          params: IdParams,
          body: TaskEditBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await editTask(deps, actor, request.params.id, request.body);
        return getTaskDetail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/sign-offs",
      {
        schema: {
          tags,
          summary: "会签办结报告",
          params: IdParams,
          body: TaskSignOffBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await signOff(deps, actor, request.params.id, request.body);
        return getTaskDetail(actor, request.params.id);
      },
    );
  };
}

/** 督办台账: /api/tasks … Every write answers with the task as it now stands. */
export function taskRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  const getTaskDetail = async (actor: Actor, id: string) =>
    presentTaskDetail(await loadTaskDetail(deps, actor, id));
  return async (app) => {
    app.get(
      "/",
      { schema: { tags, summary: "台账", querystring: TaskListQuery, response: { 200: TaskPage } } },
      async (request) =>
        presentTaskPage(await listTasks(deps, sessionOf(request).actor, request.query), request.query),
    );

    app.get(
      "/export.xlsx",
      { schema: { tags, summary: "导出台账（Excel）", querystring: TaskListQuery } },
      async (request, reply) => {
        const buffer = await exportLedgerXlsx(deps, sessionOf(request).actor, request.query);
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", attachmentName("督办台账.xlsx"))
          .send(buffer);
      },
    );

    app.post(
      "/",
      {
        bodyLimit: 256 * 1024,
        schema: { tags, summary: "新建任务", body: TaskCreateBody, response: { 201: TaskDetail } },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        const id = await createTask(deps, actor, request.body);
        return reply.status(201).send(await getTaskDetail(actor, id));
      },
    );

    app.get(
      "/:id",
      { schema: { tags, summary: "任务详情", params: IdParams, response: { 200: TaskDetail } } },
      async (request) => getTaskDetail(sessionOf(request).actor, request.params.id),
    );

    app.post(
      "/:id/actions",
      {
        schema: {
          tags,
          summary: "办理（交办、签收、提请销号、销号、退回、中止、恢复）",
          params: IdParams,
          body: TaskActionBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await actOnTask(deps, actor, request.params.id, request.body);
        return getTaskDetail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/reports",
      {
        bodyLimit: 120 * 1024 * 1024,
        schema: {
          tags,
          summary: "报送进展",
          params: IdParams,
          body: TaskReportBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await submitReport(deps, actor, request.params.id, request.body);
        return getTaskDetail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/instructions",
      {
        schema: {
          tags,
          summary: "领导批示 / 回复",
          params: IdParams,
          body: TaskInstructionBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await addInstruction(deps, actor, request.params.id, request.body);
        return getTaskDetail(actor, request.params.id);
      },
    );

    await app.register(milestoneRoutes(deps, getTaskDetail));
    await app.register(flowRoutes(deps, getTaskDetail));

    app.post(
      "/:id/adjustments",
      {
        schema: {
          tags,
          summary: "申请调整",
          params: IdParams,
          body: TaskAdjustmentBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        const b = request.body;
        await actOnTask(deps, actor, request.params.id, {
          type: "requestAdjustment",
          reason: b.reason,
          ...(b.newDeadline === undefined ? {} : { newDeadline: b.newDeadline }),
          ...(b.newTitle === undefined ? {} : { newTitle: b.newTitle }),
        });
        return getTaskDetail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/adjustments/decision",
      {
        schema: {
          tags,
          summary: "审批调整申请",
          params: IdParams,
          body: TaskAdjustmentDecisionBody,
          response: { 200: TaskDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        const b = request.body;
        await actOnTask(deps, actor, request.params.id, {
          type: "decideAdjustment",
          isApproved: b.isApproved,
          ...(b.comment === undefined ? {} : { comment: b.comment }),
        });
        return getTaskDetail(actor, request.params.id);
      },
    );
  };
}

/** 月调度, 月通报, 年度考核 and attachments: /api/ledger …, /api/attachments … */
export function ledgerRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/ledger/dispatch",
      { schema: { tags, summary: "月调度", querystring: MonthQuery, response: { 200: DispatchBoard } } },
      async (request) =>
        presentDispatch(await dispatchFor(deps, sessionOf(request).actor, request.query.month)),
    );
    app.post(
      "/ledger/reminders",
      {
        schema: {
          tags,
          summary: "一键催报",
          body: MonthQuery,
          response: { 200: ReminderResult },
        },
      },
      async (request) =>
        presentReminders(await remindMissing(deps, sessionOf(request).actor, request.body.month)),
    );
    app.get(
      "/ledger/bulletin",
      { schema: { tags, summary: "月通报", querystring: MonthQuery, response: { 200: MonthlyBulletin } } },
      async (request) =>
        presentBulletin(await bulletinFor(deps, sessionOf(request).actor, request.query.month)),
    );
    app.get(
      "/ledger/bulletin.docx",
      { schema: { tags, summary: "月通报（Word）", querystring: MonthQuery } },
      async (request, reply) => {
        const buffer = await bulletinDocxFor(deps, sessionOf(request).actor, request.query.month);
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
          .header("content-disposition", attachmentName(`月通报-${request.query.month}.docx`))
          .send(buffer);
      },
    );
    app.get(
      "/ledger/scoreboard",
      { schema: { tags, summary: "年度考核", querystring: YearQuery, response: { 200: Scoreboard } } },
      async (request) =>
        presentScoreboard(await scoreboardFor(deps, sessionOf(request).actor, request.query.year)),
    );
    app.get(
      "/attachments/:id",
      { schema: { tags, summary: "下载附件", params: IdParams } },
      async (request, reply) => {
        const { row, bytes } = await readAttachment(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", row.media_type)
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", attachmentName(row.file_name))
          .send(bytes);
      },
    );
  };
}

/** 消息 and 工作台: /api/notifications …, /api/workbench. */
export function inboxRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  const inboxTags = ["消息与工作台"];
  return async (app) => {
    app.get(
      "/notifications",
      {
        schema: {
          tags: inboxTags,
          summary: "我的消息",
          querystring: NotificationQuery,
          response: { 200: NotificationPage },
        },
      },
      async (request) => {
        const q = request.query;
        const page = await listNotifications(deps, sessionOf(request).actor, {
          unreadOnly: q.unread === "true",
          page: q.page,
          pageSize: q.pageSize,
        });
        return presentNotifications(page, q);
      },
    );
    app.get(
      "/notifications/unread-count",
      { schema: { tags: inboxTags, summary: "未读消息数", response: { 200: UnreadCount } } },
      async (request) => ({ unread: await unreadNotifications(deps, sessionOf(request).actor) }),
    );
    app.post(
      "/notifications/read",
      {
        schema: {
          tags: inboxTags,
          summary: "标记消息已读",
          body: NotificationReadBody,
          response: { 200: NotificationReadResult },
        },
      },
      async (request) => ({
        marked: await markNotificationsRead(deps, sessionOf(request).actor, request.body.ids),
      }),
    );
    app.post(
      "/notifications/read-all",
      { schema: { tags: inboxTags, summary: "全部标记已读", response: { 200: NotificationReadResult } } },
      async (request) => ({ marked: await markNotificationsRead(deps, sessionOf(request).actor, null) }),
    );
    app.get(
      "/workbench",
      { schema: { tags: inboxTags, summary: "工作台待办", response: { 200: Workbench } } },
      async (request) => workbenchFor(deps, sessionOf(request).actor),
    );
  };
}
