import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  IdParams,
  PlanDetail,
  PlanAdoptionBody,
  PlanAdoptionForm,
  PlanReportQuery,
  PlanReportView,
  PlanDocumentLevelBody,
  PlanDiff,
  PlanImportBody,
  PlanList,
  PlanListQuery,
  PlanNodeParams,
  PlanNodePatch,
  PlanNodeSplitBody,
  PlanNodeUnitsBody,
  PlanSource,
  PlanTargetBody,
  PlanTargetParams,
  PlanTargetPatch,
  PlanUnitMapBody,
  UnitNameRules,
  UnitNameRulesView,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import type { Actor } from "../../context.ts";
import { importPlan } from "../../services/plans/plan-import.service.ts";
import { adoptionForm, adoptPlan } from "../../services/plans/plan-adoption.service.ts";
import {
  auditReportExport,
  implementationReport,
  planReport,
} from "../../services/plans/plan-report.service.ts";
import { implementationReportDocx, planReportDocx } from "../../reports/plan-report-docx.ts";
import { setPlanDocumentLevel } from "../../services/plans/plan-level.service.ts";
import {
  confirmPlan,
  discardPlan,
  mergePlanNode,
  splitPlanNode,
} from "../../services/plans/plan-lifecycle.service.ts";
import { exportPlanXlsx } from "../../services/plans/plan-export.service.ts";
import { diffPlan } from "../../services/plans/plan-diff.service.ts";
import { getPlan } from "../../services/plans/plan-detail.service.ts";
import { listPlans } from "../../services/plans/plan-list.service.ts";
import { updatePlanNode } from "../../services/plans/plan-node-update.service.ts";
import { setPlanNodeUnits } from "../../services/plans/plan-node-units.service.ts";
import { createPlanTarget } from "../../services/plans/plan-target-create.service.ts";
import { deletePlanTarget } from "../../services/plans/plan-target-delete.service.ts";
import { updatePlanTarget } from "../../services/plans/plan-target-update.service.ts";
import {
  mapPlanUnitName,
  readUnitNameRules,
  saveUnitNameRules,
} from "../../services/plans/plan-unit-names.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentPlanDetail, presentPlanReport, presentPlanSource, presentPlanSummary } from "./presenters.ts";

