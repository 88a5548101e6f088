import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BulkAccountsBody,
  BulkAccountsPreview,
  BulkAccountsQuery,
  IdParams,
  PasswordResetResponse,
  UserCreateBody,
  UserCreatedResponse,
  UserListQuery,
  UserPage,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { createBulkAccounts, previewBulkAccounts } from "../../services/accounts/bulk-accounts.service.ts";
import { createUser } from "../../services/accounts/create-user.service.ts";
import { listUsers } from "../../services/accounts/list-users.service.ts";
import { resetPassword } from "../../services/accounts/reset-password.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { initialAccountsFileName, initialAccountsXlsx } from "../../reports/initial-accounts-xlsx.ts";
import { presentBulkPreview, presentUser } from "./presenters.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
        const { rows, total } = await listUsers(deps, sessionOf(request).actor, { page, pageSize });
        const now = deps.now();
        return {
          items: rows.map((u) => presentUser(u, now)),
          total,
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

    app.get(
      "/bulk/preview",
      {
        schema: {
          tags: ["用户管理"],
          summary: "批量开通账号：预览",
          querystring: BulkAccountsQuery,
          response: { 200: BulkAccountsPreview },
        },
      },
      async (request) =>
        presentBulkPreview(await previewBulkAccounts(deps, sessionOf(request).actor, request.query)),
    );

    app.post(
      "/bulk",
      {
        schema: {
          tags: ["用户管理"],
          summary: "批量开通账号：开通并下载初始账号文件（仅此一次）",
          body: BulkAccountsBody,
        },
      },
      async (request, reply) => {
        const { unit, accounts } = await createBulkAccounts(deps, sessionOf(request).actor, request.body);
        const now = deps.now();
        const file = await initialAccountsXlsx(unit.name, accounts, now);
        const name = initialAccountsFileName(unit.name, now, "xlsx");
        return reply
          .status(201)
          .header("content-type", XLSX)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .header("cache-control", "no-store")
          .header("x-accounts-created", String(accounts.length))
          .send(file);
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
