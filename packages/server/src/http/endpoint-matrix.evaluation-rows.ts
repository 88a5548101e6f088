/**
 * The evaluation writes of the endpoint × role matrix (how to add a row: endpoint-matrix.rows.ts); they run
 * after the ledger's writes, in list order (see endpoint-matrix.write-rows.ts).
 */
import { UNIT_SCOPED, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { YEAR } from "./endpoint-matrix.world.ts";
import { PDF } from "./evaluations/supervision-test-world.ts";

const countyYear = (t: Target) => ({ orgUnitId: t.home, year: YEAR });
const scenario = (t: Target) => `/api/evaluations/scenarios/${t.scenario}`;
const attestation = (t: Target) => `/api/evaluations/attestations/${t.attestation}`;

/** Writes of the evaluations: scenarios, attestations, evidence and reviews. */
export const EVALUATION_WRITE_ROWS: readonly Row[] = [
  {
    op: "POST /api/evaluations/balance/pass-plan",
    ownRefused: UNIT_SCOPED, // an evaluation judges an area, never a 责任单位 or a school
    need: "evaluation.read",
    computes: true,
    req: (t) => ({ url: "/api/evaluations/balance/pass-plan", body: countyYear(t) }),
  },
  {
    op: "POST /api/evaluations/scenarios/evaluate",
    ownRefused: UNIT_SCOPED,
    need: "evaluation.read",
    computes: true,
    req: (t) => ({ url: "/api/evaluations/scenarios/evaluate", body: { ...countyYear(t), changes: [] } }),
    mixed: [
      (t, o) => ({
        url: "/api/evaluations/scenarios/evaluate",
        body: {
          ...countyYear(t),
          changes: [
            { kind: "add", schoolCode: o.schoolCode, field: "students", level: "primary", amount: 10 },
          ],
        },
      }),
      (t, o) => ({
        url: "/api/evaluations/scenarios/evaluate",
        body: {
          ...countyYear(t),
          changes: [{ kind: "merge-schools", intoCode: t.schoolCode, fromCodes: [o.schoolCode] }],
        },
      }),
    ],
  },
  {
    op: "POST /api/evaluations/scenarios/{id}/evaluate",
    ownRefused: UNIT_SCOPED,
    need: "evaluation.read",
    computes: true,
    req: (t) => ({ url: `${scenario(t)}/evaluate` }),
  },
  {
    op: "POST /api/evaluations/scenarios",
    need: "evaluation.write",
    req: (t) => ({
      url: "/api/evaluations/scenarios",
      body: { name: "矩阵情景", ...countyYear(t), changes: [] },
    }),
  },
  {
    op: "PUT /api/evaluations/scenarios/{id}",
    need: "evaluation.write",
    req: (t) => ({ url: scenario(t), body: { name: `${t.label}情景`, ...countyYear(t), changes: [] } }),
  },
  {
    op: "PUT /api/evaluations/attestations",
    need: "evaluation.write",
    req: (t) => ({
      url: "/api/evaluations/attestations",
      body: { ...countyYear(t), code: "G02", claimMet: true, note: "矩阵" },
    }),
  },
  {
    op: "POST /api/evaluations/attestations/{id}/evidence",
    need: "evaluation.write",
    req: (t) => ({ url: `${attestation(t)}/evidence`, body: { fileName: "矩阵.pdf", contentBase64: PDF } }),
  },
  {
    op: "POST /api/evaluations/attestations/{id}/review",
    need: "evaluation.review",
    // the supervisor submitted the planted attestation: a second person must review it (双人复核)
    ownRefused: ["bureauSupervisor"],
    req: (t) => ({ url: `${attestation(t)}/review`, body: { decision: "return", comment: "材料不全" } }),
  },
  {
    op: "PUT /api/evaluations/recognition",
    need: "evaluation.write",
    req: (t) => ({
      url: "/api/evaluations/recognition",
      body: {
        ...countyYear(t),
        aggregation: "respondents",
        groups: [{ group: "parents", respondents: 10, satisfied: 9 }],
      },
    }),
  },
  {
    op: "PUT /api/evaluations/overall/settings",
    need: "evaluation.write",
    req: (t) => ({
      url: "/api/evaluations/overall/settings",
      body: { ...countyYear(t), basicBalanceYear: 2015 },
    }),
  },
  {
    op: "DELETE /api/evaluations/scenarios/{id}",
    need: "evaluation.write",
    req: (t) => ({ url: scenario(t) }),
  },
];
