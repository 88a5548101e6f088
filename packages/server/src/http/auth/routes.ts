import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ChangePasswordBody,
  CsrfResponse,
  LoginBody,
  OkResponse,
  SecondFactorCodeBody,
  SecondFactorEnrolment,
  SecondFactorRecoveryCodes,
  SecondFactorStatus,
  SessionResponse,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { changePassword } from "../../services/accounts/change-password.service.ts";
import { login } from "../../services/accounts/login.service.ts";
import { logout } from "../../services/accounts/logout.service.ts";
import {
  confirmEnrolment,
  secondFactorStatus,
  startEnrolment,
  verifySecondFactor,
} from "../../services/accounts/second-factor.service.ts";
import { clientOf, SESSION_COOKIE, sessionOf } from "../auth-hook.ts";
import { OK, presentSession } from "./presenters.ts";

/** 登录、退出、口令: /api/auth/… */
export function authRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/csrf",
      {
        config: { isPublic: true },
        schema: { tags: ["认证"], summary: "取防跨站令牌", response: { 200: CsrfResponse } },
      },
      async (_request, reply) => ({ csrfToken: reply.generateCsrf() }),
    );

    app.post(
      "/login",
      {
        config: { isPublic: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: { tags: ["认证"], summary: "登录", body: LoginBody, response: { 200: SessionResponse } },
      },
      async (request, reply) => {
        const { token, session } = await login(deps, request.body, clientOf(request));
        void reply.setCookie(SESSION_COOKIE, token, {
          path: "/",
          httpOnly: true,
          sameSite: "strict",
          secure: deps.config.secureCookies,
        });
        return presentSession(session.user, reply.generateCsrf());
      },
    );

    app.post(
      "/logout",
      {
        config: { allowPendingPasswordChange: true, secondFactorStep: "code" },
        schema: { tags: ["认证"], summary: "退出登录", response: { 200: OkResponse } },
      },
      async (request, reply) => {
        await logout(deps, sessionOf(request));
        void reply.clearCookie(SESSION_COOKIE, { path: "/" });
        return OK;
      },
    );

    app.get(
      "/me",
      {
        config: { allowPendingPasswordChange: true, secondFactorStep: "code" },
        schema: { tags: ["认证"], summary: "当前用户", response: { 200: SessionResponse } },
      },
      async (request, reply) => presentSession(sessionOf(request).user, reply.generateCsrf()),
    );

    app.post(
      "/password",
      {
        config: { allowPendingPasswordChange: true },
        schema: {
          tags: ["认证"],
          summary: "修改口令",
          body: ChangePasswordBody,
          response: { 200: OkResponse },
        },
      },
      async (request) => {
        await changePassword(deps, sessionOf(request), request.body);
        return OK;
      },
    );

    app.post(
      "/totp/verify",
      {
        config: { secondFactorStep: "code", rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: {
          tags: ["认证"],
          summary: "登录第二步：动态口令或恢复码",
          body: SecondFactorCodeBody,
          response: { 200: SessionResponse },
        },
      },
      async (request, reply) => {
        const session = await verifySecondFactor(deps, sessionOf(request), request.body.code);
        return presentSession(session.user, reply.generateCsrf());
      },
    );

    app.get(
      "/totp",
      {
        config: { secondFactorStep: "enrolment" },
        schema: { tags: ["认证"], summary: "双因素认证状态", response: { 200: SecondFactorStatus } },
      },
      async (request) => secondFactorStatus(deps, sessionOf(request)),
    );

    app.post(
      "/totp/enrol",
      {
        config: { secondFactorStep: "enrolment" },
        schema: {
          tags: ["认证"],
          summary: "绑定动态口令：生成密钥与二维码",
          response: { 200: SecondFactorEnrolment },
        },
      },
      async (request, reply) => {
        void reply.header("cache-control", "no-store");
        return startEnrolment(deps, sessionOf(request));
      },
    );

    app.post(
      "/totp/confirm",
      {
        config: { secondFactorStep: "enrolment", rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: {
          tags: ["认证"],
          summary: "绑定动态口令：以第一个口令确认，返回恢复码",
          body: SecondFactorCodeBody,
          response: { 200: SecondFactorRecoveryCodes },
        },
      },
      async (request, reply) => {
        void reply.header("cache-control", "no-store");
        return confirmEnrolment(deps, sessionOf(request), request.body.code);
      },
    );
  };
}
