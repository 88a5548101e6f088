/**
 * The writes of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts). They run after
 * every read, in this order: a write that uses up its record (delete, discard, confirm, logout) comes
 * after the writes that need it. Bodies are small and valid; an own-county write may answer 4xx (a
 * state rule, a conflict) but never 5xx, and a write into the other county never answers 2xx.
 */
import type { Role } from "@luoshi/domain/auth";
import { inDays, qs, UNIT_SCOPED, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { YEAR } from "./endpoint-matrix.world.ts";
import { ADMIN_WRITE_ROWS } from "./endpoint-matrix.admin-rows.ts";
import { EVALUATION_WRITE_ROWS } from "./endpoint-matrix.evaluation-rows.ts";
import { ATTENDANCE_WRITE_ROWS, REGISTRY_WRITE_ROWS } from "./endpoint-matrix.registry-rows.ts";
import { APPLICATION_WRITE_ROWS, ENROLMENT_WRITE_ROWS } from "./endpoint-matrix.enrolment-rows.ts";
import { AID_WRITE_ROWS } from "./endpoint-matrix.aid-rows.ts";

/** The roles the ledger lets handle a task (act-on-task.ts). */
const HANDLING: readonly Role[] = ["bureauPlanner", "bureauSupervisor", "unitUser", "schoolUser"];

let serial = 0;
/** A fresh suffix for names that must be unique (logins, indicator codes). */
const fresh = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

const ACCOUNTS: Row[] = [
  {
    op: "POST /api/auth/login",
    need: "public",
    req: () => ({ url: "/api/auth/login", body: { login: "nobody-here", password: "Wrong#Pass2026" } }),
  },
  {
    op: "POST /api/auth/password",
    need: "authenticated",
    req: () => ({
      url: "/api/auth/password",
      body: { currentPassword: "Not#ThePassword1", newPassword: "Another#Pass2026x" },
    }),
  },
  // the second factor: every account may bind one; a code for a session that owes none is refused (409)
  { op: "POST /api/auth/totp/enrol", need: "authenticated", req: () => ({ url: "/api/auth/totp/enrol" }) },
  {
    op: "POST /api/auth/totp/confirm",
    need: "authenticated",
    req: () => ({ url: "/api/auth/totp/confirm", body: { code: "000000" } }),
  },
  {
    op: "POST /api/auth/totp/verify",
    need: "authenticated",
    req: () => ({ url: "/api/auth/totp/verify", body: { code: "000000" } }),
  },
  {
    op: "POST /api/users/",
    need: ["systemAdmin", "securityAdmin"],
    req: (t) => ({
      url: "/api/users/",
      body: { login: `m-${fresh()}`, displayName: "矩阵", role: "leader", orgUnitId: t.home },
    }),
  },
  {
    op: "POST /api/users/{id}/reset-password",
    need: "user.write",
    req: (t) => ({ url: `/api/users/${t.user}/reset-password` }),
  },
];

const planTarget = {
  path: "1",
  text: "到2025年达标",
  metric: "达标率",
  indicatorCode: null,
  comparator: ">=",
  value: 90,
  valueMax: null,
  unit: "%",
  year: 2025,
  kind: "target",
};
const node = (t: Target) => `/api/plans/${t.plan}/nodes/${t.planNode}`;

const PLANS: Row[] = [
  {
    op: "POST /api/plans/",
    need: "plan.write",
    req: () => ({
      url: "/api/plans/",
      body: {
        fileName: "矩阵.txt",
        contentBase64: Buffer.from("一、总体目标\n二、主要任务\n").toString("base64"),
      },
    }),
  },
  {
    op: "PATCH /api/plans/{id}/nodes/{nodeId}",
    need: "plan.write",
    req: (t) => ({ url: node(t), body: { deadline: "2025年底" } }),
  },
  {
    op: "PUT /api/plans/{id}/nodes/{nodeId}/units",
    need: "plan.write",
    req: (t) => ({
      url: `${node(t)}/units`,
      body: { units: [{ name: `${t.label}教育局`, orgUnitId: t.bureau, isLead: true }] },
    }),
    mixed: [
      (t, o) => ({
        url: `${node(t)}/units`,
        body: { units: [{ name: `${o.label}教育局`, orgUnitId: o.bureau, isLead: true }] },
      }),
    ],
  },
  {
    // after the row above: the node now writes `<label>教育局`, which this ties on every item
    op: "POST /api/plans/{id}/unit-names",
    need: "plan.write",
    req: (t) => ({
      url: `/api/plans/${t.plan}/unit-names`,
      body: { name: `${t.label}教育局`, orgUnitId: t.bureau },
    }),
    mixed: [
      (t, o) => ({
        url: `/api/plans/${t.plan}/unit-names`,
        body: { name: `${t.label}教育局`, orgUnitId: o.bureau },
      }),
    ],
  },
  {
    op: "PUT /api/plans/unit-name-rules",
    need: "plan.write",
    req: () => ({
      url: "/api/plans/unit-name-rules",
      body: {
        renames: [{ from: "国土局", to: "自然资源局", year: 2018, source: "深化党和国家机构改革方案" }],
        groups: [{ name: "各乡镇", aliases: [], kind: "township", schoolTypes: [] }],
      },
    }),
  },
  {
    op: "POST /api/plans/{id}/nodes/{nodeId}/split",
    need: "plan.write",
    req: (t) => ({ url: `${node(t)}/split`, body: { offset: 0, title: "拆分条目" } }),
  },
  {
    op: "PUT /api/plans/{id}/document-level",
    need: "plan.write",
    req: (t) => ({ url: `/api/plans/${t.plan}/document-level`, body: { documentLevel: "higher" } }),
  },
  {
    op: "POST /api/plans/{id}/adoptions",
    need: "plan.write",
    req: (t) => ({
      url: `/api/plans/${t.higherPlan}/adoptions`,
      body: { items: [{ nodeId: t.higherNode }] },
    }),
  },
  {
    op: "POST /api/plans/{id}/targets",
    need: "plan.write",
    req: (t) => ({ url: `/api/plans/${t.plan}/targets`, body: planTarget }),
  },
  {
    op: "PATCH /api/plans/{id}/targets/{targetId}",
    need: "plan.write",
    req: (t) => ({ url: `/api/plans/${t.plan}/targets/${t.planTarget}`, body: { metric: "覆盖率" } }),
  },
  {
    op: "PUT /api/targets/{id}/link",
    need: "plan.write",
    req: (t) => ({ url: `/api/targets/${t.planTarget}/link`, body: { indicatorCode: null } }),
  },
  {
    op: "DELETE /api/plans/{id}/targets/{targetId}",
    need: "plan.write",
    req: (t) => ({ url: `/api/plans/${t.plan}/targets/${t.planTarget}` }),
  },
  {
    op: "POST /api/plans/{id}/nodes/{nodeId}/merge",
    need: "plan.write",
    req: (t) => ({ url: `${node(t)}/merge` }),
  },
  {
    op: "POST /api/plans/{id}/confirm",
    need: "plan.write",
    req: (t) => ({ url: `/api/plans/${t.plan}/confirm` }),
  },
  {
    op: "POST /api/plans/{id}/discard",
    need: "plan.write",
    req: (t) => ({ url: `/api/plans/${t.plan}/discard` }),
  },
];

const STATS: Row[] = [
  {
    op: "POST /api/stats/import-jobs",
    need: "stats.write",
    req: () => ({
      url: `/api/stats/import-jobs${qs({ fileName: "矩阵.csv", year: YEAR })}`,
      body: "not a statistics file",
      headers: { "content-type": "application/octet-stream" },
    }),
  },
  {
    op: "POST /api/stats/imports",
    need: "stats.write",
    req: (t) => ({
      url: "/api/stats/imports",
      body: {
        fileName: "矩阵.csv",
        year: YEAR,
        contentBase64: Buffer.from(
          `学校标识码,学校名称,统计年度,小学在校生数\r\n${t.schoolCode},${t.schoolName},${YEAR},310\r\n`,
        ).toString("base64"),
      },
    }),
  },
  {
    op: "POST /api/stats/imports/{id}/undo",
    need: "stats.write",
    req: (t) => ({ url: `/api/stats/imports/${t.statsImport}/undo` }),
  },
  {
    op: "POST /api/indicators/custom/check",
    need: "stats.read",
    computes: true,
    req: () => ({ url: "/api/indicators/custom/check", body: { formula: "1 + 1" } }),
  },
  {
    op: "POST /api/indicators/custom",
    // stats.write, and only bureau staff define indicators (indicator-formula.ts)
    need: ["bureauPlanner"],
    req: () => ({
      url: "/api/indicators/custom",
      body: { code: `m-${fresh()}`, name: "矩阵指标", unit: "", formula: "1 + 1" },
    }),
  },
  {
    op: "PATCH /api/indicators/custom/{code}",
    need: ["bureauPlanner"],
    req: () => ({ url: "/api/indicators/custom/matrix-none", body: { active: false } }),
  },
];

const task = (t: Target) => `/api/tasks/${t.task}`;

const TASKS: Row[] = [
  {
    op: "POST /api/tasks/",
    need: "task.write",
    req: (t) => ({
      url: "/api/tasks/",
      body: {
        title: `${t.label}矩阵任务`,
        sourceKind: "meeting",
        leadUnitId: t.department,
        deadline: inDays(30),
      },
    }),
  },
  {
    op: "POST /api/tasks/batch",
    // the matrix plan is not confirmed: an allowed caller is told so (409), never served another county's
    need: "task.write",
    req: (t) => ({
      url: "/api/tasks/batch",
      body: {
        planId: t.plan,
        rows: [
          {
            planNodeId: t.planNode,
            title: `${t.label}矩阵批量任务`,
            leadUnitId: t.department,
            deadline: inDays(30),
          },
        ],
      },
    }),
    mixed: [
      (t, o) => ({
        url: "/api/tasks/batch",
        body: {
          planId: t.plan,
          rows: [{ planNodeId: t.planNode, title: "矩阵", leadUnitId: o.department, deadline: inDays(30) }],
        },
      }),
    ],
  },
  {
    op: "PATCH /api/tasks/{id}",
    need: "task.write",
    req: (t) => ({ url: task(t), body: { priority: "high", reason: "矩阵修改" } }),
    mixed: [(t, o) => ({ url: task(t), body: { coUnitIds: [o.department], reason: "矩阵改派" } })],
  },
  {
    op: "POST /api/tasks/{id}/sign-offs",
    // co-units sign; the matrix task names no co-unit, so every handling role is refused its own
    need: HANDLING,
    ownRefused: HANDLING,
    req: (t) => ({ url: `${task(t)}/sign-offs`, body: { verdict: "confirm" } }),
  },
  {
    op: "POST /api/tasks/{id}/reports",
    need: "task.report",
    req: (t) => ({
      url: `${task(t)}/reports`,
      body: { period: inDays(0).slice(0, 7), progress: 60, text: "矩阵进展" },
    }),
  },
  {
    op: "POST /api/tasks/{id}/instructions",
    // leaders instruct; a unit may only reply to an instruction (with replyTo), which this body is not
    need: ["leader"],
    req: (t) => ({ url: `${task(t)}/instructions`, body: { text: "抓紧落实" } }),
  },
  {
    op: "POST /api/tasks/{id}/adjustments",
    // the lead unit asks for an adjustment and the bureau decides (the ledger rules)
    need: UNIT_SCOPED,
    req: (t) => ({ url: `${task(t)}/adjustments`, body: { reason: "矩阵调整", newDeadline: inDays(90) } }),
  },
  {
    op: "POST /api/tasks/{id}/adjustments/decision",
    need: ["bureauPlanner", "bureauSupervisor"],
    req: (t) => ({ url: `${task(t)}/adjustments/decision`, body: { isApproved: false, comment: "不同意" } }),
  },
  {
    op: "POST /api/tasks/{id}/milestones/{milestoneId}/reached",
    // the lead unit (a unit or school user on the task its unit leads) and bureau staff; the matrix
    // task has no milestones, so an allowed caller gets a 404 for this synthetic one
    need: HANDLING,
    req: (t) => ({
      url: `${task(t)}/milestones/00000000-0000-4000-8000-000000000018/reached`,
      body: { reachedOn: inDays(0) },
    }),
  },
  {
    op: "POST /api/tasks/{id}/actions",
    need: HANDLING,
    req: (t) => ({ url: `${task(t)}/actions`, body: { action: "accept" } }),
  },
  {
    // last month is issued when the world is built: the own county's answer is a 409
    op: "POST /api/ledger/bulletins",
    need: "task.review",
    req: () => ({ url: "/api/ledger/bulletins", body: { month: inDays(-40).slice(0, 7) } }),
  },
  {
    op: "PUT /api/ledger/settings",
    need: "task.review",
    req: () => ({
      url: "/api/ledger/settings",
      body: {
        docPrefix: "矩阵督通",
        recipients: ["各责任单位"],
        interviewAfterWorkingDays: 5,
        assessment: {
          base: 100,
          defaultWeight: 1,
          taskWeights: {},
          deductions: { lateReport: 0.5, missingReport: 1, redLight: 2, overdueOpen: 3, interview: 5 },
        },
      },
    }),
  },
  {
    op: "POST /api/ledger/escalations",
    need: "task.review",
    req: () => ({ url: "/api/ledger/escalations" }),
  },
  {
    op: "POST /api/ledger/reminders",
    need: "task.review",
    req: () => ({ url: "/api/ledger/reminders", body: { month: inDays(0).slice(0, 7) } }),
  },
  {
    op: "POST /api/notifications/read",
    need: "authenticated",
    req: () => ({ url: "/api/notifications/read", body: { ids: ["00000000-0000-4000-8000-000000000022"] } }),
  },
  {
    op: "POST /api/notifications/read-all",
    need: "authenticated",
    req: () => ({ url: "/api/notifications/read-all" }),
  },
];

/** Every write, in the order the matrix runs them; logging out ends each account's run. */
export const WRITE_ROWS: readonly Row[] = [
  ...ACCOUNTS,
  ...PLANS,
  ...STATS,
  ...TASKS,
  ...EVALUATION_WRITE_ROWS,
  ...ADMIN_WRITE_ROWS,
  ...REGISTRY_WRITE_ROWS,
  ...ATTENDANCE_WRITE_ROWS,
  ...ENROLMENT_WRITE_ROWS,
  ...APPLICATION_WRITE_ROWS,
  ...AID_WRITE_ROWS,
  { op: "POST /api/auth/logout", need: "authenticated", req: () => ({ url: "/api/auth/logout" }) },
];
