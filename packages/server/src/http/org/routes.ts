import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, OrgUnitDetail, OrgUnitListQuery, OrgUnitPage } from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { getOrgUnit, listOrgUnits } from "../../services/org/org.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentOrgUnit, presentOrgUnitDetail } from "./presenters.ts";

/** 组织机构: /api/org-units … */
export function orgRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/",
      {
        schema: {
          tags: ["组织机构"],
          summary: "组织机构列表",
          querystring: OrgUnitListQuery,
          response: { 200: OrgUnitPage },
        },
      },
      async (request) => {
        const q = request.query;
        const { items, total } = await listOrgUnits(deps, sessionOf(request).actor, q);
        return {
          items: items.map((v) => presentOrgUnit(v.unit, v.childCount)),
          total,
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );

    app.get(
      "/:id",
      {
        schema: {
          tags: ["组织机构"],
          summary: "组织机构详情",
          params: IdParams,
          response: { 200: OrgUnitDetail },
        },
      },
      async (request) => {
        const view = await getOrgUnit(deps, sessionOf(request).actor, request.params.id);
        return presentOrgUnitDetail(view.unit, view.childCount, view.ancestors);
      },
    );
  };
}
