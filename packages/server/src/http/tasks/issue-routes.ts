import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  Assessment,
  BulletinIssueDraft,
  EscalationRunResult,
  IdParams,
  IssueBulletinBody,
  IssuedBulletin,
  IssuedBulletinDetail,
  IssuedBulletinList,
  LedgerSettings,
  MonthQuery,
  YearQuery,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { assessmentFile, assessmentFor } from "../../services/ledger/assessment.ts";
import { runEscalation } from "../../services/ledger/escalate.ts";
import {
  bulletinIssueDraft,
  issueBulletin,
  issuedBulletin,
  issuedBulletinDocx,
  listIssuedBulletins,
} from "../../services/ledger/issue-bulletin.ts";
import { readLedgerSettings, saveLedgerSettings } from "../../services/ledger/ledger-settings.ts";
import { taskNoticeDocx } from "../../services/ledger/notice-docs.ts";
import { sessionOf } from "../auth-hook.ts";
import {
  presentAssessment,
  presentIssued,
  presentIssueDraft,
  presentIssuedDetail,
} from "./issue-presenters.ts";

const tags = ["督办台账"];
const attachmentName = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * What the 督查室 issues: 印发 and 已印发 bulletins, 督办设置, 运行督办升级, 年度考核 with exports
 * (/api/ledger/…), and the per-task 督办通知单 and 催办单 (/api/tasks/:id/…).
 */
export function issueRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/ledger/bulletins",
      { schema: { tags, summary: "已印发通报", response: { 200: IssuedBulletinList } } },
      async (request) => (await listIssuedBulletins(deps, sessionOf(request).actor)).map(presentIssued),
    );
    app.get(
      "/ledger/bulletins/draft",
      {
        schema: {
          tags,
          summary: "印发月通报：期号与默认内容",
          querystring: MonthQuery,
          response: { 200: BulletinIssueDraft },
        },
      },
      async (request) =>
        presentIssueDraft(await bulletinIssueDraft(deps, sessionOf(request).actor, request.query.month)),
    );
    app.post(
      "/ledger/bulletins",
      { schema: { tags, summary: "印发月通报", body: IssueBulletinBody, response: { 201: IssuedBulletin } } },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentIssued(await issueBulletin(deps, sessionOf(request).actor, request.body))),
    );
    app.get(
      "/ledger/bulletins/:id",
      {
        schema: {
          tags,
          summary: "已印发通报（印发时的数据）",
          params: IdParams,
          response: { 200: IssuedBulletinDetail },
        },
      },
      async (request) =>
        presentIssuedDetail(await issuedBulletin(deps, sessionOf(request).actor, request.params.id)),
    );
    app.get(
      "/ledger/bulletins/:id/docx",
      { schema: { tags, summary: "下载已印发通报（Word，原样）", params: IdParams } },
      async (request, reply) => {
        const row = await issuedBulletinDocx(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", DOCX)
          .header("content-disposition", attachmentName(`${row.title}（${row.doc_number}）.docx`))
          .send(Buffer.from(row.docx));
      },
    );
    app.get(
      "/ledger/settings",
      { schema: { tags, summary: "督办设置", response: { 200: LedgerSettings } } },
      async (request) => readLedgerSettings(deps, sessionOf(request).actor),
    );
    app.put(
      "/ledger/settings",
      { schema: { tags, summary: "保存督办设置", body: LedgerSettings, response: { 200: LedgerSettings } } },
      async (request) => saveLedgerSettings(deps, sessionOf(request).actor, request.body),
    );
    app.post(
      "/ledger/escalations",
      { schema: { tags, summary: "运行督办升级", response: { 200: EscalationRunResult } } },
      async (request) => runEscalation(deps, sessionOf(request).actor),
    );
    app.get(
      "/ledger/assessment",
      {
        schema: {
          tags,
          summary: "年度考核（评分与排名）",
          querystring: YearQuery,
          response: { 200: Assessment },
        },
      },
      async (request) =>
        presentAssessment(await assessmentFor(deps, sessionOf(request).actor, request.query.year)),
    );
    for (const format of ["xlsx", "docx"] as const) {
      app.get(
        `/ledger/assessment.${format}`,
        {
          schema: {
            tags,
            summary: `导出年度考核（${format === "xlsx" ? "Excel" : "Word"}）`,
            querystring: YearQuery,
          },
        },
        async (request, reply) => {
          const buffer = await assessmentFile(deps, sessionOf(request).actor, request.query.year, format);
          return reply
            .header("content-type", format === "xlsx" ? XLSX : DOCX)
            .header("content-disposition", attachmentName(`年度考核-${String(request.query.year)}.${format}`))
            .send(buffer);
        },
      );
    }
    for (const kind of ["notice", "urge"] as const) {
      app.get(
        `/tasks/:id/${kind}.docx`,
        {
          schema: {
            tags,
            summary: kind === "notice" ? "督办通知单（Word）" : "催办单（Word）",
            params: IdParams,
          },
        },
        async (request, reply) => {
          const { buffer, fileName } = await taskNoticeDocx(
            deps,
            sessionOf(request).actor,
            request.params.id,
            kind,
          );
          return reply
            .header("content-type", DOCX)
            .header("content-disposition", attachmentName(fileName))
            .send(buffer);
        },
      );
    }
  };
}
