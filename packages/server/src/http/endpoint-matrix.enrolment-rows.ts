/** The 招生入学 rows of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts). */
import { qs, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { YEAR } from "./endpoint-matrix.world.ts";

const catchmentFile = (t: Target) =>
  Buffer.from(
    `学校,学段,乡镇（街道）,社区/小区/村,招生计划\n${t.schoolCode},小学,城关镇,矩阵测试社区,45\n`,
    "utf8",
  ).toString("base64");

/** 学区: read by everyone who reads org units, within scope (a school its own catchment). */
export const ENROLMENT_READ_ROWS: readonly Row[] = [
  {
    op: "GET /api/enrolment/catchments",
    need: "org.read",
    req: () => ({ url: `/api/enrolment/catchments${qs({ year: YEAR })}` }),
  },
  {
    op: "GET /api/enrolment/catchments/compare",
    need: "org.read",
    req: () => ({ url: `/api/enrolment/catchments/compare${qs({ year: YEAR })}` }),
  },
];

/** 学区 writes: the bureau's (enrolment.manage), for its own county's schools. */
export const ENROLMENT_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/enrolment/catchments/imports",
    need: "enrolment.manage",
    req: (t) => ({
      url: "/api/enrolment/catchments/imports",
      body: { fileName: "片区.csv", schoolYear: YEAR, preview: true, contentBase64: catchmentFile(t) },
    }),
  },
  {
    op: "PUT /api/enrolment/catchments/{schoolId}",
    need: "enrolment.manage",
    denied: [404],
    req: (t) => ({
      url: `/api/enrolment/catchments/${t.school}`,
      body: {
        schoolYear: YEAR,
        stage: "primary",
        multiGroup: null,
        feederId: null,
        seats: 45,
        units: [
          { township: "城关镇", name: "矩阵测试社区", kind: "community", street: null, from: null, to: null },
        ],
      },
    }),
  },
];
