import { PassThrough } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IndicatorTableQuery } from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { writeCatalogueXlsx } from "../../reports/catalogue-xlsx.ts";
import { computeCatalogueTables } from "../../services/statistics/stats-catalogue.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["统计数据与指标"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * 指标总表 (registered at /api): GET /indicators/table.xlsx — every catalogue indicator for every unit
 * under `orgUnitId` and every year `from`..`to`, computed before the first byte is sent (so a refusal
 * is a normal error answer) and streamed as it is written.
 */
export function statsCatalogueRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/indicators/table.xlsx",
      {
        schema: {
          tags,
          summary: "指标总表（Excel）：单位及其下属全部单位、多个年度的全部指标",
          querystring: IndicatorTableQuery,
        },
      },
      async (request, reply) => {
        const { orgUnitId, from, to, kinds } = request.query;
        const result = await computeCatalogueTables(deps, sessionOf(request).actor, {
          orgUnitId,
          from,
          to,
          ...(kinds === undefined ? {} : { kinds }),
        });
        const years = from === to ? `${from}` : `${from}-${to}`;
        const stream = new PassThrough();
        writeCatalogueXlsx(result, { stream }).catch((error: unknown) => {
          stream.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        return reply
          .header("content-type", XLSX)
          .header("content-disposition", attachment(`${result.root.name}指标总表${years}.xlsx`))
          .send(stream);
      },
    );
  };
}
