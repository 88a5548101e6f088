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
];

/** The 督导室's writes. */
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
];
