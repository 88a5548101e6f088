import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AbsenceList,
  AbsenceListQuery,
  AttendanceChaseBody,
  AttendanceChaseResult,
  AttendanceDay,
  AttendanceDayQuery,
  AttendanceReportBody,
  AttendanceReportResult,
  AttendanceSheet,
  AttendanceSheetQuery,
  FlagEvaluateBody,
  FlagEvaluateResult,
  FlagList,
  FlagListQuery,
  RuleSetBody,
  RuleSetQuery,
  RuleSetView,
} from "@luoshi/contracts";
import { RISK_RULES, RISK_RULE_LABELS, type RuleSet } from "@luoshi/domain/attendance";
import type { ServiceDeps } from "../../context.ts";
import {
  attendanceDay,
  attendanceSheet,
  chaseMissing,
  evaluateFlags,
  getRules,
  listAbsences,
  listFlags,
  reportAttendance,
  saveRules,
} from "../../services/attendance/attendance.service.ts";
import { sessionOf } from "../auth-hook.ts";
import { presentAbsences, presentDay, presentFlags, presentSheet } from "./presenters.ts";

const tags = ["考勤"];

const ruleView = (r: RuleSet) => ({
  version: r.version,
  params: r.params,
  rules: RISK_RULES.map((rule) => ({ rule, label: RISK_RULE_LABELS[rule] })),
});

/** 日考勤、日报告 and risk flags: /api/attendance/*. */
export function attendanceRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // pupils' data: never kept by a browser or a proxy
    app.addHook("onSend", async (_request, reply) => {
      reply.header("cache-control", "no-store");
    });

    app.get(
      "/attendance/day",
      {
        schema: {
          tags,
          summary: "某日各校考勤报送情况（已报、未报、零报告、缺勤原因）",
          querystring: AttendanceDayQuery,
          response: { 200: AttendanceDay },
        },
      },
      async (request) => {
        const d = await attendanceDay(deps, sessionOf(request).actor, request.query);
        return presentDay(d.day, d.rules, d.schools, deps.now());
      },
    );

    app.get(
      "/attendance/sheet",
      {
        schema: {
          tags,
          summary: "学校考勤表：各班学生（脱敏）与当日报送",
          querystring: AttendanceSheetQuery,
          response: { 200: AttendanceSheet },
        },
      },
      async (request) =>
        presentSheet(deps.handle.db, await attendanceSheet(deps, sessionOf(request).actor, request.query)),
    );

    app.post(
      "/attendance/reports",
      {
        schema: {
          tags,
          summary: "报送当日考勤（缺勤学生及原因；无缺勤即零报告）",
          body: AttendanceReportBody,
          response: { 201: AttendanceReportResult },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await reportAttendance(deps, sessionOf(request).actor, request.body)),
    );

    app.get(
      "/attendance/absences",
      {
        schema: {
          tags,
          summary: "某日缺勤学生（脱敏）",
          querystring: AbsenceListQuery,
          response: { 200: AbsenceList },
        },
      },
      async (request) =>
        presentAbsences(
          request.query.date,
          await listAbsences(deps, sessionOf(request).actor, request.query),
        ),
    );

    app.post(
      "/attendance/chase",
      {
        schema: {
          tags,
          summary: "催报：通知当日未报送考勤的学校",
          body: AttendanceChaseBody,
          response: { 200: AttendanceChaseResult },
        },
      },
      async (request) => chaseMissing(deps, sessionOf(request).actor, request.body),
    );

    app.post(
      "/attendance/flags/evaluate",
      {
        schema: {
          tags,
          summary: "按预警规则核查当日缺勤与转出（已有的未关闭预警不重复）",
          body: FlagEvaluateBody,
          response: { 200: FlagEvaluateResult },
        },
      },
      async (request) => evaluateFlags(deps, sessionOf(request).actor, request.body),
    );

    app.get(
      "/attendance/flags",
      {
        schema: {
          tags,
          summary: "辍学风险预警（未关闭，学生脱敏，附规则说明）",
          querystring: FlagListQuery,
          response: { 200: FlagList },
        },
      },
      async (request) =>
        presentFlags(await listFlags(deps, sessionOf(request).actor, request.query), {
          page: request.query.page,
          pageSize: request.query.pageSize,
        }),
    );

    app.get(
      "/attendance/rules",
      {
        schema: {
          tags,
          summary: "预警规则参数（现行版本）",
          querystring: RuleSetQuery,
          response: { 200: RuleSetView },
        },
      },
      async (request) => ruleView(await getRules(deps, sessionOf(request).actor, request.query.unitId)),
    );

    app.put(
      "/attendance/rules",
      {
        schema: {
          tags,
          summary: "修改预警规则参数（保存为新版本）",
          body: RuleSetBody,
          response: { 200: RuleSetView },
        },
      },
      async (request) => ruleView(await saveRules(deps, sessionOf(request).actor, request.body)),
    );
  };
}
