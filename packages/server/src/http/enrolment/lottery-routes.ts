import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ClassPreview,
  ClassPreviewBody,
  LotteryBody,
  LotteryDrawBody,
  LotteryQuery,
  LotteryView,
} from "@luoshi/contracts";
import { previewClasses } from "../../services/enrolment/classes.service.ts";
import type { ServiceDeps } from "../../context.ts";
import { drawLottery, freezeLottery, readLottery } from "../../services/enrolment/lottery.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["招生入学"];

/** 超员摇号: /api/enrolment/lottery (read), /freeze, /draw. */
export function enrolmentLotteryRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.get(
      "/enrolment/lottery",
      {
        schema: {
          tags,
          summary: "本县（区）某学年的摇号：冻结名单及其 SHA-256、公开随机数、结果（姓名脱敏）与调剂",
          querystring: LotteryQuery,
          response: { 200: LotteryView },
        },
      },
      async (request) => readLottery(deps, sessionOf(request).actor, request.query.year),
    );

    app.post(
      "/enrolment/lottery/freeze",
      {
        schema: {
          tags,
          summary: "冻结审核通过的报名名单并公布其 SHA-256（冻结后不能再改）",
          body: LotteryBody,
          response: { 201: LotteryView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await freezeLottery(deps, sessionOf(request).actor, request.body.schoolYear)),
    );

    app.post(
      "/enrolment/lottery/draw",
      {
        schema: {
          tags,
          summary: "登记事先公告的公开随机数并摇号（只能一次；结果可由公布的文本重算验证）",
          body: LotteryDrawBody,
          response: { 200: LotteryView },
        },
      },
      async (request) =>
        drawLottery(deps, sessionOf(request).actor, request.body.schoolYear, request.body.entropy),
    );

    app.post(
      "/enrolment/classes/preview",
      {
        schema: {
          tags,
          summary: "均衡编班（预览）：按摇号结果安排到该校的新生，用摇号的公开随机数分班并显示各班均衡情况",
          body: ClassPreviewBody,
          response: { 200: ClassPreview },
        },
      },
      async (request) => previewClasses(deps, sessionOf(request).actor, request.body),
    );
  };
}