const tags = ["规划文件"];

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function sendDocx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  const safe = fileName.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 120);
  return reply
    .header("content-type", DOCX)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(safe)}`)
    .send(buffer);
}

/** 规划文件: /api/plans … Every write answers with the plan as it now stands. */
export function planRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  const detail = async (actor: Actor, id: string) => presentPlanDetail(await getPlan(deps, actor, id));
  return async (app) => {
    app.get(
      "/",
      { schema: { tags, summary: "规划文件列表", querystring: PlanListQuery, response: { 200: PlanList } } },
      async (request) => {
        const rows = await listPlans(deps, sessionOf(request).actor, request.query.status);
        return { items: rows.map((r) => presentPlanSummary(r, r)) };
      },
    );

    app.post(
      "/",
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入规划文件（草稿）",
          body: PlanImportBody,
          response: { 201: PlanDetail },
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        const bytes = Buffer.from(request.body.contentBase64, "base64");
        const plan = await importPlan(deps, actor, {
          fileName: request.body.fileName,
          bytes,
          documentLevel: request.body.documentLevel,
        });
        return reply.status(201).send(await detail(actor, plan.id));
      },
    );

    app.get(
      "/:id",
      { schema: { tags, summary: "规划详情", params: IdParams, response: { 200: PlanDetail } } },
      async (request) => detail(sessionOf(request).actor, request.params.id),
    );

    app.get(
      "/:id/source",
      { schema: { tags, summary: "规划原文", params: IdParams, response: { 200: PlanSource } } },
      async (request) => {
        const { plan } = await getPlan(deps, sessionOf(request).actor, request.params.id);
        return presentPlanSource(plan);
      },
    );

    app.get(
      "/:id/diff",
      { schema: { tags, summary: "与已确认版本对比", params: IdParams, response: { 200: PlanDiff } } },
      async (request) => diffPlan(deps, sessionOf(request).actor, request.params.id),
    );

    app.get(
      "/:id/export.xlsx",
      { schema: { tags, summary: "导出任务分解表（Excel）", params: IdParams } },
      async (request, reply) => {
        const { fileName, buffer } = await exportPlanXlsx(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(buffer);
      },
    );

    app.put(
      "/:id/document-level",
      {
        schema: {
          tags,
          summary: "设定文件层级（本级文件/上级文件）",
          params: IdParams,
          body: PlanDocumentLevelBody,
          response: { 200: PlanDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await setPlanDocumentLevel(deps, actor, request.params.id, request.body.documentLevel);
        return detail(actor, request.params.id);
      },
    );

    app.get(
      "/:id/adoption",
      {
        schema: {
          tags,
          summary: "承接方案：上级文件的条目及默认的本地责任单位和目标",
          params: IdParams,
          response: { 200: PlanAdoptionForm },
        },
      },
      async (request) => adoptionForm(deps, sessionOf(request).actor, request.params.id),
    );

    app.post(
      "/:id/adoptions",
      {
        schema: {
          tags,
          summary: "由上级文件制定承接方案（本级草稿）",
          params: IdParams,
          body: PlanAdoptionBody,
          response: { 201: PlanDetail },
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        const id = await adoptPlan(deps, actor, request.params.id, request.body);
        return reply.status(201).send(await detail(actor, id));
      },
    );

    app.get(
      "/:id/report",
      {
        schema: {
          tags,
          summary: "规划实施进展监测报告（五年规划中期年份为中期评估报告）",
          params: IdParams,
          querystring: PlanReportQuery,
          response: { 200: PlanReportView },
        },
      },
      async (request) => {
        const data = await planReport(deps, sessionOf(request).actor, request.params.id, request.query.year);
        return presentPlanReport(data);
      },
    );

    app.get(
      "/:id/report.docx",
      {
        schema: {
          tags,
          summary: "下载监测报告（Word，公文格式）",
          params: IdParams,
          querystring: PlanReportQuery,
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        const data = await planReport(deps, actor, request.params.id, request.query.year);
        const buffer = await planReportDocx(data);
        await auditReportExport(deps, actor, data.plan.id, {
          report: data.report.kind,
          year: request.query.year,
        });
        return sendDocx(reply, `${data.report.title}.docx`, buffer);
      },
    );

    app.get(
      "/:id/implementation-report.docx",
      {
        schema: {
          tags,
          summary: "下载上级文件落实情况报告（Word，公文格式）",
          params: IdParams,
          querystring: PlanReportQuery,
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        const data = await implementationReport(deps, actor, request.params.id, request.query.year);
        const buffer = await implementationReportDocx(data);
        await auditReportExport(deps, actor, data.plan.id, {
          report: "implementation",
          year: request.query.year,
        });
        return sendDocx(reply, `${data.plan.title}落实情况报告.docx`, buffer);
      },
    );

    app.get(
      "/unit-name-rules",
      { schema: { tags, summary: "单位名称规则（更名机构、单位组）", response: { 200: UnitNameRulesView } } },
      async (request) => readUnitNameRules(deps, sessionOf(request).actor),
    );

    app.put(
      "/unit-name-rules",
      {
        schema: {
          tags,
          summary: "修改单位名称规则",
          body: UnitNameRules,
          response: { 200: UnitNameRulesView },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await saveUnitNameRules(deps, actor, request.body);
        return readUnitNameRules(deps, actor);
      },
    );

    app.post(
      "/:id/unit-names",
      {
        schema: {
          tags,
          summary: "统一对应单位名称（该名称出现的所有条目）",
          params: IdParams,
          body: PlanUnitMapBody,
          response: { 200: PlanDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await mapPlanUnitName(deps, actor, request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.patch(
      "/:id/nodes/:nodeId",
      {
        schema: {
          tags,
          summary: "修改条目",
          params: PlanNodeParams,
          body: PlanNodePatch,
          response: { 200: PlanDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await updatePlanNode(deps, actor, request.params.id, request.params.nodeId, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.put(
      "/:id/nodes/:nodeId/units",
      {
        schema: {
          tags,
          summary: "设置责任单位",
          params: PlanNodeParams,
          body: PlanNodeUnitsBody,
          response: { 200: PlanDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await setPlanNodeUnits(deps, actor, request.params.id, request.params.nodeId, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/nodes/:nodeId/merge",
      { schema: { tags, summary: "合并到上一条目", params: PlanNodeParams, response: { 200: PlanDetail } } },
      async (request) => {
        const { actor } = sessionOf(request);
        await mergePlanNode(deps, actor, request.params.id, request.params.nodeId);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/nodes/:nodeId/split",
      {
        schema: {
          tags,
          summary: "拆分条目",
          params: PlanNodeParams,
          body: PlanNodeSplitBody,
          response: { 200: PlanDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await splitPlanNode(deps, actor, request.params.id, request.params.nodeId, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/targets",
      {
        schema: {
          tags,
          summary: "新增目标",
          params: IdParams,
          body: PlanTargetBody,
          response: { 200: PlanDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await createPlanTarget(deps, actor, request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.patch(
      "/:id/targets/:targetId",
      {
        schema: {
          tags,
          summary: "修改目标",
          params: PlanTargetParams,
          body: PlanTargetPatch,
          response: { 200: PlanDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await updatePlanTarget(deps, actor, request.params.id, request.params.targetId, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.delete(
      "/:id/targets/:targetId",
      { schema: { tags, summary: "删除目标", params: PlanTargetParams, response: { 200: PlanDetail } } },
      async (request) => {
        const { actor } = sessionOf(request);
        await deletePlanTarget(deps, actor, request.params.id, request.params.targetId);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/confirm",
      { schema: { tags, summary: "确认规划", params: IdParams, response: { 200: PlanDetail } } },
      async (request) => {
        const { actor } = sessionOf(request);
        await confirmPlan(deps, actor, request.params.id);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/discard",
      { schema: { tags, summary: "作废草稿", params: IdParams, response: { 200: PlanDetail } } },
      async (request) => {
        const { actor } = sessionOf(request);
        await discardPlan(deps, actor, request.params.id);
        return detail(actor, request.params.id);
      },
    );
  };
}
