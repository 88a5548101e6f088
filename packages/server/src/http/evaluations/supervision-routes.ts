import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceDeps } from "../../context.ts";

/** 政府保障、教育质量、社会认可度、普及普惠 (routes to come). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a stub until its routes land
export function supervisionRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return () => Promise.resolve();
}
