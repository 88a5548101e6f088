import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceDeps } from "../../context.ts";

/** 指标看板 (routes to come). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a stub until its routes land
export function statsDashboardRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return () => Promise.resolve();
}
