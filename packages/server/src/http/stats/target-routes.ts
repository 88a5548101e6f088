import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CatalogueEntry,
  CustomIndicatorBody,
  CustomIndicatorParams,
  CustomIndicatorPatch,
  FormulaCheckBody,
  FormulaCheckResult,
  IndicatorCatalogue,
  TargetLinkBody,
  TargetLinkResult,
  TargetMonitorList,
  TargetMonitorQuery,
  TargetParams,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { checkFormula } from "../../services/statistics/indicator-formula.ts";
import { createCustomIndicator } from "../../services/statistics/custom-indicator-create.service.ts";
import { listCatalogue } from "../../services/statistics/custom-indicator-list.service.ts";
import { updateCustomIndicator } from "../../services/statistics/custom-indicator-update.service.ts";
import { monitorTargets } from "../../services/statistics/target-monitor.service.ts";
import { linkTarget } from "../../services/statistics/target-link.service.ts";
import { authorize } from "../../services/access/authorize.ts";
import { sessionOf } from "../auth-hook.ts";
import {
  presentCatalogue,
  presentCustomIndicator,
  presentTargetLink,
  presentTargetMonitor,
} from "./presenters.ts";

const tags = ["目标监测与指标目录"];

/**
 * 目标监测 and 指标目录 (registered at /api): /targets/monitor, /targets/:id/link, /indicators/catalogue,
 * /indicators/custom[/:code], /indicators/custom/check.
 */
export function targetRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/targets/monitor",
      {
        schema: {
          tags,
          summary: "单位适用的规划目标及其监测状态（截至某年度）",
          querystring: TargetMonitorQuery,
          response: { 200: TargetMonitorList },
        },
      },
      async (request) =>
        presentTargetMonitor(await monitorTargets(deps, sessionOf(request).actor, request.query)),
    );

    app.put(
      "/targets/:id/link",
      {
        schema: {
          tags,
          summary: "确认（或更改）规划目标关联的指标",
          params: TargetParams,
          body: TargetLinkBody,
          response: { 200: TargetLinkResult },
        },
      },
      async (request) =>
        presentTargetLink(
          await linkTarget(deps, sessionOf(request).actor, request.params.id, request.body.indicatorCode),
        ),
    );

    app.get(
      "/indicators/catalogue",
      { schema: { tags, summary: "指标目录：标准指标与自定义指标", response: { 200: IndicatorCatalogue } } },
      async (request) => presentCatalogue(await listCatalogue(deps, sessionOf(request).actor)),
    );

    app.post(
      "/indicators/custom/check",
      {
        schema: {
          tags,
          summary: "检查计算公式（不保存）",
          body: FormulaCheckBody,
          response: { 200: FormulaCheckResult },
        },
      },
      async (request) => {
        authorize(sessionOf(request).actor, "stats.read");
        return checkFormula(request.body.formula);
      },
    );

    app.post(
      "/indicators/custom",
      {
        schema: {
          tags,
          summary: "新增自定义指标",
          body: CustomIndicatorBody,
          response: { 201: CatalogueEntry },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            presentCustomIndicator(await createCustomIndicator(deps, sessionOf(request).actor, request.body)),
          ),
    );

    app.patch(
      "/indicators/custom/:code",
      {
        schema: {
          tags,
          summary: "修改或停用自定义指标",
          params: CustomIndicatorParams,
          body: CustomIndicatorPatch,
          response: { 200: CatalogueEntry },
        },
      },
      async (request) =>
        presentCustomIndicator(
          await updateCustomIndicator(deps, sessionOf(request).actor, request.params.code, request.body),
        ),
    );
  };
}
