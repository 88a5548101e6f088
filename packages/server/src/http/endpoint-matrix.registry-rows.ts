/** The 学籍 rows of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts). */
import { inDays, qs, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { YEAR } from "./endpoint-matrix.world.ts";
import { registryImportBody } from "./endpoint-matrix.world-registry.ts";

export const REGISTRY_READ_ROWS: readonly Row[] = [
  { op: "GET /api/registry/imports", need: "pupil.read", req: () => ({ url: "/api/registry/imports" }) },
  {
    op: "GET /api/registry/students",
    need: "pupil.read",
    req: (t) => ({ url: `/api/registry/students${qs({ unitId: t.home })}` }),
    mixed: [(_t, o) => ({ url: `/api/registry/students${qs({ unitId: o.school })}` })],
  },
  {
    op: "GET /api/registry/students/{id}",
    need: "pupil.read",
    req: (t: Target) => ({ url: `/api/registry/students/${t.student}` }),
    denied: [404],
  },
  { op: "GET /api/registry/movements", need: "pupil.read", req: () => ({ url: "/api/registry/movements" }) },
  {
    op: "GET /api/registry/cross-check",
    need: "pupil.read",
    req: () => ({ url: `/api/registry/cross-check${qs({ year: YEAR })}` }),
  },
];

/** The 控辍保学 reads: the 适龄 list, cases, 动态监测 and the monthly report. */
export const DROPOUT_READ_ROWS: readonly Row[] = [
  { op: "GET /api/dropout/school-age", need: "pupil.read", req: () => ({ url: "/api/dropout/school-age" }) },
  { op: "GET /api/dropout/cases", need: "pupil.read", req: () => ({ url: "/api/dropout/cases" }) },
  {
    op: "GET /api/dropout/cases/{id}",
    need: "pupil.read",
    req: (t) => ({ url: `/api/dropout/cases/${t.dropoutCase}` }),
    denied: [404],
  },
  { op: "GET /api/dropout/monitor", need: "pupil.read", req: () => ({ url: "/api/dropout/monitor" }) },
  {
    op: "GET /api/dropout/report",
    need: "pupil.read",
    req: () => ({ url: `/api/dropout/report${qs({ month: inDays(0).slice(0, 7) })}` }),
  },
  {
    op: "GET /api/dropout/report.docx",
    need: "pupil.read",
    costly: true,
    body: "docx",
    req: () => ({ url: `/api/dropout/report.docx${qs({ month: inDays(0).slice(0, 7) })}` }),
  },
];

const caseUrl = (t: Target, sub = "") => `/api/dropout/cases/${t.dropoutCase}${sub}`;

export const REGISTRY_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/registry/imports",
    need: "pupil.write",
    req: (t) => ({
      url: "/api/registry/imports",
      body: registryImportBody(YEAR, t.schoolCode, "62089920120419143", true),
    }),
  },
  {
    op: "POST /api/registry/students/{id}/unmask",
    need: "pupil.unmasked",
    req: (t) => ({ url: `/api/registry/students/${t.student}/unmask`, body: { reason: "矩阵核对学籍" } }),
    denied: [404],
  },
  {
    op: "POST /api/dropout/school-age/imports",
    need: "pupil.write",
    ownRefused: ["schoolUser"],
    req: () => ({
      url: "/api/dropout/school-age/imports",
      body: {
        fileName: "适龄儿童.csv",
        schoolYear: YEAR,
        source: "police",
        preview: true,
        contentBase64: Buffer.from("身份证件号,姓名,性别,出生日期,乡镇,村\n").toString("base64"),
      },
    }),
  },
  {
    op: "POST /api/dropout/cases",
    need: "pupil.write",
    denied: [404],
    req: (t) => ({ url: "/api/dropout/cases", body: { studentId: t.student, cause: "dropout" } }),
  },
  {
    op: "PATCH /api/dropout/cases/{id}",
    need: "pupil.write",
    denied: [404],
    req: (t) => ({ url: caseUrl(t), body: { plan: "矩阵核对帮扶方案" } }),
  },
  {
    op: "POST /api/dropout/cases/{id}/steps",
    need: "pupil.write",
    denied: [404],
    req: (t) => ({ url: caseUrl(t, "/steps"), body: { kind: "homeVisit" } }),
  },
  {
    op: "POST /api/dropout/cases/{id}/steps/{stepId}/record",
    need: "pupil.write",
    denied: [404],
    req: (t) => ({
      url: caseUrl(t, "/steps/00000000-0000-4000-8000-000000000000/record"),
      body: { doneOn: inDays(0), note: "矩阵登记" },
    }),
  },
  {
    op: "POST /api/dropout/cases/{id}/close",
    need: "dropout.verify",
    denied: [404],
    req: (t) => ({ url: caseUrl(t, "/close"), body: {} }),
  },
  {
    op: "POST /api/dropout/cases/{id}/unmask",
    need: "pupil.unmasked",
    denied: [404],
    req: (t) => ({ url: caseUrl(t, "/unmask"), body: { reason: "矩阵核对案件" } }),
  },
];

