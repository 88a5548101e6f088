import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CaseCloseBody,
  CaseDetail,
  CaseList,
  CaseListQuery,
  CaseOpenBody,
  CaseStepBody,
  CaseStepParams,
  CaseStepRecordBody,
  CaseUnmaskBody,
  CaseUpdateBody,
  DropoutMonitor,
  DropoutReportQuery,
  IdParams,
  SchoolAgeImportBody,
  SchoolAgeImportResult,
  SchoolAgeList,
  SchoolAgeQuery,
} from "@luoshi/contracts";
import { chinaDate } from "@luoshi/common";
import type { ServiceDeps } from "../../context.ts";
import {
  addStep,
  closeCase,
  getCase,
  listCases,
  openCase,
  recordStep,
  unmaskCase,
  updateCase,
  type CaseWithSteps,
} from "../../services/dropout/case.service.ts";
import { dropoutMonitor, dropoutReport, dropoutReportPage } from "../../services/dropout/monitor.service.ts";
import { importSchoolAge, SCHOOL_AGE_RULE_TEXT } from "../../services/dropout/school-age-import.service.ts";
import { readSchoolAge } from "../../services/dropout/school-age-read.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentCase, presentCaseDetail, presentChildren } from "./presenters.ts";

const tags = ["控辍保学"];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const ReportPage = z.object({
  title: z.string(),
  sections: z.array(
    z.object({
      kind: z.enum(["heading", "paragraph", "table"]),
      text: z.string().optional(),
      header: z.array(z.string()).optional(),
      rows: z.array(z.array(z.string())).optional(),
    }),
  ),
});

/** 控辍保学: /api/dropout/school-age, /api/dropout/cases, /api/dropout/monitor, /api/dropout/report. */
export function dropoutRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // personal data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });
    const today = () => chinaDate(deps.now());
    const detail = (c: CaseWithSteps, userId: string | null, unmasked = false) =>
      presentCaseDetail(c.row, c.steps, today(), userId, unmasked);

    app.post(
      "/dropout/school-age/imports",
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入适龄儿童名单并与学籍比对（preview=true 只预览；未匹配的儿童逐一立案）",
          body: SchoolAgeImportBody,
          response: { 200: SchoolAgeImportResult, 201: SchoolAgeImportResult },
        },
      },
      async (request, reply) => {
        const { contentBase64, ...rest } = request.body;
        const result = await importSchoolAge(deps, sessionOf(request).actor, {
          ...rest,
          bytes: Buffer.from(contentBase64, "base64"),
        });
        return reply.status(result.applied ? 201 : 200).send(result);
      },
    );

    app.get(
      "/dropout/school-age",
      {
        schema: {
          tags,
          summary: "适龄比对结果：分乡镇、村的未匹配儿童（脱敏）",
          querystring: SchoolAgeQuery,
          response: { 200: SchoolAgeList },
        },
      },
      async (request) => {
        const r = await readSchoolAge(deps, sessionOf(request).actor, request.query);
        return {
          list:
            r.list === undefined
              ? null
              : {
                  fileName: r.list.file_name,
                  source: r.list.source,
                  schoolYear: r.list.school_year,
                  unitName: r.list.unit_name,
                  importedAt: r.list.imported_at.toISOString(),
                  rule: SCHOOL_AGE_RULE_TEXT,
                },
          villages: r.villages,
          total: r.total,
          items: presentChildren(r.rows),
        };
      },
    );

    app.get(
      "/dropout/cases",
      {
        schema: {
          tags,
          summary: "一生一案：案件列表（脱敏）",
          querystring: CaseListQuery,
          response: { 200: CaseList },
        },
      },
      async (request) => {
        const { items, total } = await listCases(deps, sessionOf(request).actor, request.query);
        return { total, items: items.map((c) => presentCase(c.row, c.steps, today())) };
      },
    );

    app.post(
      "/dropout/cases",
      {
        schema: {
          tags,
          summary: "立案（学籍中的学生或适龄名单中的儿童）",
          body: CaseOpenBody,
          response: { 201: CaseDetail },
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        return reply.status(201).send(detail(await openCase(deps, actor, request.body), actor.userId));
      },
    );

    app.get(
      "/dropout/cases/:id",
      { schema: { tags, summary: "案件详情（脱敏）", params: IdParams, response: { 200: CaseDetail } } },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await getCase(deps, actor, request.params.id), actor.userId);
      },
    );

    app.patch(
      "/dropout/cases/:id",
      {
        schema: {
          tags,
          summary: "修改帮扶方案、七长或责任学校",
          params: IdParams,
          body: CaseUpdateBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await updateCase(deps, actor, request.params.id, request.body), actor.userId);
      },
    );

    app.post(
      "/dropout/cases/:id/steps",
      {
        schema: {
          tags,
          summary: "安排措施（家访、劝返、复学……）",
          params: IdParams,
          body: CaseStepBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await addStep(deps, actor, request.params.id, request.body), actor.userId);
      },
    );

    app.post(
      "/dropout/cases/:id/steps/:stepId/record",
      {
        schema: {
          tags,
          summary: "登记措施完成情况（日期、结果、记录、佐证）",
          params: CaseStepParams,
          body: CaseStepRecordBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(
          await recordStep(deps, actor, request.params.id, request.params.stepId, request.body),
          actor.userId,
        );
      },
    );

    app.post(
      "/dropout/cases/:id/close",
      {
        schema: {
          tags,
          summary: "核查销号（复学满规定时间，由登记复学者以外的人员核查）",
          params: IdParams,
          body: CaseCloseBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(await closeCase(deps, actor, request.params.id, request.body.note), actor.userId);
      },
    );

    app.post(
      "/dropout/cases/:id/unmask",
      {
        schema: {
          tags,
          summary: "查看案件完整信息（需“查看个人信息明文”权限，写明事由，记入审计日志）",
          params: IdParams,
          body: CaseUnmaskBody,
          response: { 200: CaseDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        return detail(
          await unmaskCase(deps, actor, request.params.id, request.body.reason),
          actor.userId,
          true,
        );
      },
    );

    app.get(
      "/dropout/monitor",
      {
        schema: {
          tags,
          summary: "动态监测：辍学人数、辍学率、案件与劝返率",
          response: { 200: DropoutMonitor },
        },
      },
      async (request) => dropoutMonitor(deps, sessionOf(request).actor),
    );

    app.get(
      "/dropout/report",
      {
        schema: {
          tags,
          summary: "控辍保学月报（页面）",
          querystring: DropoutReportQuery,
          response: { 200: ReportPage },
        },
      },
      async (request) => dropoutReportPage(deps, sessionOf(request).actor, request.query.month),
    );

    app.get(
      "/dropout/report.docx",
      { schema: { tags, summary: "控辍保学月报（公文格式 .docx）", querystring: DropoutReportQuery } },
      async (request, reply) => {
        const buffer = await dropoutReport(deps, sessionOf(request).actor, request.query.month);
        return reply
          .header("content-type", DOCX)
          .header(
            "content-disposition",
            `attachment; filename*=UTF-8''${encodeURIComponent(`控辍保学月报-${request.query.month}.docx`)}`,
          )
          .send(buffer);
      },
    );
  };
}
