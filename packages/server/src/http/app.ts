import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { HealthResponse, OpenApiDocument } from "@luoshi/contracts";
import type { ServiceDeps } from "../context.ts";
import { auditRoutes } from "./audit/routes.ts";
import { authRoutes } from "./auth/routes.ts";
import { registerAuthHook } from "./auth-hook.ts";
import { ADMITTED, registerAdmission } from "./admission.ts";
import { errorHandler, sendError } from "./error-handler.ts";
import { keptSerializerCompiler } from "./kept-serializer.ts";
import { evaluationReportRoutes } from "./evaluations/report-routes.ts";
import { evaluationRoutes } from "./evaluations/routes.ts";
import { supervisionRoutes } from "./evaluations/supervision-routes.ts";
import { orgRoutes } from "./org/routes.ts";
import { registryRoutes } from "./org/registry-routes.ts";
import { installationRoutes, setupRoutes } from "./setup/routes.ts";
import { planRoutes } from "./plans/routes.ts";
import { statsCatalogueRoutes } from "./stats/catalogue-routes.ts";
import { statsDashboardRoutes } from "./stats/dashboard-routes.ts";
import { statsRoutes } from "./stats/routes.ts";
import { studentRegistryRoutes } from "./registry/routes.ts";
import { dropoutRoutes } from "./dropout/routes.ts";
import { dropoutCaseRoutes } from "./dropout/case-routes.ts";
import { aidRoutes } from "./aid/routes.ts";
import { aidBatchRoutes } from "./aid/batch-routes.ts";
import { inspectionRoutes } from "./inspection/routes.ts";
import { inspectionVisitRoutes } from "./inspection/visit-routes.ts";
import { attendanceRoutes } from "./attendance/routes.ts";
import type { StatsImportJobs } from "../services/statistics/stats-import-jobs.ts";
import { targetRoutes } from "./stats/target-routes.ts";
import { issueRoutes } from "./tasks/issue-routes.ts";
import { inboxRoutes, ledgerRoutes, taskRoutes } from "./tasks/routes.ts";
import { userRoutes } from "./users/routes.ts";
import { enrolmentRoutes } from "./enrolment/routes.ts";
import { enrolmentApplicationRoutes } from "./enrolment/application-routes.ts";
import { enrolmentLotteryRoutes } from "./enrolment/lottery-routes.ts";

// Chinese messages for every zod check that has no message of its own.
z.config(z.locales.zhCN());

