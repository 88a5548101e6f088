import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CaseCloseBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseOpenBody,
  CaseStepBody,
  CaseStepParams,
  CaseStepRecordBody,
  CaseUnmaskBody,
  CaseUpdateBody,
  IdParams,
} from "@luoshi/contracts";
import { chinaDate } from "@luoshi/common";
import type { ServiceDeps } from "../../context.ts";
import {
  addStep,
  closeCase,
  getCase,
  listCases,
  openCase,
  recordStep,
  unmaskCase,
  updateCase,
  type CaseWithSteps,
} from "../../services/dropout/case.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentCase, presentCaseDetail } from "./presenters.ts";

const tags = ["控辍保学"];

/** 一生一案: /api/dropout/cases and its steps, 销号 and the audited unmasked read. */
export function dropoutCaseRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // personal data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });
    const today = () => chinaDate(deps.now());
    const detail = (c: CaseWithSteps, userId: string | null, unmasked = false) =>
      presentCaseDetail(c.row, c.steps, today(), userId, unmasked);

    app.get(
      "/dropout/cases",
      {
        schema: {
          tags,
          summary: "一生一案：案件列表（脱敏）",
          querystring: CaseListQuery,
          response: { 200: CaseList },
        },
      },
      async (request) => {
        const { items, total } = await listCases(deps, sessionOf(request).actor, request.query);
        return { total, items: items.map((c) => presentCase(c.row, c.steps, today())) };
      },
    );

    app.post(
      "/dropout/cases",
      {
        schema: {
          tags,
          summary: "立案（学籍中的学生或适龄名单中的儿童）",
          body: CaseOpenBody,
          response: { 201: CaseDetail },
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        return reply.status(201).send(detail(await openCase(deps, actor, request.body), actor.userId));
      },
    );

    app.get(
      "/dropout/cases/:id",
      { schema: { tags, summary: "案件详情（脱敏）", params: IdParams, response: { 200: CaseDetail } } },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await getCase(deps, actor, request.params.id), actor.userId);
      },
    );

    app.patch(
      "/dropout/cases/:id",
      {
        schema: {
          tags,
          summary: "修改帮扶方案、七长或责任学校",
          params: IdParams,
          body: CaseUpdateBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await updateCase(deps, actor, request.params.id, request.body), actor.userId);
      },
    );

    app.post(
      "/dropout/cases/:id/steps",
      {
        schema: {
          tags,
          summary: "安排措施（家访、劝返、复学……）",
          params: IdParams,
          body: CaseStepBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await addStep(deps, actor, request.params.id, request.body), actor.userId);
      },
    );

    app.post(
      "/dropout/cases/:id/steps/:stepId/record",
      {
        schema: {
          tags,
          summary: "登记措施完成情况（日期、结果、记录、佐证）",
          params: CaseStepParams,
          body: CaseStepRecordBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(
          await recordStep(deps, actor, request.params.id, request.params.stepId, request.body),
          actor.userId,
        );
      },
    );

    app.post(
      "/dropout/cases/:id/close",
      {
        schema: {
          tags,
          summary: "核查销号（复学满规定时间，由登记复学者以外的人员核查）",
          params: IdParams,
          body: CaseCloseBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await closeCase(deps, actor, request.params.id, request.body.note), actor.userId);
      },
    );

    app.post(
      "/dropout/cases/:id/unmask",
      {
        schema: {
          tags,
          summary: "查看案件完整信息（需“查看个人信息明文”权限，写明事由，记入审计日志）",
          params: IdParams,
          body: CaseUnmaskBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(
          await unmaskCase(deps, actor, request.params.id, request.body.reason),
          actor.userId,
          true,
        );
      },
    );
  };
}
