/**
 * The rows of the endpoint × role matrix (endpoint-matrix.test.ts): one per operation of
 * /api/openapi.json, keyed "METHOD /path" exactly as the document spells it ("GET /api/tasks/{id}").
 *
 * Adding an endpoint? The matrix fails until it has a row here. Add one to the list of its area:
 *   - `op`: the operation's key as the failure message prints it.
 *   - `need`: "public" (no session), "authenticated" (any signed-in role), a permission the service
 *     authorizes (roles without it must get 403), or the exact list of roles the rule lets through.
 *   - `req(t)`: the request against one county's records as one role sees them. `t` holds the unit the
 *     role works for (`t.home`: the county for area staff, its own unit for unit and school users), the
 *     county, school, planted task, plan, scenario … of that side (see `Side` in endpoint-matrix.world.ts).
 *     The test calls it with the role's own county, with the other county, and with the city above
 *     (`home`/`county` = 平凉市), and checks that no 2xx answer carries the other county's identifiers.
 *     Path ids, query and body must be valid (validation answers 400 before the session check).
 *   - `mixed`: requests on the own county naming the other county's records in a filter or body field.
 *   - `denied`: statuses a role without `need` may get when not 403 (a 404 for records it cannot see).
 *   - `ownRefused`: roles that hold `need` yet are refused their own county's request, with the reason.
 *   - `body`: "xlsx"/"docx" answers are unzipped and their XML scanned; "csv"/"json" scanned as text;
 *     "file" (an upload served back as is) is checked by status and content type only.
 *   - `scan: false` with `why`: the answer is installation-wide by design (say why in `why`).
 *   - writes: own-county calls may answer anything but 5xx; rows run reads first, then writes in list
 *     order, so put a write that destroys its record (delete, discard, logout) after those that use it.
 */
import { ROLES, type Permission, type Role } from "@luoshi/domain/auth";
import type { Side } from "./endpoint-matrix.world.ts";
import { YEAR } from "./endpoint-matrix.world.ts";

/** One side's records as one role addresses them. */
export interface Target extends Side {
  /** The unit the role works for: the county for area staff, the own unit for unit and school users. */
  home: string;
  /** The task the role's unit leads (area staff: the department's). */
  task: string;
  /** The attachment of that task's report. */
  attachment: string;
}

