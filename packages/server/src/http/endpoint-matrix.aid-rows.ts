/** The 学生资助 rows of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts). */
import { qs, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { YEAR } from "./endpoint-matrix.world.ts";

const xlsxLike = Buffer.from("not a return file").toString("base64");
/** A batch is the county's: a school reads its own pupils' applications, not the county's batches. */
const BATCH_WHY = ["schoolUser"] as const;

export const AID_READ_ROWS: readonly Row[] = [
  {
    op: "GET /api/aid/programmes",
    need: "aid.read",
    req: () => ({ url: `/api/aid/programmes${qs({ year: YEAR })}` }),
  },
  { op: "GET /api/aid/priority-lists", need: "aid.read", req: () => ({ url: "/api/aid/priority-lists" }) },
  {
    op: "GET /api/aid/applications",
    need: "aid.read",
    req: () => ({ url: "/api/aid/applications" }),
    mixed: [(_t, o) => ({ url: `/api/aid/applications${qs({ unitId: o.school })}` })],
  },
  {
    op: "GET /api/aid/applications/{id}",
    need: "aid.read",
    req: (t: Target) => ({ url: `/api/aid/applications/${t.aidApplication}` }),
  },
  { op: "GET /api/aid/publicities", need: "aid.read", req: () => ({ url: "/api/aid/publicities" }) },
  {
    op: "GET /api/aid/publicities/{id}",
    need: "aid.read",
    req: (t) => ({ url: `/api/aid/publicities/${t.aidPublicity}` }),
  },
  { op: "GET /api/aid/batches", need: "aid.read", req: () => ({ url: "/api/aid/batches" }) },
  {
    op: "GET /api/aid/batches/{id}",
    need: "aid.read",
    ownRefused: BATCH_WHY,
    req: (t) => ({ url: `/api/aid/batches/${t.aidBatch}` }),
  },
  {
    op: "GET /api/aid/monitor",
    need: "aid.read",
    req: () => ({ url: `/api/aid/monitor${qs({ year: YEAR })}` }),
  },
];

export const AID_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/aid/programmes",
    need: "aid.manage",
    req: () => ({
      url: "/api/aid/programmes",
      body: {
        schoolYear: YEAR,
        code: "LIV",
        name: "矩阵生活费补助",
        kind: "living",
        stages: ["primary"],
        target: "家庭经济困难学生",
        basis: "财教〔2021〕310号",
        quota: 1,
        budget: 1,
        tiers: [{ code: "A", label: "一档", amountPerTerm: 1 }],
      },
    }),
  },
  {
    op: "POST /api/aid/priority-lists",
    need: "aid.manage",
    req: () => ({
      url: "/api/aid/priority-lists",
      body: {
        fileName: "名单.csv",
        schoolYear: YEAR,
        source: "civil",
        preview: true,
        contentBase64: Buffer.from("身份证件号,姓名,类别\n").toString("base64"),
      },
    }),
  },
  {
    op: "POST /api/aid/applications",
    need: "aid.apply",
    req: (t) => ({
      url: "/api/aid/applications",
      body: {
        programmeId: t.aidProgramme,
        studentId: t.student,
        tier: "A",
        bankCard: "6222000000000000000",
        bankName: "测试银行",
        holder: "测试家长",
      },
    }),
  },
  {
    op: "POST /api/aid/applications/assessment",
    need: "aid.apply",
    req: (t) => ({
      url: "/api/aid/applications/assessment",
      body: { ids: [t.aidApplication], recommended: true, votesFor: 1, votesAgainst: 0 },
    }),
  },
  {
    op: "POST /api/aid/applications/{id}/bank",
    need: "aid.apply",
    req: (t) => ({
      url: `/api/aid/applications/${t.aidApplication}/bank`,
      body: { bankCard: "6222000000000000000", bankName: "测试银行", holder: "测试家长" },
    }),
  },
  {
    op: "POST /api/aid/applications/review",
    need: "aid.manage",
    req: (t) => ({ url: "/api/aid/applications/review", body: { ids: [t.aidApplication], approve: true } }),
  },
  {
    op: "POST /api/aid/publicities",
    need: "aid.apply",
    req: (t) => ({
      url: "/api/aid/publicities",
      body: { programmeId: t.aidProgramme, startsOn: "2099-01-05" },
    }),
  },
  {
    op: "POST /api/aid/publicities/{id}/objections",
    need: ["bureauSupervisor", "schoolUser"],
    req: (t) => ({ url: `/api/aid/publicities/${t.aidPublicity}/objections`, body: { text: "矩阵异议" } }),
  },
  {
    op: "POST /api/aid/publicities/{id}/objections/{objectionId}/answer",
    need: ["bureauSupervisor", "schoolUser"],
    req: (t) => ({
      url: `/api/aid/publicities/${t.aidPublicity}/objections/${t.aidObjection}/answer`,
      body: { answer: "矩阵答复" },
    }),
  },
  {
    op: "POST /api/aid/unaided-reasons",
    need: ["bureauSupervisor", "schoolUser"],
    req: (t) => ({
      url: "/api/aid/unaided-reasons",
      body: { studentId: t.student, schoolYear: YEAR, reason: "矩阵原因" },
    }),
  },
  {
    op: "POST /api/aid/batches",
    need: "aid.manage",
    req: (t) => ({ url: "/api/aid/batches", body: { programmeId: t.aidProgramme, term: 1 } }),
  },
  {
    op: "GET /api/aid/batches/{id}/bank-file.xlsx",
    need: "aid.bankfile",
    body: "xlsx",
    req: (t) => ({ url: `/api/aid/batches/${t.aidBatch}/bank-file.xlsx` }),
  },
  {
    op: "POST /api/aid/batches/{id}/return",
    need: "aid.manage",
    req: (t) => ({
      url: `/api/aid/batches/${t.aidBatch}/return`,
      body: { fileName: "回盘.csv", contentBase64: xlsxLike },
    }),
  },
  {
    op: "POST /api/aid/batches/{id}/reissue",
    need: "aid.manage",
    req: (t) => ({ url: `/api/aid/batches/${t.aidBatch}/reissue` }),
  },
];