const DAY = "2024-11-08";
const RULE_PARAMS = {
  consecutiveDays: 3,
  monthDays: 5,
  transferDays: 10,
  windowDays: 20,
  rateBelow: 0.88,
  dropAtLeast: 0.05,
  cutoff: "10:00",
};

/** 日考勤、日报告 and risk flags. */
export const ATTENDANCE_READ_ROWS: readonly Row[] = [
  {
    op: "GET /api/attendance/day",
    need: "pupil.read",
    req: (t) => ({ url: `/api/attendance/day${qs({ date: DAY, unitId: t.home })}` }),
    mixed: [(_t, o) => ({ url: `/api/attendance/day${qs({ date: DAY, unitId: o.school })}` })],
  },
  {
    op: "GET /api/attendance/sheet",
    need: "pupil.read",
    req: (t) => ({ url: `/api/attendance/sheet${qs({ date: DAY, unitId: t.school })}` }),
    mixed: [(_t, o) => ({ url: `/api/attendance/sheet${qs({ date: DAY, unitId: o.school })}` })],
  },
  {
    op: "GET /api/attendance/absences",
    need: "pupil.read",
    req: (t) => ({ url: `/api/attendance/absences${qs({ date: DAY, unitId: t.home })}` }),
    mixed: [(_t, o) => ({ url: `/api/attendance/absences${qs({ date: DAY, unitId: o.school })}` })],
  },
  {
    op: "GET /api/attendance/flags",
    need: "pupil.read",
    req: (t) => ({ url: `/api/attendance/flags${qs({ unitId: t.home })}` }),
    mixed: [(_t, o) => ({ url: `/api/attendance/flags${qs({ unitId: o.school })}` })],
  },
  {
    op: "GET /api/attendance/rules",
    need: "pupil.read",
    req: (t) => ({ url: `/api/attendance/rules${qs({ unitId: t.home })}` }),
  },
];

export const ATTENDANCE_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/attendance/reports",
    need: "pupil.write",
    req: (t) => ({
      url: "/api/attendance/reports",
      body: { unitId: t.school, date: DAY, absences: [{ studentId: t.student, reason: "sick" }] },
    }),
    mixed: [
      (t, o) => ({
        url: "/api/attendance/reports",
        body: { unitId: t.school, date: DAY, absences: [{ studentId: o.student, reason: "sick" }] },
      }),
      (_t, o) => ({ url: "/api/attendance/reports", body: { unitId: o.school, date: DAY, absences: [] } }),
    ],
  },
  {
    op: "POST /api/attendance/chase",
    need: "pupil.write",
    req: (t) => ({ url: "/api/attendance/chase", body: { date: DAY, unitId: t.home } }),
  },
  {
    op: "POST /api/attendance/flags/evaluate",
    need: "pupil.write",
    req: (t) => ({ url: "/api/attendance/flags/evaluate", body: { date: DAY, unitId: t.home } }),
  },
  {
    op: "PUT /api/attendance/rules",
    need: "pupil.unmasked",
    req: (t) => ({ url: "/api/attendance/rules", body: { unitId: t.home, params: RULE_PARAMS } }),
  },
];
