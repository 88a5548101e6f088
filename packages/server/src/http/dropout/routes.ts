import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DropoutMonitor,
  DropoutReportQuery,
  SchoolAgeImportBody,
  SchoolAgeImportResult,
  SchoolAgeList,
  SchoolAgeQuery,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { dropoutMonitor, dropoutReport, dropoutReportPage } from "../../services/dropout/monitor.service.ts";
import { importSchoolAge, SCHOOL_AGE_RULE_TEXT } from "../../services/dropout/school-age-import.service.ts";
import { readSchoolAge } from "../../services/dropout/school-age-read.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentChildren } from "./presenters.ts";
import { previewImportHandler } from "../file-import.ts";

const tags = ["控辍保学"];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const ReportPage = z.object({
  title: z.string(),
  sections: z.array(
    z.object({
      kind: z.enum(["heading", "paragraph", "table"]),
      text: z.string().optional(),
      header: z.array(z.string()).optional(),
      rows: z.array(z.array(z.string())).optional(),
    }),
  ),
});

/** 控辍保学: /api/dropout/school-age, /api/dropout/monitor, /api/dropout/report (cases: case-routes.ts). */
export function dropoutRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // personal data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.post(
      "/dropout/school-age/imports",
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入适龄儿童名单并与学籍比对（preview=true 只预览；未匹配的儿童逐一立案）",
          body: SchoolAgeImportBody,
          response: { 200: SchoolAgeImportResult, 201: SchoolAgeImportResult },
        },
      },
      previewImportHandler((actor, input) => importSchoolAge(deps, actor, input)),
    );

    app.get(
      "/dropout/school-age",
      {
        schema: {
          tags,
          summary: "适龄比对结果：分乡镇、村的未匹配儿童（脱敏）",
          querystring: SchoolAgeQuery,
          response: { 200: SchoolAgeList },
        },
      },
      async (request) => {
        const r = await readSchoolAge(deps, sessionOf(request).actor, request.query);
        return {
          list:
            r.list === undefined
              ? null
              : {
                  fileName: r.list.file_name,
                  source: r.list.source,
                  schoolYear: r.list.school_year,
                  unitName: r.list.unit_name,
                  importedAt: r.list.imported_at.toISOString(),
                  rule: SCHOOL_AGE_RULE_TEXT,
                },
          villages: r.villages,
          total: r.total,
          items: presentChildren(r.rows),
        };
      },
    );

    app.get(
      "/dropout/monitor",
      {
        schema: {
          tags,
          summary: "动态监测：辍学人数、辍学率、案件与劝返率",
          response: { 200: DropoutMonitor },
        },
      },
      async (request) => dropoutMonitor(deps, sessionOf(request).actor),
    );

    app.get(
      "/dropout/report",
      {
        schema: {
          tags,
          summary: "控辍保学月报（页面）",
          querystring: DropoutReportQuery,
          response: { 200: ReportPage },
        },
      },
      async (request) => dropoutReportPage(deps, sessionOf(request).actor, request.query.month),
    );

    app.get(
      "/dropout/report.docx",
      { schema: { tags, summary: "控辍保学月报（公文格式 .docx）", querystring: DropoutReportQuery } },
      async (request, reply) => {
        const buffer = await dropoutReport(deps, sessionOf(request).actor, request.query.month);
        return reply
          .header("content-type", DOCX)
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(`控辍保学月报-${request.query.month}.docx`)}`,
          )
          .send(buffer);
      },
    );
  };
}
