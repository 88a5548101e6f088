/**
 * The 学生资助 records each side of the matrix world plants: a programme (its 资助中心), an application of
 * the side's pupil with its 民主评议 and 公示 (its school), an objection, and a 发放 batch. The 公示 cannot
 * run its 5 working days on the world's clock, so the application is approved through the repository
 * before the batch is made through the API.
 */
import type { LightMyRequestResponse } from "fastify";
import { aidApplicationRepo } from "@luoshi/db";
import type { TestClient, TestServer } from "../testing.ts";

/** The ids of one side's 学生资助 records. */
export interface AidIds {
  aidProgramme: string;
  aidApplication: string;
  aidPublicity: string;
  aidObjection: string;
  aidBatch: string;
}

async function ok<T>(p: Promise<LightMyRequestResponse>, what: string): Promise<T> {
  const r = await p;
  if (r.statusCode >= 300) {
    throw new Error(`planting ${what}: ${String(r.statusCode)} ${r.body}`);
  }
  return r.json<T>();
}

/** Plants one side's 学生资助 records for the pupil `student` of its school; `year` is the school year. */
export async function plantAid(
  server: TestServer,
  clients: { supervisor: TestClient; school: TestClient },
  student: string,
  year: number,
  label: string,
): Promise<AidIds> {
  const { id: aidProgramme } = await ok<{ id: string }>(
    clients.supervisor.request("POST", "/api/aid/programmes", {
      schoolYear: year,
      code: "LIV",
      name: `${label}生活费补助`,
      kind: "living",
      stages: ["primary"],
      target: "家庭经济困难学生",
      basis: "财教〔2021〕310号",
      quota: 10,
      budget: 10000,
      tiers: [{ code: "A", label: "一档", amountPerTerm: 500 }],
    }),
    "a programme",
  );
  const { id: aidApplication } = await ok<{ id: string }>(
    clients.school.request("POST", "/api/aid/applications", {
      programmeId: aidProgramme,
      studentId: student,
      tier: "A",
      claimed: [],
      bankCard: label === "崆峒区" ? "6222000011112222333" : "6222000044445555666",
      bankName: "测试银行",
      holder: "测试家长",
    }),
    "an application",
  );
  await ok(
    clients.school.request("POST", "/api/aid/applications/assessment", {
      ids: [aidApplication],
      recommended: true,
      votesFor: 5,
      votesAgainst: 0,
    }),
    "an assessment",
  );
  const today = new Date(server.deps.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const { id: aidPublicity } = await ok<{ id: string }>(
    clients.school.request("POST", "/api/aid/publicities", { programmeId: aidProgramme, startsOn: today }),
    "a 公示",
  );
  const { id: aidObjection } = await ok<{ id: string }>(
    clients.school.request("POST", `/api/aid/publicities/${aidPublicity}/objections`, {
      text: `${label}异议`,
    }),
    "an objection",
  );
  await aidApplicationRepo.setState(server.handle.db, [aidApplication], "approved");
  const { id: aidBatch } = await ok<{ id: string }>(
    clients.supervisor.request("POST", "/api/aid/batches", { programmeId: aidProgramme, term: 1 }),
    "a batch",
  );
  return { aidProgramme, aidApplication, aidPublicity, aidObjection, aidBatch };
}
