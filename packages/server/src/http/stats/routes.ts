import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IndicatorList, IndicatorQuery, StatsImportBody, StatsImportResult } from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { statsTemplateXlsx } from "../../services/stats-file.service.ts";
import { importStatistics } from "../../services/stats-import.service.ts";
import { computeIndicators } from "../../services/stats-indicators.service.ts";
import { authorize } from "../../services/user.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["统计数据与指标"];

/** 统计数据 and 指标: /api/stats/imports, /api/stats/template.xlsx, /api/indicators (registered at /api). */
export function statsRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
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

    app.get(
      "/stats/template.xlsx",
      { schema: { tags, summary: "下载统计数据导入模板（Excel）" } },
      async (request, reply) => {
        authorize(sessionOf(request).actor, "stats.read");
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent("统计数据导入模板.xlsx")}`,
          )
          .send(await statsTemplateXlsx());
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
