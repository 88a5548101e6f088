import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { BalanceQuery } from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import {
  type BalanceReportFormat,
  balanceReportFile,
} from "../../services/evaluation/evaluation-report.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["优质均衡评估"];

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * 评估报告 files of the 优质均衡 资源配置 evaluation (registered at /api/evaluations), with the same
 * query as /balance: GET /balance/report.xlsx and GET /balance/report.docx.
 */
export function evaluationReportRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const formats: [BalanceReportFormat, string][] = [
      ["xlsx", "资源配置评估表（Excel：各校达标情况、差异系数）"],
      ["docx", "资源配置评估报告（Word 公文格式，含统计图）"],
    ];
    for (const [format, summary] of formats) {
      app.get(
        `/balance/report.${format}`,
        { schema: { tags, summary, querystring: BalanceQuery } },
        async (request, reply) => {
          const { orgUnitId, year, policy, ruleSet } = request.query;
          const file = await balanceReportFile(
            deps,
            sessionOf(request).actor,
            {
              orgUnitId,
              year,
              ...(policy === undefined ? {} : { policy }),
              ...(ruleSet === undefined ? {} : { ruleSetId: ruleSet }),
            },
            format,
          );
          return reply
            .header("content-type", file.contentType)
            .header("content-disposition", attachment(file.fileName))
            .send(file.buffer);
        },
      );
    }
  };
}
