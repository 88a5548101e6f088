import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AidAnswerBody,
  AidApplicationBody,
  AidApplicationDetail,
  AidApplicationList,
  AidApplicationQuery,
  AidAssessmentBody,
  AidBankBody,
  AidChanged,
  AidListImportBody,
  AidListImportResult,
  AidListImports,
  AidObjectionBody,
  AidProgramme,
  AidProgrammeBody,
  AidPublicity,
  AidPublicityBody,
  AidPublicityList,
  AidReasonBody,
  AidReviewBody,
  AidYearQuery,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import {
  assessApplications,
  createApplication,
  reviewApplications,
  updateBank,
} from "../../services/aid/application.service.ts";
import { listApplications, readApplication } from "../../services/aid/application-read.service.ts";
import { recordUnaidedReason } from "../../services/aid/monitor.service.ts";
import { importPriorityList, listPriorityImports } from "../../services/aid/priority-list.service.ts";
import { createProgramme, listProgrammes } from "../../services/aid/programme.service.ts";
import {
  addObjection,
  answerObjection,
  createPublicity,
  listPublicities,
  readPublicity,
} from "../../services/aid/publicity.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { previewImportHandler } from "../file-import.ts";

const tags = ["学生资助"];
const Id = z.strictObject({ id: z.uuid({ error: "编号格式不对" }) });
const Created = z.object({ id: z.uuid() });

/** 公示 and objections, and the reasons for 应助未助: /api/aid/publicities, /api/aid/unaided-reasons. */
function aidPublicityRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/aid/publicities",
      { schema: { tags, summary: "资助公示", response: { 200: AidPublicityList } } },
      async (request) => listPublicities(deps, sessionOf(request).actor),
    );
    app.post(
      "/aid/publicities",
      {
        schema: {
          tags,
          summary: "学校发布公示（不少于 5 个工作日）",
          body: AidPublicityBody,
          response: { 201: z.object({ id: z.uuid(), endsOn: z.string(), count: z.number().int() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createPublicity(deps, sessionOf(request).actor, request.body)),
    );
    app.get(
      "/aid/publicities/:id",
      {
        schema: {
          tags,
          summary: "公示名单（仅姓名脱敏、学校、年级班级、档次）与异议",
          params: Id,
          response: { 200: AidPublicity },
        },
      },
      async (request) => readPublicity(deps, sessionOf(request).actor, request.params.id),
    );
    app.post(
      "/aid/publicities/:id/objections",
      {
        schema: {
          tags,
          summary: "登记公示异议",
          params: Id,
          body: AidObjectionBody,
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addObjection(deps, sessionOf(request).actor, request.params.id, request.body.text)),
    );
    app.post(
      "/aid/publicities/:id/objections/:objectionId/answer",
      {
        schema: {
          tags,
          summary: "答复公示异议",
          params: z.strictObject({ id: z.uuid(), objectionId: z.uuid() }),
          body: AidAnswerBody,
          response: { 200: AidChanged },
        },
      },
      async (request) =>
        answerObjection(
          deps,
          sessionOf(request).actor,
          request.params.id,
          request.params.objectionId,
          request.body.answer,
        ),
    );

    app.post(
      "/aid/unaided-reasons",
      {
        schema: {
          tags,
          summary: "登记困难群体学生未获资助的原因",
          body: AidReasonBody,
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await recordUnaidedReason(deps, sessionOf(request).actor, request.body)),
    );
  };
}

/** 学生资助 认定: /api/aid/programmes, priority-lists, applications, publicities, unaided-reasons (发放: batch-routes.ts). */
export function aidRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // personal data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.get(
      "/aid/programmes",
      {
        schema: {
          tags,
          summary: "资助项目（按学年）",
          querystring: AidYearQuery,
          response: { 200: z.object({ items: z.array(AidProgramme) }) },
        },
      },
      async (request) => ({
        items: await listProgrammes(deps, sessionOf(request).actor, request.query.year),
      }),
    );
    app.post(
      "/aid/programmes",
      {
        schema: {
          tags,
          summary: "新建资助项目（新学年标准另建，不改旧项目）",
          body: AidProgrammeBody,
          response: { 201: Created },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createProgramme(deps, sessionOf(request).actor, request.body)),
    );

    app.get(
      "/aid/priority-lists",
      { schema: { tags, summary: "困难群体名单导入记录（只含计数）", response: { 200: AidListImports } } },
      async (request) => ({ items: await listPriorityImports(deps, sessionOf(request).actor) }),
    );
    app.post(
      "/aid/priority-lists",
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入民政/乡村振兴/残联困难群体名单，按身份证件号盲索引与学籍比对（preview=true 只预览）",
          body: AidListImportBody,
          response: { 200: AidListImportResult, 201: AidListImportResult },
        },
      },
      previewImportHandler((actor, input) => importPriorityList(deps, actor, input)),
    );

    app.get(
      "/aid/applications",
      {
        schema: {
          tags,
          summary: "资助申请（脱敏）",
          querystring: AidApplicationQuery,
          response: { 200: AidApplicationList },
        },
      },
      async (request) => listApplications(deps, sessionOf(request).actor, request.query),
    );
    app.post(
      "/aid/applications",
      {
        schema: {
          tags,
          summary: "学校录入资助申请",
          body: AidApplicationBody,
          response: { 201: z.object({ id: z.uuid(), verified: z.array(z.string()) }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApplication(deps, sessionOf(request).actor, request.body)),
    );
    app.get(
      "/aid/applications/:id",
      {
        schema: {
          tags,
          summary: "一条资助申请及其各环节（谁、何时）",
          params: Id,
          response: { 200: AidApplicationDetail },
        },
      },
      async (request) => readApplication(deps, sessionOf(request).actor, request.params.id),
    );
    app.post(
      "/aid/applications/:id/bank",
      {
        schema: {
          tags,
          summary: "学校更正银行卡（发放失败后）",
          params: Id,
          body: AidBankBody,
          response: { 200: AidChanged },
        },
      },
      async (request) => updateBank(deps, sessionOf(request).actor, request.params.id, request.body),
    );
    app.post(
      "/aid/applications/assessment",
      { schema: { tags, summary: "民主评议结果", body: AidAssessmentBody, response: { 200: AidChanged } } },
      async (request) => assessApplications(deps, sessionOf(request).actor, request.body),
    );
    app.post(
      "/aid/applications/review",
      {
        schema: {
          tags,
          summary: "资助中心审核（公示期满、异议答复后）",
          body: AidReviewBody,
          response: { 200: AidChanged },
        },
      },
      async (request) => reviewApplications(deps, sessionOf(request).actor, request.body),
    );

    await app.register(aidPublicityRoutes(deps));
  };
}