/** Built assets carry a content hash in their name (`index-CEYsFKPp.js`): cached for a year, never revalidated. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2?|svg|png)(?:\.br|\.gz)?$/;

/** The cache rule of a file of the web app: hashed assets immutable, everything else (index.html) revalidated. */
function webCacheControl(path: string): string {
  return HASHED_ASSET.test(path) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** Options for building the HTTP app. */
export interface AppOptions {
  /** Secret for signed cookies (CSRF). */
  cookieSecret: string;
  /** The built web app to serve at /, or null for the API alone. */
  webDir: string | null;
  /** pino options, or false for no request log (tests). */
  logger: boolean | { level: string };
  version: string;
  /** The registry of background statistics imports (tests pass their own to await a job's end). */
  statsImportJobs?: StatsImportJobs;
  /**
   * Called with every route as it is registered (Fastify's `onRoute` hook, which must be in place before
   * the first route): lets a test check each route's declaration, such as its response schema.
   */
  onRoute?: (route: RouteOptions) => void;
  /**
   * The first-run page's setup token (`luoshi serve` makes one for an empty database); absent or null,
   * the page cannot claim the installation (use `luoshi init`).
   */
  setupToken?: string | null;
}

/**
 * The HTTP app: API under /api with zod validation on every route, one error shape, request ids,
 * structured logs, an OpenAPI document at /api/openapi.json and docs at /api/docs; the web app at /.
 */
export async function buildApp(deps: ServiceDeps, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...(options.logger === true ? {} : options.logger),
            redact: ["req.headers.cookie", "req.headers.authorization", 'req.headers["x-csrf-token"]'],
          },
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute !== undefined) {
    app.addHook("onRoute", options.onRoute);
  }

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(keptSerializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        // antd writes its styles at run time; scripts stay same-origin only
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "script-src": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
    hsts: deps.config.secureCookies,
  });
  await app.register(cookie, { secret: options.cookieSecret });
  await app.register(csrf, {
    cookieKey: "luoshi_csrf",
    cookieOpts: {
      path: "/",
      httpOnly: true,
      sameSite: "strict",
      signed: true,
      secure: deps.config.secureCookies,
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: "FST_RATE_LIMITED",
      message: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: "落实 luoshi API", description: "教育政策落实监测平台接口", version: options.version },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.addHook("onSend", async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      // 剩余信息保护: nothing the API returns is kept in a browser cache
      void reply.header("cache-control", "no-store");
    }
  });
  registerAdmission(app, ADMITTED[deps.handle.engine]);
  registerAuthHook(app, deps);

  app.get(
    "/api/health",
    {
      config: { isPublic: true },
      schema: { tags: ["系统"], summary: "健康检查", response: { 200: HealthResponse } },
    },
    async () => ({ status: "ok" as const, engine: deps.handle.engine, version: options.version }),
  );
  app.get(
    "/api/openapi.json",
    { config: { isPublic: true }, schema: { hide: true, response: { 200: OpenApiDocument } } },
    async () => ({ ...app.swagger() }),
  );
  await app.register(authRoutes(deps), { prefix: "/api/auth" });
  await app.register(setupRoutes(deps, options.setupToken ?? null), { prefix: "/api/setup" });
  await app.register(installationRoutes(deps), { prefix: "/api/installation" });
  await app.register(orgRoutes(deps), { prefix: "/api/org-units" });
  await app.register(registryRoutes(deps), { prefix: "/api/org-units/registry" });
  await app.register(userRoutes(deps), { prefix: "/api/users" });
  await app.register(auditRoutes(deps), { prefix: "/api/audit" });
  await app.register(planRoutes(deps), { prefix: "/api/plans" });
  await app.register(statsRoutes(deps, options.statsImportJobs), { prefix: "/api" });
  await app.register(statsDashboardRoutes(deps), { prefix: "/api" });
  await app.register(studentRegistryRoutes(deps), { prefix: "/api" });
  await app.register(dropoutRoutes(deps), { prefix: "/api" });
  await app.register(dropoutCaseRoutes(deps), { prefix: "/api" });
  await app.register(attendanceRoutes(deps), { prefix: "/api" });
  await app.register(statsCatalogueRoutes(deps), { prefix: "/api" });
  await app.register(targetRoutes(deps), { prefix: "/api" });
  await app.register(taskRoutes(deps), { prefix: "/api/tasks" });
  await app.register(ledgerRoutes(deps), { prefix: "/api" });
  await app.register(issueRoutes(deps), { prefix: "/api" });
  await app.register(inboxRoutes(deps), { prefix: "/api" });
  await app.register(evaluationRoutes(deps), { prefix: "/api/evaluations" });
  await app.register(evaluationReportRoutes(deps), { prefix: "/api/evaluations" });
  await app.register(supervisionRoutes(deps), { prefix: "/api/evaluations" });
  await app.register(enrolmentRoutes(deps), { prefix: "/api" });
  await app.register(enrolmentApplicationRoutes(deps), { prefix: "/api" });
  await app.register(enrolmentLotteryRoutes(deps), { prefix: "/api" });
  await app.register(aidRoutes(deps), { prefix: "/api" });
  await app.register(aidBatchRoutes(deps), { prefix: "/api" });
  await app.register(inspectionRoutes(deps), { prefix: "/api" });
  await app.register(inspectionVisitRoutes(deps), { prefix: "/api" });

  const webDir = options.webDir;
  const hasWeb = webDir !== null && existsSync(join(webDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ["index.html"],
      // the build writes .br and .gz beside each asset (packages/web/vite.config.ts); send picks by
      // Accept-Encoding and falls back to the plain file
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        void reply.header("cache-control", webCacheControl(path));
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (!request.url.startsWith("/api/") && hasWeb && request.method === "GET") {
      // client-side routes: every page path serves the app shell
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return sendError(
      reply,
      "not-found",
      `没有这个接口：${request.method} ${request.url.split("?")[0] ?? ""}`,
    );
  });
  return app;
}
