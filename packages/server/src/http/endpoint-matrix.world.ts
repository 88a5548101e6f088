/**
 * The world of the endpoint × role matrix (endpoint-matrix.test.ts): the two-county test server, staff
 * in the other county too, and records planted on both sides — 崆峒区 (side A, the one-per-role
 * accounts) and 泾川县 (side B) — through the API the way users make them, so that every row can name a
 * record of its own county and one of the other county.
 */
import { readFileSync } from "node:fs";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { Role } from "@luoshi/domain/auth";
import { ROLES } from "@luoshi/domain/auth";
import { orgUnitRepo, statsRepo } from "@luoshi/db";
import type { AttestationView, PlanAdoptionForm, PlanDetail, Scenario, TaskDetail } from "@luoshi/contracts";
import { addTestAccount, createTestServer, TestClient, type TestServer } from "../testing.ts";
import { PASSING } from "./evaluations/balance-test-county.ts";
import { PDF } from "./evaluations/supervision-test-world.ts";
import { plantOrg, sideBAdmin } from "./endpoint-matrix.world-org.ts";
import { plantCase, plantPupil } from "./endpoint-matrix.world-registry.ts";
import { plantAid, type AidIds } from "./endpoint-matrix.world-aid.ts";
import { plantChecklist, plantVisit } from "./endpoint-matrix.world-inspection.ts";

/** The statistics year every row asks about. */
export const YEAR = 2020;

/** One county's planted records and units (ids), and the strings that name them. */
export interface Side extends AidIds {
  label: "崆峒区" | "泾川县";
  county: string;
  /** The county's 教育局 (where its bureau staff sit). */
  bureau: string;
  /** A department below the county (a 财政局): where its unit user sits. */
  department: string;
  school: string;
  schoolCode: string;
  schoolName: string;
  /** A task led by the department (reported on, with an attachment) and one led by the school. */
  departmentTask: string;
  schoolTask: string;
  departmentAttachment: string;
  schoolAttachment: string;
  plan: string;
  planNode: string;
  planTarget: string;
  /** A confirmed 上级文件 (the seed again, imported as higher) and one of its task items. */
  higherPlan: string;
  higherNode: string;
  /** The county's confirmed 承接方案 of it: an own plan with the year's 监测报告. */
  adoptionPlan: string;
  scenario: string;
  attestation: string;
  evidence: string;
  /** A spare school account (not signed in): what account writes such as a password reset act on. */
  user: string;
  /** A pupil of the side's school (学籍). */
  student: string;
  /** A 控辍 case its planner opened for that pupil (一生一案). */
  dropoutCase: string;
  /** A statistics import job its planner started. */
  importJob: string;
  /** A finished statistics import of the year before (what 撤销导入 acts on). */
  statsImport: string;
  /** Last month's 月通报, issued (印发) by its planner. */
  bulletin: string;
  /** Two pending registry previews of the county: one the apply row applies, one the discard row drops. */
  registryImport: string;
  registryDiscard: string;
  /** Two throwaway schools without accounts: the unit-life rows edit, move, close, reopen and merge them. */
  spare: string;
  spareMerged: string;
  /** A checklist its 督导室 imported (督导). */
  checklist: string;
  /** A 督学's visit to its school with a photo and a finding, and the 整改通知书 issued for it. */
  visit: string;
  photo: string;
  finding: string;
  notice: string;
  /** Everything that identifies this side: no answer to the other side may contain any of it. */
  secrets: string[];
  /** What identifies the department's and the school's own records: neither may see the other's. */
  unitSecrets: { unitUser: string[]; schoolUser: string[] };
}

/** A signed-in account of the matrix: its role, its side, its client. */
export interface Account {
  name: string;
  role: Role;
  side: "A" | "B";
  client: TestClient;
}

/** What the matrix runs on. */
export interface MatrixWorld {
  server: TestServer;
  sides: { A: Side; B: Side };
  city: string;
  accounts: Account[];
}

