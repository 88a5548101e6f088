import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditListQuery, AuditPage } from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { exportAuditCsv, searchAudit } from "../../services/audit/audit-query.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentAudit } from "./presenters.ts";

const ExportQuery = AuditListQuery.omit({ page: true, pageSize: true });

/** 审计日志: /api/audit … */
export function auditRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/",
      {
        schema: {
          tags: ["审计日志"],
          summary: "查询审计日志",
          querystring: AuditListQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => {
        const { rows, total, names } = await searchAudit(deps, sessionOf(request).actor, request.query);
        return {
          items: rows.map((r) => presentAudit(r, names)),
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      },
    );

    app.get(
      "/export.csv",
      { schema: { tags: ["审计日志"], summary: "导出审计日志（CSV）", querystring: ExportQuery } },
      async (request, reply) => {
        const lines = exportAuditCsv(deps, sessionOf(request).actor, request.query);
        // Pull the first chunk here so that a refused export answers with a proper error, not a broken stream.
        const first = await lines.next();
        const stamp = deps.now().toISOString().slice(0, 10);
        async function* all() {
          if (first.done !== true) {
            yield first.value;
          }
          yield* lines;
        }
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="audit-${stamp}.csv"`)
          .send(Readable.from(all()));
      },
    );
  };
}
