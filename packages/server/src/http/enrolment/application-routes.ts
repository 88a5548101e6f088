import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ApplicationCreateBody,
  ApplicationDecisionBody,
  ApplicationImportBody,
  ApplicationImportResult,
  ApplicationList,
  ApplicationParams,
  ApplicationQuery,
  ApplicationReveal,
  ApplicationRevealBody,
  CategoryRulesBody,
  CategoryRulesView,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import {
  createApplication,
  decideApplication,
  getCategoryRules,
  importApplications,
  listApplications,
  revealApplication,
  saveCategoryRules,
} from "../../services/enrolment/application.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { previewImportHandler } from "../file-import.ts";

const tags = ["招生入学"];

/** 报名 and 资格审核: /api/enrolment/applications*, /api/enrolment/category-rules. */
export function enrolmentApplicationRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // applicants' data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.get(
      "/enrolment/applications",
      {
        schema: {
          tags,
          summary: "某学年的报名（姓名、身份证件号脱敏；含同一儿童在其他学校报名的数量）",
          querystring: ApplicationQuery,
          response: { 200: ApplicationList },
        },
      },
      async (request) => listApplications(deps, sessionOf(request).actor, request.query),
    );

    app.post(
      "/enrolment/applications/imports",
      {
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入报名平台导出的报名名单（preview=true 只预览；有错则整份不导入）",
          body: ApplicationImportBody,
          response: { 200: ApplicationImportResult, 201: ApplicationImportResult },
        },
      },
      previewImportHandler((actor, input) => importApplications(deps, actor, input)),
    );

    app.post(
      "/enrolment/applications",
      {
        schema: {
          tags,
          summary: "学校现场录入一份报名",
          body: ApplicationCreateBody,
          response: {
            201: z.object({
              id: z.uuid(),
              applicationNo: z.string(),
              category: z.string(),
              because: z.string(),
            }),
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApplication(deps, sessionOf(request).actor, request.body)),
    );

    app.post(
      "/enrolment/applications/:id/decision",
      {
        schema: {
          tags,
          summary: "资格审核：通过或不通过，须写明理由",
          params: ApplicationParams,
          body: ApplicationDecisionBody,
          response: { 200: z.object({ id: z.uuid(), status: z.string() }) },
        },
      },
      async (request) => decideApplication(deps, sessionOf(request).actor, request.params.id, request.body),
    );

    app.post(
      "/enrolment/applications/:id/reveal",
      {
        schema: {
          tags,
          summary: "查看报名儿童的姓名、身份证件号明文（须填理由，记入审计）",
          params: ApplicationParams,
          body: ApplicationRevealBody,
          response: { 200: ApplicationReveal },
        },
      },
      async (request) =>
        revealApplication(deps, sessionOf(request).actor, request.params.id, request.body.reason),
    );

    app.get(
      "/enrolment/category-rules",
      {
        schema: {
          tags,
          summary: "本县（区）现行的报名类别规则（版本）",
          response: { 200: CategoryRulesView },
        },
      },
      async (request) => getCategoryRules(deps, sessionOf(request).actor),
    );

    app.put(
      "/enrolment/category-rules",
      {
        schema: {
          tags,
          summary: "保存新版本的报名类别规则（此后录入的报名按新版本归类）",
          body: CategoryRulesBody,
          response: { 200: CategoryRulesView },
        },
      },
      async (request) => saveCategoryRules(deps, sessionOf(request).actor, request.body),
    );
  };
}
