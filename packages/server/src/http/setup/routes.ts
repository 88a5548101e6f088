import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  DivisionList,
  DivisionListQuery,
  InstallationResponse,
  SetupBody,
  SetupResult,
  SetupStatus,
} from "@luoshi/contracts";
import { systemActor, type ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { authorize } from "../../services/access/authorize.ts";
import { DIVISION_SOURCE } from "../../services/org/division-data.ts";
import { assertNotInitialised, initJurisdiction } from "../../services/org/init-jurisdiction.service.ts";
import { getInstallation, isInitialised, listDivisions } from "../../services/org/installation.service.ts";
import { discardSetupToken, setupTokenMatches } from "../../services/org/setup-token.ts";
import { sessionOf } from "../auth-hook.ts";

const presentJurisdiction = (v: Awaited<ReturnType<typeof getInstallation>>) =>
  v === null ? null : { code: v.code, name: v.name, level: v.level, source: v.source };

/**
 * 首次设置: /api/setup … — public while the database is empty, closed (409) once a jurisdiction is set.
 * Claiming the installation needs the setup token `luoshi serve` printed and wrote to the data folder.
 */
export function setupRoutes(deps: ServiceDeps, setupToken: string | null): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/",
      {
        config: { isPublic: true },
        schema: { tags: ["首次设置"], summary: "是否已初始化", response: { 200: SetupStatus } },
      },
      async () => {
        const installation = await getInstallation(deps);
        const initialized = installation !== null || (await isInitialised(deps));
        return {
          initialized,
          jurisdiction: presentJurisdiction(installation),
          divisionSource: DIVISION_SOURCE,
        };
      },
    );

    app.get(
      "/divisions",
      {
        config: { isPublic: true },
        schema: {
          tags: ["首次设置"],
          summary: "下级行政区划",
          querystring: DivisionListQuery,
          response: { 200: DivisionList },
        },
      },
      async (request) => {
        await assertNotInitialised(deps);
        return listDivisions(request.query.parent);
      },
    );

    app.post(
      "/",
      {
        config: { isPublic: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: {
          tags: ["首次设置"],
          summary: "初始化辖区并创建系统管理员",
          body: SetupBody,
          response: { 201: SetupResult },
        },
      },
      async (request, reply) => {
        await assertNotInitialised(deps);
        if (!setupTokenMatches(setupToken, request.body.setupToken)) {
          throw new AppError(
            "forbidden",
            "设置口令不正确：请查看启动 luoshi serve 的控制台输出，或数据目录中的 setup-token.txt",
            { fields: [{ path: "body.setupToken", message: "设置口令不正确" }] },
          );
        }
        const actor = { ...systemActor("setup"), clientIp: request.ip, requestId: request.id };
        const { divisionCode, admin } = request.body;
        const result = await initJurisdiction(deps, { divisionCode, admin }, actor);
        discardSetupToken(deps.config.dataDir);
        return reply.status(201).send(result);
      },
    );
  };
}

/** GET /api/installation — the jurisdiction this installation serves, for any signed-in reader. */
export function installationRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/",
      {
        schema: { tags: ["组织机构"], summary: "本系统的辖区", response: { 200: InstallationResponse } },
      },
      async (request) => {
        authorize(sessionOf(request).actor, "org.read");
        return {
          jurisdiction: presentJurisdiction(await getInstallation(deps)),
          divisionSource: DIVISION_SOURCE,
        };
      },
    );
  };
}
