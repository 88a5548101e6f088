import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AttestationBody,
  AttestationView,
  BasicBalanceHistoryQuery,
  BasicBalanceHistoryResult,
  EvidenceUploadBody,
  IdParams,
  OverallResult,
  OverallSettingsBody,
  PreschoolResult,
  RecognitionBody,
  RecognitionResult,
  ReviewBody,
  SupervisionPartResult,
  SettingsSaved,
  SupervisionQuery,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { addEvidence } from "../../services/evaluation/supervision/add-evidence.service.ts";
import { basicBalanceHistory } from "../../services/evaluation/supervision/basic-balance-history.service.ts";
import { evaluateSupervisionPart } from "../../services/evaluation/supervision/evaluate-part.service.ts";
import { getOverall } from "../../services/evaluation/supervision/overall.service.ts";
import { saveOverallSettings } from "../../services/evaluation/supervision/overall-settings.service.ts";
import { getPreschool } from "../../services/evaluation/supervision/preschool.service.ts";
import { readEvidenceFile } from "../../services/evaluation/supervision/read-evidence.service.ts";
import { getRecognition } from "../../services/evaluation/supervision/recognition.service.ts";
import { reviewAttestation } from "../../services/evaluation/supervision/review-attestation.service.ts";
import { saveRecognition } from "../../services/evaluation/supervision/save-recognition.service.ts";
import { submitAttestation } from "../../services/evaluation/supervision/submit-attestation.service.ts";
import { sessionOf } from "../auth-hook.ts";
import {
  presentAttestation,
  presentBasicBalanceHistory,
  presentOverall,
  presentPreschool,
  presentRecognition,
  presentSupervisionPart,
} from "./supervision-presenters.ts";

const tags = ["督导评估"];
const attachmentName = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** 政府保障程度、教育质量、佐证与审核、社会认可度、综合结论、学前普及普惠、基本均衡历年 under /api/evaluations. */
export function supervisionRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const input = (q: SupervisionQuery) => ({ orgUnitId: q.orgUnitId, year: q.year, ruleSetId: q.ruleSet });

    app.get(
      "/government",
      {
        schema: {
          tags,
          summary: "政府保障程度 15 项：可计算的按统计数据计算，其余按审核通过的佐证材料",
          querystring: SupervisionQuery,
          response: { 200: SupervisionPartResult },
        },
      },
      async (request) =>
        presentSupervisionPart(
          await evaluateSupervisionPart(deps, sessionOf(request).actor, input(request.query), "government"),
        ),
    );

    app.get(
      "/quality",
      {
        schema: {
          tags,
          summary: "教育质量 9 项：可计算的按统计数据计算，其余按审核通过的佐证材料",
          querystring: SupervisionQuery,
          response: { 200: SupervisionPartResult },
        },
      },
      async (request) =>
        presentSupervisionPart(
          await evaluateSupervisionPart(deps, sessionOf(request).actor, input(request.query), "quality"),
        ),
    );

    app.put(
      "/attestations",
      {
        schema: {
          tags,
          summary: "提交（或重新提交）一项指标或一票否决项的佐证申报，审核状态重置为待审核",
          body: AttestationBody,
          response: { 200: AttestationView },
        },
      },
      async (request) =>
        presentAttestation(await submitAttestation(deps, sessionOf(request).actor, request.body)),
    );

    app.post(
      "/attestations/:id/evidence",
      {
        schema: {
          tags,
          summary: "上传佐证材料（pdf、png/jpg、docx、xlsx，≤ 10 MB，base64）",
          params: IdParams,
          body: EvidenceUploadBody,
          response: { 200: AttestationView },
        },
      },
      async (request) =>
        presentAttestation(
          await addEvidence(deps, sessionOf(request).actor, request.params.id, request.body),
        ),
    );

    app.post(
      "/attestations/:id/review",
      {
        schema: {
          tags,
          summary: "审核佐证申报：确认或退回（须由提交人以外的人员审核）",
          params: IdParams,
          body: ReviewBody,
          response: { 200: AttestationView },
        },
      },
      async (request) =>
        presentAttestation(
          await reviewAttestation(deps, sessionOf(request).actor, request.params.id, request.body),
        ),
    );

    app.get(
      "/evidence/:id",
      { schema: { tags, summary: "下载佐证材料", params: IdParams } },
      async (request, reply) => {
        const { evidence, bytes } = await readEvidenceFile(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", evidence.media_type)
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", attachmentName(evidence.file_name))
          .send(bytes);
      },
    );

    app.get(
      "/recognition",
      {
        schema: {
          tags,
          summary: "社会认可度：各调查群体的满意度与加权结果（≥ 85%）",
          querystring: SupervisionQuery,
          response: { 200: RecognitionResult },
        },
      },
      async (request) =>
        presentRecognition(await getRecognition(deps, sessionOf(request).actor, input(request.query))),
    );

    app.put(
      "/recognition",
      {
        schema: {
          tags,
          summary: "录入社会认可度调查结果（按群体）与汇总方式，返回重新计算的结果",
          body: RecognitionBody,
          response: { 200: RecognitionResult },
        },
      },
      async (request) =>
        presentRecognition(await saveRecognition(deps, sessionOf(request).actor, request.body)),
    );

    app.get(
      "/overall",
      {
        schema: {
          tags,
          summary: "优质均衡综合结论：四个方面、申报条件与一票否决项",
          querystring: SupervisionQuery,
          response: { 200: OverallResult },
        },
      },
      async (request) =>
        presentOverall(await getOverall(deps, sessionOf(request).actor, input(request.query))),
    );

    app.put(
      "/overall/settings",
      {
        schema: {
          tags,
          summary: "设置通过基本均衡认定的年份（申报条件）",
          body: OverallSettingsBody,
          response: { 200: SettingsSaved },
        },
      },
      async (request) => {
        await saveOverallSettings(deps, sessionOf(request).actor, request.body);
        return { ok: true as const };
      },
    );

    app.get(
      "/preschool",
      {
        schema: {
          tags,
          summary: "学前教育普及普惠：按统计数据与所选规则集（如河南毛入园率 90%）",
          querystring: SupervisionQuery,
          response: { 200: PreschoolResult },
        },
      },
      async (request) =>
        presentPreschool(await getPreschool(deps, sessionOf(request).actor, input(request.query))),
    );

    app.get(
      "/basic-balance/history",
      {
        schema: {
          tags,
          summary: "基本均衡（2012）历年综合差异系数",
          querystring: BasicBalanceHistoryQuery,
          response: { 200: BasicBalanceHistoryResult },
        },
      },
      async (request) => {
        const { orgUnitId, from, to, ruleSet } = request.query;
        return presentBasicBalanceHistory(
          await basicBalanceHistory(deps, sessionOf(request).actor, {
            orgUnitId,
            from,
            to,
            ruleSetId: ruleSet,
          }),
        );
      },
    );
  };
}
