/** The 督导 rows of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts). */
import type { Row, Target } from "./endpoint-matrix.rows.ts";

const card = (t: Target, suffix = "") => ({ url: `/api/inspection/schools/${t.school}/card${suffix}` });

/** 督学 roster, the schools' 挂牌 cards. */
export const INSPECTION_READ_ROWS: readonly Row[] = [
  {
    op: "GET /api/inspection/inspectors",
    need: "inspection.read",
    req: () => ({ url: "/api/inspection/inspectors" }),
  },
  {
    op: "GET /api/inspection/schools",
    need: "inspection.read",
    req: () => ({ url: "/api/inspection/schools" }),
  },
  { op: "GET /api/inspection/schools/{id}/card", need: "inspection.read", req: (t) => card(t) },
  {
    op: "GET /api/inspection/schools/{id}/card.docx",
    need: "inspection.read",
    body: "docx",
    costly: true,
    req: (t) => card(t, ".docx"),
  },
  {
    op: "GET /api/inspection/checklists",
    need: "inspection.read",
    req: () => ({ url: "/api/inspection/checklists" }),
  },
  {
    op: "GET /api/inspection/checklists/{id}",
    need: "inspection.read",
    req: (t) => ({ url: `/api/inspection/checklists/${t.checklist}` }),
    denied: [404],
  },
  {
    op: "GET /api/inspection/visits",
    need: "inspection.read",
    req: () => ({ url: "/api/inspection/visits" }),
  },
  {
    op: "GET /api/inspection/visits/{id}",
    need: "inspection.read",
    req: (t) => ({ url: `/api/inspection/visits/${t.visit}` }),
    denied: [404],
  },
  {
    op: "GET /api/inspection/photos/{id}",
    need: "inspection.read",
    body: "file",
    req: (t) => ({ url: `/api/inspection/photos/${t.photo}` }),
    denied: [404],
  },
  {
    op: "GET /api/inspection/notices/{id}/docx",
    need: "inspection.read",
    body: "docx",
    costly: true,
    req: (t) => ({ url: `/api/inspection/notices/${t.notice}/docx` }),
    denied: [404],
  },
];

/** The 督导室's and the 督学's writes. */
export const INSPECTION_WRITE_ROWS: readonly Row[] = [
  {
    op: "PUT /api/inspection/inspectors/{id}",
    need: "inspection.manage",
    // the side's spare account is a school user, not a 督学: the own-county write is refused (400)
    req: (t) => ({
      url: `/api/inspection/inspectors/${t.user}`,
      body: { kind: "partTime", zoneName: "矩阵责任区", phone: "", duties: "", schoolIds: [t.school] },
    }),
  },
  {
    op: "POST /api/inspection/checklists/imports",
    need: "inspection.manage",
    req: () => ({
      url: "/api/inspection/checklists/imports",
      body: {
        fileName: "检查表.csv",
        code: "matrix",
        title: "矩阵检查表",
        kind: "safety",
        preview: true,
        contentBase64: Buffer.from("编号,类别,检查内容,评判方式\nM1,消防,通道畅通,是否\n").toString("base64"),
      },
    }),
  },
  {
    op: "POST /api/inspection/visits",
    need: "inspection.visit",
    req: (t) => ({
      url: "/api/inspection/visits",
      body: {
        schoolId: t.school,
        checklistId: t.checklist,
        visitedOn: "2020-09-01",
        clientKey: "matrix-visit-1",
        answers: [],
        findings: [],
        photos: [],
      },
    }),
    mixed: [
      (t, o) => ({
        url: "/api/inspection/visits",
        body: {
          schoolId: t.school,
          checklistId: o.checklist,
          visitedOn: "2020-09-01",
          clientKey: "matrix-visit-2",
          answers: [],
          findings: [],
          photos: [],
        },
      }),
    ],
  },
  {
    op: "POST /api/inspection/visits/{id}/notice",
    need: "inspection.visit",
    // the planted visit's notice is issued, and by another 督学: refused either way
    ownRefused: ["inspector"],
    req: (t) => ({ url: `/api/inspection/visits/${t.visit}/notice` }),
    denied: [404],
  },
  {
    op: "POST /api/inspection/findings/{id}/recheck",
    need: "inspection.visit",
    // the school has not asked for 销号: nothing to 复查 yet
    ownRefused: ["inspector"],
    req: (t) => ({ url: `/api/inspection/findings/${t.finding}/recheck`, body: { result: "passed" } }),
    denied: [404],
  },
];
