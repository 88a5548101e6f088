import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceDeps } from "../../context.ts";

/** 评估报告 (routes to come). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a stub until its routes land
export function evaluationReportRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return () => Promise.resolve();
}
