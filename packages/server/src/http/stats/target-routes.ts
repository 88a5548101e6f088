import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ServiceDeps } from "../../context.ts";

/** 目标监测 (routes to come). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- a stub until its routes land
export function targetRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return () => Promise.resolve();
}
