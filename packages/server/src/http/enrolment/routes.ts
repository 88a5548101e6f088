import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CatchmentCompare,
  CatchmentCompareQuery,
  CatchmentEditBody,
  CatchmentImportBody,
  CatchmentImportResult,
  CatchmentItem,
  CatchmentList,
  CatchmentParams,
  CatchmentQuery,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import {
  compareCatchmentYears,
  editCatchment,
  importCatchments,
  listCatchments,
} from "../../services/enrolment/catchment.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { previewImportHandler } from "../file-import.ts";

const tags = ["招生入学"];

/** 招生入学: /api/enrolment/* (学区 here; the services present their own answers' fields). */
export function enrolmentRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // applicants' data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.get(
      "/enrolment/catchments",
      {
        schema: {
          tags,
          summary: "某学年的学区（片区）名单：各校的地址单元、对口初中、多校划片组与招生计划",
          querystring: CatchmentQuery,
          response: { 200: CatchmentList },
        },
      },
      async (request) => listCatchments(deps, sessionOf(request).actor, request.query.year),
    );

    app.get(
      "/enrolment/catchments/compare",
      {
        schema: {
          tags,
          summary: "学区变化：某学年与上一学年的片区逐校对照",
          querystring: CatchmentCompareQuery,
          response: { 200: CatchmentCompare },
        },
      },
      async (request) => compareCatchmentYears(deps, sessionOf(request).actor, request.query.year),
    );

    app.post(
      "/enrolment/catchments/imports",
      {
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入全县（区）某学年的片区名单（整体替换；preview=true 只预览；有错则整份不导入）",
          body: CatchmentImportBody,
          response: { 200: CatchmentImportResult, 201: CatchmentImportResult },
        },
      },
      previewImportHandler((actor, input) => importCatchments(deps, actor, input)),
    );

    app.put(
      "/enrolment/catchments/:schoolId",
      {
        schema: {
          tags,
          summary: "修改一所学校某学年的片区",
          params: CatchmentParams,
          body: CatchmentEditBody,
          response: { 200: CatchmentItem },
        },
      },
      async (request) => editCatchment(deps, sessionOf(request).actor, request.params.schoolId, request.body),
    );
  };
}
