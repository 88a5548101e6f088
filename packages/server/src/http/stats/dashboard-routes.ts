import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  IndicatorChildren,
  IndicatorChildrenQuery,
  IndicatorDistribution,
  IndicatorDistributionQuery,
  IndicatorSeries,
  IndicatorSeriesQuery,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { indicatorChildren } from "../../services/statistics/indicator-children.service.ts";
import { indicatorDistribution } from "../../services/statistics/indicator-distribution.service.ts";
import { indicatorSeries } from "../../services/statistics/indicator-series.service.ts";
import { sessionOf } from "../auth-hook.ts";
import {
  presentIndicatorChildren,
  presentIndicatorDistribution,
  presentIndicatorSeries,
} from "./presenters.ts";

const tags = ["统计数据与指标"];

/** 指标看板: /api/indicators/series, /children, /distribution (registered at /api). */
export function statsDashboardRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/indicators/series",
      {
        schema: {
          tags,
          summary: "单位多个年度的指标值（趋势、年度对比）",
          querystring: IndicatorSeriesQuery,
          response: { 200: IndicatorSeries },
        },
      },
      async (request) =>
        presentIndicatorSeries(await indicatorSeries(deps, sessionOf(request).actor, request.query)),
    );

    app.get(
      "/indicators/children",
      {
        schema: {
          tags,
          summary: "单位及其下级单位某年度的指标值（逐级下钻）",
          querystring: IndicatorChildrenQuery,
          response: { 200: IndicatorChildren },
        },
      },
      async (request) =>
        presentIndicatorChildren(await indicatorChildren(deps, sessionOf(request).actor, request.query)),
    );

    app.get(
      "/indicators/distribution",
      {
        schema: {
          tags,
          summary: "某指标在辖区学校间的分布（箱线图、直方图、参考标准）",
          querystring: IndicatorDistributionQuery,
          response: { 200: IndicatorDistribution },
        },
      },
      async (request) =>
        presentIndicatorDistribution(
          await indicatorDistribution(deps, sessionOf(request).actor, request.query),
        ),
    );
  };
}