/** The other county's staff: the roles that hold county data (one each is enough to cross the border). */
const SIDE_B_ACCOUNTS: { login: string; role: Role; unitCode: string }[] = [
  { login: "jc.bureauplanner", role: "bureauPlanner", unitCode: "620821-jyj" },
  { login: "jc.bureausupervisor", role: "bureauSupervisor", unitCode: "620821-jyj" },
  { login: "jc.unituser", role: "unitUser", unitCode: "620821-czj" },
  { login: "jc.schooluser", role: "schoolUser", unitCode: "1620821001" },
];

const SEED_PLAN = readFileSync(
  new URL("../../../domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);

const inDays = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** The current China month, the period reports are made for. */
const month = () => inDays(0).slice(0, 7);

/** The answer's JSON, after checking it is a success. */
async function ok<T>(res: Promise<LightMyRequestResponse>): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json<T>();
}

async function addDepartment(server: TestServer): Promise<void> {
  const { db } = server.handle;
  const county = await orgUnitRepo.findByCode(db, "620821");
  if (county === undefined) {
    throw new Error("no 泾川县");
  }
  await orgUnitRepo.insert(
    db,
    {
      parent_id: county.id,
      kind: "department",
      code: "620821-czj",
      name: "泾川县财政局",
      aliases: [],
      school_type: null,
      ownership: null,
      is_inclusive: null,
      urban_rural: null,
      parent_school_id: null,
    },
    county,
  );
}

/** Signs in every account: the nine of side A, then side B's. */
async function signIn(server: TestServer): Promise<Account[]> {
  const accounts: Account[] = [];
  for (const role of ROLES) {
    const client = new TestClient(server.app);
    expect((await client.login(role.toLowerCase())).statusCode).toBe(200);
    accounts.push({ name: role, role, side: "A", client });
  }
  for (const a of SIDE_B_ACCOUNTS) {
    const client = new TestClient(server.app);
    expect((await client.login(a.login)).statusCode).toBe(200);
    accounts.push({ name: a.login, role: a.role, side: "B", client });
  }
  return accounts;
}

function clientOf(accounts: Account[], side: "A" | "B", role: Role): TestClient {
  const account = accounts.find((a) => a.side === side && a.role === role);
  if (account === undefined) {
    throw new Error(`no ${role} on side ${side}`);
  }
  return account.client;
}

interface SideCodes {
  label: Side["label"];
  county: string;
  bureau: string;
  department: string;
  school: string;
  schoolName: string;
}

/** A confirmed 上级文件 and the county's confirmed 承接方案 of one of its items. */
async function plantAdoption(planner: TestClient, label: string) {
  const higher = await ok<PlanDetail>(
    planner.request("POST", "/api/plans", {
      fileName: `${label}收到的上级文件.txt`,
      contentBase64: SEED_PLAN.toString("base64"),
      documentLevel: "higher",
    }),
  );
  await ok(planner.request("POST", `/api/plans/${higher.id}/confirm`));
  const form = await ok<PlanAdoptionForm>(planner.request("GET", `/api/plans/${higher.id}/adoption`));
  const higherNode = form.items.find((i) => i.role === "task")?.nodeId;
  const localUnit = form.localUnits[0]?.orgUnitId;
  if (higherNode === undefined || localUnit === undefined) {
    throw new Error("the seed plan has no task or the county no unit");
  }
  const adoption = await ok<PlanDetail>(
    planner.request("POST", `/api/plans/${higher.id}/adoptions`, {
      items: [{ nodeId: higherNode, units: [{ orgUnitId: localUnit, isLead: true }] }],
    }),
  );
  await ok(planner.request("POST", `/api/plans/${adoption.id}/confirm`));
  return { higher, higherNode, adoption };
}

/** Plants one county's records through its own staff. */
async function plant(server: TestServer, accounts: Account[], side: "A" | "B", codes: SideCodes) {
  const planner = clientOf(accounts, side, "bureauPlanner");
  const supervisor = clientOf(accounts, side, "bureauSupervisor");
  const unitUser = clientOf(accounts, side, "unitUser");
  const schoolUser = clientOf(accounts, side, "schoolUser");
  const id = (code: string) => server.unitId(code);
  const county = await id(codes.county);
  const bureau = await id(codes.bureau);
  const department = await id(codes.department);
  const school = await id(codes.school);

  const task = async (lead: string, reporter: TestClient, title: string) => {
    const created = await ok<TaskDetail>(
      planner.request("POST", "/api/tasks", {
        title,
        sourceKind: "meeting",
        leadUnitId: lead,
        deadline: inDays(60),
      }),
    );
    await ok(planner.request("POST", `/api/tasks/${created.id}/actions`, { action: "assign" }));
    await ok(reporter.request("POST", `/api/tasks/${created.id}/actions`, { action: "accept" }));
    const reported = await ok<TaskDetail>(
      reporter.request("POST", `/api/tasks/${created.id}/reports`, {
        period: month(),
        progress: 40,
        text: `${codes.label}进展`,
        attachments: [{ fileName: `${codes.label}证明.pdf`, contentBase64: PDF }],
      }),
    );
    const attachment = reported.reports[0]?.attachments[0]?.id;
    if (attachment === undefined) {
      throw new Error("no attachment");
    }
    return { task: created.id, attachment };
  };
  const byDepartment = await task(department, unitUser, `${codes.label}财政局牵头任务`);
  const bySchool = await task(school, schoolUser, `${codes.label}学校牵头任务`);

  const plan = await ok<PlanDetail>(
    planner.request("POST", "/api/plans", {
      fileName: `${codes.label}实施方案.txt`,
      contentBase64: SEED_PLAN.toString("base64"),
    }),
  );
  const planNode = plan.nodes.find((n) => n.role === "task")?.id;
  const planTarget = plan.targets[0]?.id;
  if (planNode === undefined || planTarget === undefined) {
    throw new Error("the seed plan has no task or no target");
  }
  const { higher, higherNode, adoption } = await plantAdoption(planner, codes.label);

  const scenario = await ok<Scenario>(
    supervisor.request("POST", "/api/evaluations/scenarios", {
      name: `${codes.label}情景`,
      orgUnitId: county,
      year: YEAR,
      changes: [],
    }),
  );
  const attestation = await ok<AttestationView>(
    supervisor.request("PUT", "/api/evaluations/attestations", {
      orgUnitId: county,
      year: YEAR,
      code: "G01",
      claimMet: true,
      note: `${codes.label}佐证`,
    }),
  );
  const withEvidence = await ok<AttestationView>(
    supervisor.request("POST", `/api/evaluations/attestations/${attestation.id}/evidence`, {
      fileName: `${codes.label}佐证.pdf`,
      contentBase64: PDF,
    }),
  );
  const evidence = withEvidence.evidence[0]?.id;
  if (evidence === undefined) {
    throw new Error("no evidence");
  }
  // a finished import of the year before, named after the school: the import history has a record
  const { id: statsImport } = await ok<{ id: string }>(
    planner.request("POST", "/api/stats/imports", {
      fileName: `${codes.schoolName}.csv`,
      year: YEAR - 1,
      contentBase64: Buffer.from(
        `学校标识码,学校名称,统计年度,小学在校生数\r\n${codes.school},${codes.schoolName},${YEAR - 1},280\r\n`,
      ).toString("base64"),
    }),
  );
  const job = await planner.request(
    "POST",
    `/api/stats/import-jobs?fileName=${encodeURIComponent("统计.csv")}&year=${YEAR}`,
    "not a statistics file",
    { "content-type": "application/octet-stream" },
  );
  expect(job.statusCode, job.body).toBe(202);
  const importJob = job.json<{ jobId: string }>().jobId;
  await server.importJobs.waitFor(importJob);
  const lastMonth = (() => {
    const [y, m] = month().split("-").map(Number) as [number, number];
    return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
  })();
  const bulletin = await ok<{ id: string }>(
    planner.request("POST", "/api/ledger/bulletins", { month: lastMonth }),
  );
  const student = await plantPupil(planner, YEAR, side, codes.school);
  const dropoutCase = await plantCase(planner, student);
  const aid = await plantAid(server, { supervisor, school: schoolUser }, student, YEAR, codes.label);
  const checklist = await plantChecklist(supervisor, codes.label);
  const planted = await plantVisit(server, side, {
    school,
    checklist,
    label: codes.label,
    bureauCode: codes.bureau,
  });
  const user = await addTestAccount(server, {
    login: side === "A" ? "kt.spare" : "jc.spare",
    role: "schoolUser",
    unitCode: codes.school,
  });
  return {
    county,
    bureau,
    department,
    school,
    departmentTask: byDepartment.task,
    departmentAttachment: byDepartment.attachment,
    schoolTask: bySchool.task,
    schoolAttachment: bySchool.attachment,
    plan: plan.id,
    planNode,
    planTarget,
    higherPlan: higher.id,
    higherNode,
    adoptionPlan: adoption.id,
    scenario: scenario.id,
    attestation: attestation.id,
    evidence,
    importJob,
    statsImport,
    bulletin: bulletin.id,
    student,
    dropoutCase,
    user,
    ...aid,
    checklist,
    ...planted,
  };
}

/** Builds the world: server, side B's units and staff, statistics and records in both counties. */
export async function createMatrixWorld(engine: "pglite" | "postgres"): Promise<MatrixWorld> {
  const server = await createTestServer(engine);
  await addDepartment(server);
  for (const account of SIDE_B_ACCOUNTS) {
    await addTestAccount(server, account);
  }
  const schools = ["1620802001", "1620802002", "1620821001"];
  await statsRepo.insertMany(
    server.handle.db,
    "school_stats",
    await Promise.all(
      schools.map(async (code) => ({ orgUnitId: await server.unitId(code), year: YEAR, values: PASSING })),
    ),
  );
  const accounts = await signIn(server);
  const codesA: SideCodes = {
    label: "崆峒区",
    county: "620802",
    bureau: "620802-jyj",
    department: "620802-czj",
    school: "1620802001",
    schoolName: "崆峒区第1小学",
  };
  const codesB: SideCodes = {
    label: "泾川县",
    county: "620821",
    bureau: "620821-jyj",
    department: "620821-czj",
    school: "1620821001",
    schoolName: "泾川县城关小学",
  };
  const org = (admin: TestClient, codes: SideCodes) =>
    plantOrg(server, admin, { code: codes.county, label: codes.label });
  const a = {
    ...(await plant(server, accounts, "A", codesA)),
    ...(await org(clientOf(accounts, "A", "systemAdmin"), codesA)),
  };
  const b = {
    ...(await plant(server, accounts, "B", codesB)),
    ...(await org(await sideBAdmin(server), codesB)),
  };
  const side = (codes: SideCodes, ids: typeof a, extra: string[]): Side => ({
    label: codes.label,
    schoolCode: codes.school,
    schoolName: codes.schoolName,
    ...ids,
    // Not the bare county name: the standard catalogue cites 崆峒区's plan as the source of a norm.
    unitSecrets: {
      unitUser: [ids.department, ids.departmentTask, ids.departmentAttachment, `${codes.label}财政局`],
      schoolUser: [ids.school, codes.school, codes.schoolName, ids.schoolTask, ids.schoolAttachment],
    },
    secrets: [
      `${codes.label}教育局`,
      `${codes.label}财政局`,
      codes.schoolName,
      codes.county,
      ...Object.values(ids),
      ...extra,
    ],
  });
  const secondSchool = await server.unitId("1620802002");
  return {
    server,
    city: await server.unitId("620800"),
    accounts,
    sides: {
      // the second school and the township of 崆峒区: their ids (the county code covers their codes)
      A: side(codesA, a, [secondSchool, await server.unitId("620802001"), "崆峒区第2小学"]),
      B: side(codesB, b, [...SIDE_B_ACCOUNTS.map((x) => x.login), "jc.systemadmin"]),
    },
  };
}
