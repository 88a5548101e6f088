import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ServiceDeps } from "../context.ts";
import { AppError } from "../errors.ts";
import { authenticate } from "../services/accounts/authenticate.service.ts";
import type { AuthenticatedSession, ClientInfo } from "../services/accounts/session.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The session cookie's name. */
export const SESSION_COOKIE = "luoshi_sid";

declare module "fastify" {
  interface FastifyRequest {
    /** Set for every authenticated API request. */
    auth: AuthenticatedSession | null;
  }
  interface FastifyContextConfig {
    /** Route needs no session (login, health, CSRF token). */
    isPublic?: boolean;
    /** Route stays usable while the user must change the password first. */
    allowPendingPasswordChange?: boolean;
    /**
     * Route stays usable while the session still owes its second factor (the code step, who-am-I,
     * logout) — and, with `enrolment`, while the account must first bind one.
     */
    secondFactorStep?: "code" | "enrolment" | "both";
  }
}

/** Where a request came from, for sessions and the audit trail. */
export function clientOf(request: FastifyRequest): ClientInfo {
  return { clientIp: request.ip, userAgent: request.headers["user-agent"] ?? null, requestId: request.id };
}

/** The request's session; the hook has made sure it exists on non-public routes. */
export function sessionOf(request: FastifyRequest): AuthenticatedSession {
  if (request.auth === null) {
    throw new AppError("unauthenticated", "请先登录");
  }
  return request.auth;
}

/**
 * The API document's pages (swagger-ui under /api/docs): public like /api/openapi.json, which they
 * render, so that a developer can read them before signing in; the operations they describe still
 * need a session.
 */
function isApiDocsRoute(url: string | undefined): boolean {
  return url === "/api/docs" || url?.startsWith("/api/docs/") === true;
}

/**
 * Deny by default: every /api route needs a live session unless it says `isPublic`; a session that owes
 * its second factor reaches only the code step; a user who must change the password, or bind a second
 * factor, reaches only the routes that allow it.
 */
export function registerAuthHook(app: FastifyInstance, deps: ServiceDeps): void {
  app.decorateRequest("auth", null);
  // CSRF on every write, login included: deny by default rather than route by route.
  app.addHook("onRequest", (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith("/api/")) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });
  app.addHook("preHandler", async (request: FastifyRequest, reply: FastifyReply) => {
    if (
      !request.url.startsWith("/api/") ||
      request.routeOptions.config.isPublic === true ||
      isApiDocsRoute(request.routeOptions.url)
    ) {
      return;
    }
    if (request.routeOptions.url === undefined) {
      return; // 404s pass through to the not-found handler
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || token === "") {
      throw new AppError("unauthenticated", "请先登录");
    }
    try {
      request.auth = await authenticate(deps, token, clientOf(request));
    } catch (error) {
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      throw error;
    }
    const config = request.routeOptions.config;
    const second = request.auth.user.secondFactor;
    if (second.pending) {
      if (config.secondFactorStep !== "code" && config.secondFactorStep !== "both") {
        throw new AppError("second-factor-required", "请输入动态口令完成登录");
      }
      return;
    }
    if (request.auth.user.mustChangePassword && config.allowPendingPasswordChange !== true) {
      throw new AppError("password-change-required", "首次登录或口令已过期，请先修改口令");
    }
    if (
      second.mustEnrol &&
      config.allowPendingPasswordChange !== true &&
      config.secondFactorStep !== "enrolment" &&
      config.secondFactorStep !== "both"
    ) {
      throw new AppError(
        "second-factor-required",
        "您的账号须启用双因素认证：请先在“我的账号”页绑定动态口令",
      );
    }
  });
}
