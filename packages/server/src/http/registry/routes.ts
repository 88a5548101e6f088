import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  CrossCheck,
  CrossCheckQuery,
  IdParams,
  MovementList,
  MovementListQuery,
  RegistryImportBody,
  RegistryImportList,
  RegistryImportResult,
  StudentDetail,
  StudentList,
  StudentListQuery,
  StudentUnmaskBody,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import { importRegistry } from "../../services/registry/registry-import.service.ts";
import { registryCrossCheck } from "../../services/registry/registry-cross-check.service.ts";
import {
  getStudent,
  listMovements,
  listRegistryImports,
  listStudents,
  unmaskStudent,
} from "../../services/registry/registry-read.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentMovements, presentStudent, presentStudentDetail } from "./presenters.ts";
import { previewImportHandler } from "../file-import.ts";

const tags = ["学籍"];

/** 学籍: /api/registry/imports, /api/registry/students, /api/registry/movements, /api/registry/cross-check. */
export function studentRegistryRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // personal data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.post(
      "/registry/imports",
      {
        bodyLimit: 30 * 1024 * 1024,
        schema: {
          tags,
          summary: "导入学籍（preview=true 只预览；全部成功或全部不导入）",
          body: RegistryImportBody,
          response: { 200: RegistryImportResult, 201: RegistryImportResult },
        },
      },
      previewImportHandler((actor, input) => importRegistry(deps, actor, input)),
    );

    app.get(
      "/registry/imports",
      { schema: { tags, summary: "学籍导入记录", response: { 200: RegistryImportList } } },
      async (request) =>
        (await listRegistryImports(deps, sessionOf(request).actor)).map((i) => ({
          id: i.id,
          fileName: i.file_name,
          schoolYear: i.school_year,
          term: i.term,
          asOf: i.as_of,
          rows: i.row_count,
          unitName: i.unit_name,
          importedBy: i.display_name,
          importedAt: i.imported_at.toISOString(),
        })),
    );

    app.get(
      "/registry/students",
      {
        schema: {
          tags,
          summary: "学生名单（脱敏；筛选只能缩小管辖范围）",
          querystring: StudentListQuery,
          response: { 200: StudentList },
        },
      },
      async (request) => {
        const { rows, total } = await listStudents(deps, sessionOf(request).actor, request.query);
        return {
          total,
          page: request.query.page,
          pageSize: request.query.pageSize,
          items: rows.map((r) => presentStudent(r)),
        };
      },
    );

    app.get(
      "/registry/students/:id",
      {
        schema: { tags, summary: "学生学籍详情（脱敏）", params: IdParams, response: { 200: StudentDetail } },
      },
      async (request) =>
        presentStudentDetail(await getStudent(deps, sessionOf(request).actor, request.params.id)),
    );

    app.post(
      "/registry/students/:id/unmask",
      {
        schema: {
          tags,
          summary: "查看学生完整信息（需“查看个人信息明文”权限，写明事由，记入审计日志）",
          params: IdParams,
          body: StudentUnmaskBody,
          response: { 200: StudentDetail },
        },
      },
      async (request) =>
        presentStudentDetail(
          await unmaskStudent(deps, sessionOf(request).actor, request.params.id, request.body.reason),
          true,
        ),
    );

    app.get(
      "/registry/movements",
      {
        schema: {
          tags,
          summary: "学籍变动（脱敏）",
          querystring: MovementListQuery,
          response: { 200: MovementList },
        },
      },
      async (request) => {
        const { rows, total } = await listMovements(deps, sessionOf(request).actor, request.query);
        return presentMovements(rows, total);
      },
    );

    app.get(
      "/registry/cross-check",
      {
        schema: {
          tags,
          summary: "学籍与年度统计比对（分学校、年级的在校生数）",
          querystring: CrossCheckQuery,
          response: { 200: CrossCheck },
        },
      },
      async (request) => registryCrossCheck(deps, sessionOf(request).actor, request.query.year),
    );
  };
}