/** A request the matrix sends. */
export interface MatrixRequest {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Who may call an operation. */
export type Need = "public" | "authenticated" | Permission | readonly Role[];

/** One operation of the API and how to probe it. */
export interface Row {
  op: string;
  need: Need;
  req: (t: Target) => MatrixRequest;
  denied?: readonly number[];
  ownRefused?: readonly Role[];
  body?: "json" | "csv" | "xlsx" | "docx" | "file";
  scan?: false;
  why?: string;
  /**
   * A slow answer (a rendered report): its own-county request is made by one account per side and scope
   * kind, not by every role that shares that scope; cross-county and city requests still go out for all.
   */
  costly?: true;
  /**
   * Requests on the own county that name the other county in a filter or a body field (`o`): a filter
   * may narrow the scope, never widen it. Judged like the other-county request.
   */
  mixed?: readonly ((t: Target, o: Target) => MatrixRequest)[];
  /** A POST that computes and changes nothing: judged like a read (its answer may be 2xx). */
  computes?: true;
}

/** "?a=1&b=2" from the defined entries. */
export const qs = (params: Record<string, string | number | undefined>): string => {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
  return entries.length === 0
    ? ""
    : `?${entries.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join("&")}`;
};

/** A China date `n` days from today. */
export const inDays = (n: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const month = () => inDays(0).slice(0, 7);
const unitYear = (t: Target) => qs({ orgUnitId: t.home, year: YEAR });
/** County records (plans, scenarios, evidence) lie outside the subtree of a unit or school user. */
export const UNIT_SCOPED: readonly Role[] = ["unitUser", "schoolUser"];

const SYSTEM: Row[] = [
  { op: "GET /api/health", need: "public", req: () => ({ url: "/api/health" }) },
  { op: "GET /api/auth/csrf", need: "public", req: () => ({ url: "/api/auth/csrf" }) },
  { op: "GET /api/auth/me", need: "authenticated", req: () => ({ url: "/api/auth/me" }) },
  { op: "GET /api/auth/totp", need: "authenticated", req: () => ({ url: "/api/auth/totp" }) },
  {
    op: "GET /api/org-units/",
    need: "org.read",
    req: (t) => ({ url: `/api/org-units/${qs({ parentId: t.home })}` }),
    mixed: [
      (_t, o) => ({ url: `/api/org-units/${qs({ q: o.label, pageSize: 100 })}` }),
      (_t, o) => ({ url: `/api/org-units/${qs({ q: o.schoolCode, kind: "school" })}` }),
    ],
  },
  { op: "GET /api/org-units/{id}", need: "org.read", req: (t) => ({ url: `/api/org-units/${t.home}` }) },
  { op: "GET /api/users/", need: "user.read", req: () => ({ url: "/api/users/?pageSize=200" }) },
  {
    op: "GET /api/audit/",
    need: "audit.read",
    req: (t) => ({ url: `/api/audit/${qs({ entityId: t.task })}` }),
  },
  {
    op: "GET /api/audit/export.csv",
    need: "audit.export",
    req: (t) => ({ url: `/api/audit/export.csv${qs({ entityId: t.task })}` }),
    body: "csv",
  },
];

const PLANS_READ: Row[] = [
  { op: "GET /api/plans/", need: "plan.read", req: () => ({ url: "/api/plans/" }) },
  {
    op: "GET /api/plans/unit-name-rules",
    need: "plan.read",
    req: () => ({ url: "/api/plans/unit-name-rules" }),
  },
  ...(["", "/source", "/diff"] as const).map((sub): Row => ({
    op: `GET /api/plans/{id}${sub}`,
    need: "plan.read",
    req: (t) => ({ url: `/api/plans/${t.plan}${sub}` }),
    ownRefused: UNIT_SCOPED,
  })),
  {
    op: "GET /api/plans/{id}/export.xlsx",
    costly: true,
    ownRefused: UNIT_SCOPED,
    need: "plan.read",
    req: (t) => ({ url: `/api/plans/${t.plan}/export.xlsx` }),
    body: "xlsx",
  },
  {
    op: "GET /api/plans/{id}/adoption",
    need: "plan.read",
    req: (t) => ({ url: `/api/plans/${t.higherPlan}/adoption` }),
    ownRefused: UNIT_SCOPED,
  },
  {
    op: "GET /api/plans/{id}/report",
    need: "plan.read",
    req: (t) => ({ url: `/api/plans/${t.adoptionPlan}/report${qs({ year: YEAR })}` }),
    ownRefused: UNIT_SCOPED,
  },
  {
    op: "GET /api/plans/{id}/report.docx",
    costly: true,
    need: "plan.read",
    req: (t) => ({ url: `/api/plans/${t.adoptionPlan}/report.docx${qs({ year: YEAR })}` }),
    ownRefused: UNIT_SCOPED,
    body: "docx",
  },
  {
    op: "GET /api/plans/{id}/implementation-report.docx",
    costly: true,
    need: "plan.read",
    req: (t) => ({ url: `/api/plans/${t.higherPlan}/implementation-report.docx${qs({ year: YEAR })}` }),
    ownRefused: UNIT_SCOPED,
    body: "docx",
  },
];

const STATS_READ: Row[] = [
  { op: "GET /api/stats/imports", need: "stats.read", req: () => ({ url: "/api/stats/imports" }) },
  {
    op: "GET /api/stats/import-jobs/{id}",
    ownRefused: ROLES.filter((r) => r !== "bureauPlanner"),
    need: "authenticated",
    req: (t) => ({ url: `/api/stats/import-jobs/${t.importJob}` }),
    // only the account that started a job sees it; anyone else gets 404, never 403
  },
  {
    op: "GET /api/stats/template.xlsx",
    costly: true,
    need: "stats.read",
    req: () => ({ url: "/api/stats/template.xlsx" }),
    body: "xlsx",
  },
  { op: "GET /api/indicators", need: "stats.read", req: (t) => ({ url: `/api/indicators${unitYear(t)}` }) },
  {
    op: "GET /api/indicators/series",
    need: "stats.read",
    req: (t) => ({ url: `/api/indicators/series${qs({ orgUnitId: t.home, from: YEAR - 1, to: YEAR })}` }),
  },
  {
    op: "GET /api/indicators/children",
    need: "stats.read",
    req: (t) => ({ url: `/api/indicators/children${unitYear(t)}` }),
  },
  {
    op: "GET /api/indicators/distribution",
    need: "stats.read",
    req: (t) => ({
      url: `/api/indicators/distribution${qs({ orgUnitId: t.home, year: YEAR, code: "student-teacher-ratio-primary" })}`,
    }),
  },
  {
    op: "GET /api/indicators/table.xlsx",
    costly: true,
    need: "stats.read",
    req: (t) => ({ url: `/api/indicators/table.xlsx${qs({ orgUnitId: t.home, from: YEAR, to: YEAR })}` }),
    body: "xlsx",
  },
  {
    op: "GET /api/targets/monitor",
    need: "stats.read",
    req: (t) => ({ url: `/api/targets/monitor${unitYear(t)}` }),
  },
  {
    op: "GET /api/indicators/catalogue",
    need: "stats.read",
    req: () => ({ url: "/api/indicators/catalogue" }),
  },
];

/** The ledger's bureau documents: task readers of the bureau, not unit or school accounts (403). */
const BUREAU_READERS: readonly Role[] = ["bureauPlanner", "bureauSupervisor", "inspector", "leader"];
const previousMonth = () => {
  const [y, m] = month().split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
};
const thisYear = () => Number(inDays(0).slice(0, 4));

const ISSUE_READS: Row[] = [
  { op: "GET /api/ledger/bulletins", need: BUREAU_READERS, req: () => ({ url: "/api/ledger/bulletins" }) },
  {
    op: "GET /api/ledger/bulletins/draft",
    costly: true,
    need: BUREAU_READERS,
    req: () => ({ url: `/api/ledger/bulletins/draft?month=${previousMonth()}` }),
  },
  {
    op: "GET /api/ledger/bulletins/{id}",
    need: BUREAU_READERS,
    denied: [404],
    req: (t) => ({ url: `/api/ledger/bulletins/${t.bulletin}` }),
  },
  {
    op: "GET /api/ledger/bulletins/{id}/docx",
    need: BUREAU_READERS,
    denied: [404],
    body: "docx",
    req: (t) => ({ url: `/api/ledger/bulletins/${t.bulletin}/docx` }),
  },
  { op: "GET /api/ledger/settings", need: BUREAU_READERS, req: () => ({ url: "/api/ledger/settings" }) },
  {
    op: "GET /api/ledger/assessment",
    costly: true,
    need: BUREAU_READERS,
    req: () => ({ url: `/api/ledger/assessment?year=${String(thisYear())}` }),
  },
  {
    op: "GET /api/ledger/assessment.xlsx",
    costly: true,
    need: BUREAU_READERS,
    body: "xlsx",
    req: () => ({ url: `/api/ledger/assessment.xlsx?year=${String(thisYear())}` }),
  },
  {
    op: "GET /api/ledger/assessment.docx",
    costly: true,
    need: BUREAU_READERS,
    body: "docx",
    req: () => ({ url: `/api/ledger/assessment.docx?year=${String(thisYear())}` }),
  },
  {
    op: "GET /api/tasks/{id}/notice.docx",
    costly: true,
    need: "task.read",
    body: "docx",
    req: (t) => ({ url: `/api/tasks/${t.task}/notice.docx` }),
  },
  {
    op: "GET /api/tasks/{id}/urge.docx",
    costly: true,
    need: "task.read",
    body: "docx",
    req: (t) => ({ url: `/api/tasks/${t.task}/urge.docx` }),
  },
];

const TASKS_READ: Row[] = [
  {
    op: "GET /api/tasks/",
    need: "task.read",
    req: (t) => ({ url: `/api/tasks/${qs({ unitId: t.home })}` }),
    mixed: [
      (_t, o) => ({ url: `/api/tasks/${qs({ planId: o.plan })}` }),
      (_t, o) => ({ url: `/api/tasks/${qs({ q: o.label })}` }),
      (_t, o) => ({ url: `/api/tasks/${qs({ unitId: o.department, mine: "false" })}` }),
    ],
  },
  {
    op: "GET /api/tasks/export.xlsx",
    costly: true,
    need: "task.read",
    req: (t) => ({ url: `/api/tasks/export.xlsx${qs({ unitId: t.home })}` }),
    mixed: [(_t, o) => ({ url: `/api/tasks/export.xlsx${qs({ planId: o.plan, q: o.label })}` })],
    body: "xlsx",
  },
  { op: "GET /api/tasks/{id}", need: "task.read", req: (t) => ({ url: `/api/tasks/${t.task}` }) },
  {
    op: "GET /api/ledger/dispatch",
    need: "task.read",
    req: () => ({ url: `/api/ledger/dispatch?month=${month()}` }),
  },
  {
    op: "GET /api/ledger/bulletin",
    need: "task.read",
    req: () => ({ url: `/api/ledger/bulletin?month=${month()}` }),
  },
  {
    op: "GET /api/ledger/bulletin.docx",
    costly: true,
    need: "task.read",
    req: () => ({ url: `/api/ledger/bulletin.docx?month=${month()}` }),
    body: "docx",
  },
  {
    op: "GET /api/ledger/scoreboard",
    need: "task.read",
    req: () => ({ url: `/api/ledger/scoreboard?year=${new Date().getUTCFullYear()}` }),
  },
  ...ISSUE_READS,
  {
    op: "GET /api/attachments/{id}",
    need: "task.read",
    req: (t) => ({ url: `/api/attachments/${t.attachment}` }),
    body: "file",
  },
  // 消息 are the user's own (addressed to its unit, or to the reviewers of its area)
  { op: "GET /api/notifications", need: "authenticated", req: () => ({ url: "/api/notifications" }) },
  {
    op: "GET /api/notifications/unread-count",
    need: "authenticated",
    req: () => ({ url: "/api/notifications/unread-count" }),
  },
  { op: "GET /api/workbench", need: "task.read", req: () => ({ url: "/api/workbench" }) },
];

/** Evaluations judge an area: a 责任单位 or school user's own unit is refused (400, naming it). */
const NOT_AREAS = UNIT_SCOPED;

const balance = (t: Target) => qs({ orgUnitId: t.home, year: YEAR });

const EVALUATIONS_READ: Row[] = [
  {
    op: "GET /api/evaluations/balance",
    ownRefused: NOT_AREAS,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/balance${balance(t)}` }),
  },
  {
    op: "GET /api/evaluations/balance/explain",
    ownRefused: NOT_AREAS,
    need: "evaluation.read",
    req: (t) => ({
      url: `/api/evaluations/balance/explain${balance(t)}&level=primary&indicator=qualifiedTeachers`,
    }),
  },
  {
    op: "GET /api/evaluations/balance/school",
    ownRefused: NOT_AREAS,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/balance/school${balance(t)}&code=${t.schoolCode}&part=primary` }),
    mixed: [
      (t, o) => ({ url: `/api/evaluations/balance/school${balance(t)}&code=${o.schoolCode}&part=primary` }),
    ],
  },
  {
    op: "GET /api/evaluations/balance/unit-costs",
    need: "evaluation.read",
    req: () => ({ url: "/api/evaluations/balance/unit-costs" }),
  },
  {
    op: "GET /api/evaluations/balance/report.xlsx",
    costly: true,
    ownRefused: NOT_AREAS,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/balance/report.xlsx${balance(t)}` }),
    body: "xlsx",
  },
  {
    op: "GET /api/evaluations/balance/report.docx",
    ownRefused: NOT_AREAS,
    costly: true,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/balance/report.docx${balance(t)}` }),
    body: "docx",
  },
  {
    op: "GET /api/evaluations/scenarios",
    ownRefused: NOT_AREAS,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/scenarios${qs({ orgUnitId: t.home })}` }),
  },
  {
    op: "GET /api/evaluations/scenarios/{id}",
    ownRefused: UNIT_SCOPED,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/scenarios/${t.scenario}` }),
  },
  ...(["government", "quality", "recognition", "overall", "preschool"] as const).map((part): Row => ({
    op: `GET /api/evaluations/${part}`,
    ownRefused: NOT_AREAS,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/${part}${balance(t)}` }),
  })),
  {
    op: "GET /api/evaluations/basic-balance/history",
    ownRefused: NOT_AREAS,
    need: "evaluation.read",
    req: (t) => ({
      url: `/api/evaluations/basic-balance/history${qs({ orgUnitId: t.home, from: YEAR - 1, to: YEAR })}`,
    }),
  },
  {
    op: "GET /api/evaluations/evidence/{id}",
    ownRefused: UNIT_SCOPED,
    need: "evaluation.read",
    req: (t) => ({ url: `/api/evaluations/evidence/${t.evidence}` }),
    body: "file",
  },
];

/** Every read of the API, in the order the matrix runs them (before any write). */
export const READ_ROWS: readonly Row[] = [
  ...SYSTEM,
  ...PLANS_READ,
  ...STATS_READ,
  ...TASKS_READ,
  ...EVALUATIONS_READ,
];
