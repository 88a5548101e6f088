import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  IdParams,
  OrgUnitChangeList,
  OrgUnitCloseBody,
  OrgUnitCreateBody,
  OrgUnitDetail,
  OrgUnitEditBody,
  OrgUnitListQuery,
  OrgUnitMergeBody,
  OrgUnitMoveBody,
  OrgUnitPage,
} from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { getOrgUnit, listOrgUnits } from "../../services/org/org.service.ts";
import { createOrgUnit } from "../../services/org/create-unit.service.ts";
import { editOrgUnit } from "../../services/org/edit-unit.service.ts";
import { moveOrgUnit } from "../../services/org/move-unit.service.ts";
import { mergeOrgUnit } from "../../services/org/merge-unit.service.ts";
import { closeOrgUnit } from "../../services/org/close-unit.service.ts";
import { reopenOrgUnit } from "../../services/org/reopen-unit.service.ts";
import { listOrgUnitChanges } from "../../services/org/unit-changes.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentOrgUnit, presentOrgUnitChange, presentOrgUnitDetail } from "./presenters.ts";

const TAGS = ["组织机构"];

/** 组织机构: /api/org-units … — reads for every role with org.read, changes for org.write. */
export function orgRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  /** A unit's detail after a change (closed units included: the answer shows what was done). */
  const detail = async (actor: Actor, id: string): Promise<OrgUnitDetail> => {
    const view = await getOrgUnit(deps, actor, id, true);
    return presentOrgUnitDetail(view, view.ancestors);
  };

  return async (app) => {
    app.get(
      "/",
      {
        schema: {
          tags: TAGS,
          summary: "组织机构列表",
          querystring: OrgUnitListQuery,
          response: { 200: OrgUnitPage },
        },
      },
      async (request) => {
        const q = request.query;
        const { items, total } = await listOrgUnits(deps, sessionOf(request).actor, q);
        return { items: items.map((v) => presentOrgUnit(v)), total, page: q.page, pageSize: q.pageSize };
      },
    );

    app.get(
      "/:id",
      { schema: { tags: TAGS, summary: "组织机构详情", params: IdParams, response: { 200: OrgUnitDetail } } },
      async (request) => detail(sessionOf(request).actor, request.params.id),
    );

    app.get(
      "/:id/changes",
      {
        schema: {
          tags: TAGS,
          summary: "单位变更记录",
          params: IdParams,
          response: { 200: OrgUnitChangeList },
        },
      },
      async (request) => {
        const rows = await listOrgUnitChanges(deps, sessionOf(request).actor, request.params.id);
        return { items: rows.map(presentOrgUnitChange) };
      },
    );

    app.post(
      "/",
      {
        schema: {
          tags: TAGS,
          summary: "新增单位",
          body: OrgUnitCreateBody,
          response: { 201: OrgUnitDetail },
        },
      },
      async (request, reply) => {
        const { actor } = sessionOf(request);
        const unit = await createOrgUnit(deps, actor, request.body);
        return reply.status(201).send(await detail(actor, unit.id));
      },
    );

    app.patch(
      "/:id",
      {
        schema: {
          tags: TAGS,
          summary: "编辑单位（更名、信息变更）",
          params: IdParams,
          body: OrgUnitEditBody,
          response: { 200: OrgUnitDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await editOrgUnit(deps, actor, request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/move",
      {
        schema: {
          tags: TAGS,
          summary: "调整隶属",
          params: IdParams,
          body: OrgUnitMoveBody,
          response: { 200: OrgUnitDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await moveOrgUnit(deps, actor, request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/merge",
      {
        schema: {
          tags: TAGS,
          summary: "撤并（并入另一所学校）",
          params: IdParams,
          body: OrgUnitMergeBody,
          response: { 200: OrgUnitDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await mergeOrgUnit(deps, actor, request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/close",
      {
        schema: {
          tags: TAGS,
          summary: "撤销",
          params: IdParams,
          body: OrgUnitCloseBody,
          response: { 200: OrgUnitDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await closeOrgUnit(deps, actor, request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );

    app.post(
      "/:id/reopen",
      {
        schema: {
          tags: TAGS,
          summary: "恢复",
          params: IdParams,
          body: OrgUnitCloseBody,
          response: { 200: OrgUnitDetail },
        },
      },
      async (request) => {
        const { actor } = sessionOf(request);
        await reopenOrgUnit(deps, actor, request.params.id, request.body);
        return detail(actor, request.params.id);
      },
    );
  };
}
