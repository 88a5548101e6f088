import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AidBatchBody,
  AidBatchDetail,
  AidBatchList,
  AidMonitor,
  AidMonitorQuery,
  AidReturnBody,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import {
  bankFile,
  createBatch,
  importReturn,
  listBatches,
  readBatch,
  reissueFailures,
} from "../../services/aid/batch.service.ts";
import { aidMonitor } from "../../services/aid/monitor.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["学生资助"];
const Id = z.strictObject({ id: z.uuid({ error: "编号格式不对" }) });
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 学生资助 发放 and 动态监测: /api/aid/batches, /api/aid/monitor. */
export function aidBatchRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.get(
      "/aid/batches",
      { schema: { tags, summary: "发放批次与预算对账", response: { 200: AidBatchList } } },
      async (request) => listBatches(deps, sessionOf(request).actor),
    );
    app.post(
      "/aid/batches",
      {
        schema: {
          tags,
          summary: "生成一个学期的发放批次",
          body: AidBatchBody,
          response: { 201: z.object({ id: z.uuid(), lines: z.number().int(), amount: z.number().int() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createBatch(deps, sessionOf(request).actor, request.body)),
    );
    app.get(
      "/aid/batches/:id",
      {
        schema: {
          tags,
          summary: "发放批次明细（卡号只显示后四位）",
          params: Id,
          response: { 200: AidBatchDetail },
        },
      },
      async (request) => readBatch(deps, sessionOf(request).actor, request.params.id),
    );
    app.get(
      "/aid/batches/:id/bank-file.xlsx",
      { schema: { tags, summary: "银行代发文件（完整卡号，仅资助中心，记入审计）", params: Id } },
      async (request, reply) => {
        const f = await bankFile(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", XLSX)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
          .send(f.bytes);
      },
    );
    app.post(
      "/aid/batches/:id/return",
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入银行回盘文件（成功/失败及原因）",
          params: Id,
          body: AidReturnBody,
          response: { 200: z.object({ paid: z.number().int(), failed: z.number().int() }) },
        },
      },
      async (request) => importReturn(deps, sessionOf(request).actor, request.params.id, request.body),
    );
    app.post(
      "/aid/batches/:id/reissue",
      {
        schema: {
          tags,
          summary: "失败记录重新发放（新批次）",
          params: Id,
          response: { 201: z.object({ id: z.uuid(), lines: z.number().int() }) },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await reissueFailures(deps, sessionOf(request).actor, request.params.id)),
    );
    app.get(
      "/aid/monitor",
      {
        schema: {
          tags,
          summary: "资助动态监测：应助未助、不在校、重复、金额不符",
          querystring: AidMonitorQuery,
          response: { 200: AidMonitor },
        },
      },
      async (request) => aidMonitor(deps, sessionOf(request).actor, request.query.year),
    );
  };
}
