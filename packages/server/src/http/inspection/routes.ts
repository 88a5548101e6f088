import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ChecklistDetail,
  ChecklistImportBody,
  ChecklistImportResult,
  ChecklistList,
  IdParams,
  InspectorBody,
  InspectorParams,
  InspectorRoster,
  SchoolCard,
  SchoolCardList,
  SchoolParams,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import {
  inspectorRoster,
  saveInspector,
  schoolCard,
  schoolCardDocx,
  schoolCards,
} from "../../services/inspection/inspectors.service.ts";
import {
  getChecklist,
  importChecklist,
  listChecklists,
} from "../../services/inspection/checklists.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["督导"];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** 督学 and 责任区, 挂牌 cards, checklists: /api/inspection/inspectors, schools, checklists. */
export function inspectionRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/inspection/inspectors",
      {
        schema: {
          tags,
          summary: "督学名册：责任区学校与工作量（督学本人只见自己）",
          response: { 200: InspectorRoster },
        },
      },
      async (request) => inspectorRoster(deps, sessionOf(request).actor),
    );

    app.put(
      "/inspection/inspectors/:id",
      {
        schema: {
          tags,
          summary: "督导室：设定督学的类别、责任区学校、联系电话和职责",
          params: InspectorParams,
          body: InspectorBody,
          response: { 200: InspectorRoster },
        },
      },
      async (request) => saveInspector(deps, sessionOf(request).actor, request.params.id, request.body),
    );

    app.get(
      "/inspection/schools",
      {
        schema: {
          tags,
          summary: "各校责任督学挂牌信息",
          response: { 200: SchoolCardList },
        },
      },
      async (request) => schoolCards(deps, sessionOf(request).actor),
    );

    app.get(
      "/inspection/schools/:id/card",
      {
        schema: {
          tags,
          summary: "一所学校的责任督学公示牌",
          params: SchoolParams,
          response: { 200: SchoolCard },
        },
      },
      async (request) => schoolCard(deps, sessionOf(request).actor, request.params.id),
    );

    app.get(
      "/inspection/schools/:id/card.docx",
      { schema: { tags, summary: "责任督学公示牌（.docx，可打印）", params: SchoolParams } },
      async (request, reply) => {
        const { buffer, fileName } = await schoolCardDocx(deps, sessionOf(request).actor, request.params.id);
        return reply
          .header("content-type", DOCX)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(buffer);
      },
    );

    app.get(
      "/inspection/checklists",
      { schema: { tags, summary: "检查表（各版本）", response: { 200: ChecklistList } } },
      async (request) => listChecklists(deps, sessionOf(request).actor),
    );

    app.get(
      "/inspection/checklists/:id",
      {
        schema: {
          tags,
          summary: "一张检查表及其检查项目",
          params: IdParams,
          response: { 200: ChecklistDetail },
        },
      },
      async (request) => getChecklist(deps, sessionOf(request).actor, request.params.id),
    );

    app.post(
      "/inspection/checklists/imports",
      {
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: "督导室：从 Excel 导入检查表的新版本（preview=true 只预览）",
          body: ChecklistImportBody,
          response: { 200: ChecklistImportResult, 201: ChecklistImportResult },
        },
      },
      async (request, reply) => {
        const result = await importChecklist(deps, sessionOf(request).actor, request.body);
        return reply.status(result.applied ? 201 : 200).send(result);
      },
    );
  };
}
