import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  IdParams,
  IndicatorList,
  IndicatorQuery,
  StatsImportBody,
  StatsImportJob,
  StatsImportJobCreated,
  StatsImportJobQuery,
  StatsImportList,
  StatsImportListQuery,
  StatsImportResult,
  StatsImportUndoResult,
  StatsTemplateQuery,
} from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { ServiceDeps } from "../../context.ts";
import { MAX_STATS_FILE_BYTES } from "../../services/statistics/stats-file.service.ts";
import { statsTemplateXlsx } from "../../services/statistics/stats-template.service.ts";
import { statsYearTemplateXlsx } from "../../services/statistics/stats-year-template.service.ts";
import { listStatsImports } from "../../services/statistics/stats-import-history.service.ts";
import { StatsImportJobs } from "../../services/statistics/stats-import-jobs.ts";
import { importStatistics } from "../../services/statistics/stats-import.service.ts";
import { undoStatsImport } from "../../services/statistics/stats-import-undo.service.ts";
import { computeIndicators } from "../../services/statistics/stats-indicators.service.ts";
import { authorize } from "../../services/access/authorize.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentImportJob, presentStatsImportList } from "./presenters.ts";

const tags = ["统计数据与指标"];

/**
 * 统计数据 and 指标: /api/stats/imports, /api/stats/import-jobs, /api/stats/template.xlsx, /api/indicators
 * (registered at /api). `importJobs` is the registry of background imports, given by tests that await
 * a job's end; by default the plugin makes its own, logging internal errors to the request log.
 */
export function statsRoutes(deps: ServiceDeps, importJobs?: StatsImportJobs): FastifyPluginAsyncZod {
  return async (app) => {
    const jobs =
      importJobs ??
      new StatsImportJobs(deps, (error) => {
        app.log.error({ err: error }, "statistics import job failed");
      });
    // The import-job upload is the file itself; this parser applies inside this plugin only.
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: MAX_STATS_FILE_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );

    app.get(
      "/stats/imports",
      {
        schema: {
          tags,
          summary: "统计数据导入记录（本辖区，最新在前）",
          querystring: StatsImportListQuery,
          response: { 200: StatsImportList },
        },
      },
      async (request) =>
        presentStatsImportList(
          await listStatsImports(deps, sessionOf(request).actor, request.query),
          request.query,
        ),
    );

    app.post(
      "/stats/import-jobs",
      {
        bodyLimit: MAX_STATS_FILE_BYTES,
        schema: {
          tags,
          summary:
            "开始导入统计数据文件（请求体为文件本身，application/octet-stream；后台执行，可查询进度；preview=true 只预览变化、不写入）",
          querystring: StatsImportJobQuery,
          response: { 202: StatsImportJobCreated },
        },
      },
      async (request, reply) => {
        const bytes: unknown = request.body;
        if (!Buffer.isBuffer(bytes)) {
          throw new AppError("bad-request", "请以 application/octet-stream 上传文件内容");
        }
        const job = jobs.start(sessionOf(request).actor, {
          fileName: request.query.fileName,
          year: request.query.year,
          bytes,
          preview: request.query.preview === "true",
        });
        return reply.status(202).send({ jobId: job.id });
      },
    );

    app.get(
      "/stats/import-jobs/:id",
      {
        schema: {
          tags,
          summary: "导入任务的阶段与进度（仅发起人可见）",
          params: IdParams,
          response: { 200: StatsImportJob },
        },
      },
      async (request) => presentImportJob(jobs.get(sessionOf(request).actor, request.params.id)),
    );

    app.post(
      "/stats/imports",
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入一个统计年度的统计数据（全部成功或全部不导入）",
          body: StatsImportBody,
          response: { 201: StatsImportResult },
        },
      },
      async (request, reply) => {
        const { fileName, year, contentBase64 } = request.body;
        const result = await importStatistics(deps, sessionOf(request).actor, {
          fileName,
          year,
          bytes: Buffer.from(contentBase64, "base64"),
        });
        return reply.status(201).send(result);
      },
    );

    app.post(
      "/stats/imports/:id/undo",
      {
        schema: {
          tags,
          summary: "撤销一次统计数据导入（恢复导入前的数据；之后的导入改过同样数据时拒绝）",
          params: IdParams,
          response: { 200: StatsImportUndoResult },
        },
      },
      async (request) => undoStatsImport(deps, sessionOf(request).actor, request.params.id),
    );

    app.get(
      "/stats/template.xlsx",
      {
        schema: {
          tags,
          summary: "下载统计数据导入模板（Excel）；带单位和年度时填入该单位该年度的数据",
          querystring: StatsTemplateQuery,
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        const { orgUnitId, year } = request.query;
        let download: { file: Buffer; filename: string } = {
          file: Buffer.alloc(0),
          filename: "统计数据导入模板.xlsx",
        };
        if (orgUnitId !== undefined && year !== undefined) {
          download = await statsYearTemplateXlsx(deps, actor, { orgUnitId, year });
        } else {
          authorize(actor, "stats.read");
          download.file = await statsTemplateXlsx();
        }
        const { file, filename } = download;
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
          .send(file);
      },
    );

    app.get(
      "/indicators",
      {
        schema: {
          tags,
          summary: "单位某年度的全部标准指标",
          querystring: IndicatorQuery,
          response: { 200: IndicatorList },
        },
      },
      async (request) => computeIndicators(deps, sessionOf(request).actor, request.query),
    );
  };
}
