import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, RecheckBody, VisitBody, VisitDetail, VisitList } from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { getVisit, listVisits, submitVisit, visitPhoto } from "../../services/inspection/visits.service.ts";
import { issueNotice, noticeDocx, recheckFinding } from "../../services/inspection/rectification.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["督导"];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** 下校督导 and 整改: /api/inspection/visits, photos, notices, findings' 复查. */
export function inspectionVisitRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/inspection/visits",
      {
        bodyLimit: 40 * 1024 * 1024,
        schema: {
          tags,
          summary: "督学提交一次下校督导（检查表、发现的问题、照片）；同一草稿重发只记一次",
          body: VisitBody,
          response: { 201: VisitDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await submitVisit(deps, sessionOf(request).actor, request.body)),
    );

    app.get(
      "/inspection/visits",
      { schema: { tags, summary: "督导记录", response: { 200: VisitList } } },
      async (request) => listVisits(deps, sessionOf(request).actor),
    );

    app.get(
      "/inspection/visits/:id",
      {
        schema: {
          tags,
          summary: "一次督导：作答、问题及整改、照片",
          params: IdParams,
          response: { 200: VisitDetail },
        },
      },
      async (request) => getVisit(deps, sessionOf(request).actor, request.params.id),
    );

    app.get(
      "/inspection/photos/:id",
      { schema: { tags, summary: "督导照片", params: IdParams } },
      async (request, reply) => {
        const photo = await visitPhoto(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", photo.mediaType)
          .header("cache-control", "private, no-store")
          .header("x-content-type-options", "nosniff")
          .send(photo.bytes);
      },
    );

    app.post(
      "/inspection/visits/:id/notice",
      {
        schema: {
          tags,
          summary: "督学发出整改通知书：每个问题生成一项由学校办理的整改任务",
          params: IdParams,
          response: { 201: VisitDetail },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await issueNotice(deps, sessionOf(request).actor, request.params.id)),
    );

    app.get(
      "/inspection/notices/:id/docx",
      { schema: { tags, summary: "整改通知书（.docx，公文格式，按发出时保存）", params: IdParams } },
      async (request, reply) => {
        const { buffer, fileName } = await noticeDocx(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", DOCX)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(buffer);
      },
    );

    app.post(
      "/inspection/findings/:id/recheck",
      {
        schema: {
          tags,
          summary: "督学复查学校的整改（通过后方可销号）",
          params: IdParams,
          body: RecheckBody,
          response: { 200: VisitDetail },
        },
      },
      async (request) => recheckFinding(deps, sessionOf(request).actor, request.params.id, request.body),
    );
  };
}
