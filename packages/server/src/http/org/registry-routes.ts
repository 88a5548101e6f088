import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  IdParams,
  OkResponse,
  RegistryApplyBody,
  RegistryApplyResult,
  RegistryImport,
  RegistryPreviewQuery,
  RegistryTemplateQuery,
} from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { ServiceDeps } from "../../context.ts";
import { MAX_REGISTRY_FILE_BYTES } from "../../services/org/registry-common.ts";
import { applyRegistryImport, discardRegistryImport } from "../../services/org/registry-apply.service.ts";
import { getRegistryImport, previewRegistryImport } from "../../services/org/registry-preview.service.ts";
import { registryTemplateXlsx } from "../../services/org/registry-template.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentRegistryImport } from "./registry-presenters.ts";

const tags = ["组织机构"];
/** A little over the file limit, so that the service's own message explains a too-large file. */
const BODY_LIMIT = MAX_REGISTRY_FILE_BYTES + 1024 * 1024;

/** 单位名录导入: /api/org-units/registry … (template, preview, apply, discard). */
export function registryRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // The preview upload is the file itself; this parser applies inside this plugin only.
    app.addContentTypeParser(
      "application/octet-stream",
      { parseAs: "buffer", bodyLimit: BODY_LIMIT },
      (_request, body, done) => {
        done(null, body);
      },
    );

    app.get(
      "/template.xlsx",
      {
        schema: {
          tags,
          summary: "下载单位名录导入模板（Excel，含填写说明与本县乡镇代码）",
          querystring: RegistryTemplateQuery,
        },
      },
      async (request, reply) => {
        const t = await registryTemplateXlsx(deps, sessionOf(request).actor, request.query.countyId);
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(`${t.countyName}单位名录导入模板.xlsx`)}`,
          )
          .send(t.bytes);
      },
    );

    app.post(
      "/preview",
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags,
          summary: "上传学校名录（.xlsx / .csv，请求体为文件本身）并预览变更；有误则不保存并列出问题",
          querystring: RegistryPreviewQuery,
          response: { 201: RegistryImport },
        },
      },
      async (request, reply) => {
        const bytes: unknown = request.body;
        if (!Buffer.isBuffer(bytes)) {
          throw new AppError("bad-request", "请以 application/octet-stream 上传文件内容");
        }
        const view = await previewRegistryImport(deps, sessionOf(request).actor, {
          ...(request.query.countyId === undefined ? {} : { countyId: request.query.countyId }),
          fileName: request.query.fileName,
          bytes,
        });
        return reply.status(201).send(presentRegistryImport(view));
      },
    );

    app.get(
      "/:id",
      { schema: { tags, summary: "名录导入预览", params: IdParams, response: { 200: RegistryImport } } },
      async (request) =>
        presentRegistryImport(await getRegistryImport(deps, sessionOf(request).actor, request.params.id)),
    );

    app.post(
      "/:id/apply",
      {
        schema: {
          tags,
          summary: "按预览应用名录导入（全部或全不；预览后本县单位有变动则拒绝）",
          params: IdParams,
          body: RegistryApplyBody,
          response: { 200: RegistryApplyResult },
        },
      },
      async (request) =>
        applyRegistryImport(deps, sessionOf(request).actor, request.params.id, request.body.effectiveOn),
    );

    app.post(
      "/:id/discard",
      { schema: { tags, summary: "放弃名录导入", params: IdParams, response: { 200: OkResponse } } },
      async (request) => {
        await discardRegistryImport(deps, sessionOf(request).actor, request.params.id);
        return { ok: true as const };
      },
    );
  };
}
