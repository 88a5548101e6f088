import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  IdParams,
  PasswordResetResponse,
  UserCreateBody,
  UserCreatedResponse,
  UserListQuery,
  UserPage,
  type UserSummary,
} from "@luoshi/contracts";
import { ROLE_LABELS, ROLES } from "@luoshi/domain/auth";
import type { UserRow } from "@luoshi/db";
import type { ServiceDeps } from "../../context.ts";
import { createUser, listUsers, resetPassword } from "../../services/accounts/users.service.ts";
import { sessionOf } from "../auth-hook.ts";

/** The fields of a user that leave the server (never hashes, history or second-factor secrets). */
export function presentUser(u: UserRow & { org_unit_name?: string }, now: Date): UserSummary {
  const role = ROLES.find((r) => r === u.role) ?? "leader";
  return {
    id: u.id,
    login: u.login,
    displayName: u.display_name,
    role,
    roleLabel: ROLE_LABELS[role],
    orgUnitId: u.org_unit_id,
    orgUnitName: u.org_unit_name ?? "",
    isDisabled: u.is_disabled,
    isLocked: u.locked_until !== null && u.locked_until > now,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}

/** 用户管理: /api/users … */
export function userRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/",
      {
        schema: {
          tags: ["用户管理"],
          summary: "用户列表",
          querystring: UserListQuery,
          response: { 200: UserPage },
        },
      },
      async (request) => {
        const { page, pageSize } = request.query;
        const rows = await listUsers(deps, sessionOf(request).actor);
        const now = deps.now();
        return {
          items: rows.slice((page - 1) * pageSize, page * pageSize).map((u) => presentUser(u, now)),
          total: rows.length,
          page,
          pageSize,
        };
      },
    );

    app.post(
      "/",
      {
        schema: {
          tags: ["用户管理"],
          summary: "新建用户",
          body: UserCreateBody,
          response: { 201: UserCreatedResponse },
        },
      },
      async (request, reply) => {
        const { user, temporaryPassword } = await createUser(deps, sessionOf(request).actor, request.body);
        return reply.status(201).send({ user: presentUser(user, deps.now()), temporaryPassword });
      },
    );

    app.post(
      "/:id/reset-password",
      {
        schema: {
          tags: ["用户管理"],
          summary: "重置口令",
          params: IdParams,
          response: { 200: PasswordResetResponse },
        },
      },
      async (request) => {
        const { temporaryPassword } = await resetPassword(deps, sessionOf(request).actor, request.params.id);
        return { temporaryPassword };
      },
    );
  };
}
