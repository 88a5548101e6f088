/** The 招生入学 rows of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts). */
import { qs, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { idNumberCheckChar } from "@luoshi/domain/pii";
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

/** A synthetic 身份证件号 (行政区划 110105, born 2019-01-01) with its check character. */
const CHILD_ID = `11010520190101001${idNumberCheckChar("11010520190101001")}`;
const NO_APPLICATION = "00000000-0000-4000-8000-000000000017";
const documents = {
  hukou: true,
  property: true,
  lease: false,
  residencePermit: false,
  socialMonths: 0,
  sibling: false,
  policy: false,
};

/** 报名 reads: masked lists within scope (a school its own), the 类别 rules. */
export const APPLICATION_READ_ROWS: readonly Row[] = [
  {
    op: "GET /api/enrolment/applications",
    need: "pupil.read",
    req: (t) => ({ url: `/api/enrolment/applications${qs({ year: YEAR, unitId: t.home })}` }),
    mixed: [(_t, o) => ({ url: `/api/enrolment/applications${qs({ year: YEAR, unitId: o.school })}` })],
  },
  {
    op: "GET /api/enrolment/lottery",
    need: "pupil.read",
    req: () => ({ url: `/api/enrolment/lottery${qs({ year: YEAR })}` }),
  },
  {
    op: "GET /api/enrolment/category-rules",
    need: "org.read",
    req: () => ({ url: "/api/enrolment/category-rules" }),
  },
];

/** 报名 writes: entered and decided by schools and the bureau within scope; rules by the bureau. */
export const APPLICATION_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/enrolment/applications/imports",
    need: "pupil.write",
    req: (t) => ({
      url: "/api/enrolment/applications/imports",
      body: {
        fileName: "报名.csv",
        schoolYear: YEAR,
        preview: true,
        contentBase64: Buffer.from(
          `报名学校,姓名,身份证件号\n${t.schoolCode},测试儿童,${CHILD_ID}\n`,
        ).toString("base64"),
      },
    }),
  },
  {
    op: "POST /api/enrolment/applications",
    need: "pupil.write",
    req: (t) => ({
      url: "/api/enrolment/applications",
      body: { schoolYear: YEAR, unitId: t.school, name: "测试儿童", idNumber: CHILD_ID, documents },
    }),
    mixed: [
      (_t, o) => ({
        url: "/api/enrolment/applications",
        body: { schoolYear: YEAR, unitId: o.school, name: "测试儿童", idNumber: CHILD_ID, documents },
      }),
    ],
  },
  {
    op: "POST /api/enrolment/applications/{id}/decision",
    need: "pupil.write",
    denied: [404],
    req: () => ({
      url: `/api/enrolment/applications/${NO_APPLICATION}/decision`,
      body: { decision: "approved", reason: "材料齐全" },
    }),
  },
  {
    op: "POST /api/enrolment/applications/{id}/reveal",
    need: "pupil.unmasked",
    denied: [404],
    req: () => ({
      url: `/api/enrolment/applications/${NO_APPLICATION}/reveal`,
      body: { reason: "核对材料" },
    }),
  },
  {
    op: "PUT /api/enrolment/category-rules",
    need: "enrolment.manage",
    req: () => ({
      url: "/api/enrolment/category-rules",
      body: {
        categories: [
          { code: "A", label: "户籍与房产均在片区", when: [[{ doc: "hukou" }, { doc: "property" }]] },
          { code: "B", label: "其他", when: [[]] },
        ],
      },
    }),
  },
  {
    op: "POST /api/enrolment/lottery/freeze",
    need: "enrolment.manage",
    req: () => ({ url: "/api/enrolment/lottery/freeze", body: { schoolYear: YEAR } }),
  },
  {
    op: "POST /api/enrolment/lottery/draw",
    need: "enrolment.manage",
    req: () => ({
      url: "/api/enrolment/lottery/draw",
      body: { schoolYear: YEAR, entropy: "双色球：3 11 19 24 27 31 9" },
    }),
  },
  {
    op: "POST /api/enrolment/classes/preview",
    need: "enrolment.manage",
    req: (t) => ({
      url: "/api/enrolment/classes/preview",
      body: { schoolYear: YEAR, schoolCode: t.schoolCode, classCount: 2, teachers: [] },
    }),
  },
];
