import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { AttestationView, PreschoolResult } from "@luoshi/contracts";
import { createTestServer, type TestClient, type TestServer } from "../../testing.ts";
import { addKindergarten, PDF, signInReviewRoles } from "./supervision-test-world.ts";

const YEAR = 2021;

/** Claims for the items no statistic carries, all meeting their thresholds (P07 without a figure). */
const PASSING: { code: string; claimedValue: number | null }[] = [
  { code: "P04A", claimedValue: 650 },
  { code: "P04B", claimedValue: 500 },
  { code: "P05", claimedValue: 0.8 },
  { code: "P06A", claimedValue: 1 },
  { code: "P06B", claimedValue: 0.6 },
  { code: "P07", claimedValue: null },
  { code: "P10", claimedValue: 0.9 },
];

describe.each(testEngines())("学前普及普惠 attestations on %s", (engine) => {
  let server: TestServer;
  let supervisor: TestClient;
  let inspector: TestClient;
  let planner: TestClient;
  let county: string;

  beforeAll(async () => {
    server = await createTestServer(engine);
    ({ supervisor, inspector, planner } = await signInReviewRoles(server));
    county = await server.unitId("620802");
    const { db } = server.handle;
    // One public (普惠) kindergarten: 880 children of 1000 aged 3–5, 60 teachers, all certified.
    const kgId = await addKindergarten(server);
    await statsRepo.insertMany(db, "school_stats", [
      {
        orgUnitId: kgId,
        year: YEAR,
        values: {
          "pupils.preschool": 880,
          "teachers.fullTime.preschool": 60,
          "teachers.certified.preschool": 60,
          principals: 1,
          "principals.certified": 1,
        },
      },
    ]);
    await statsRepo.insertMany(db, "population_stats", [
      {
        orgUnitId: await server.unitId("620802001"),
        year: YEAR,
        values: { "population.age3": 340, "population.age4": 330, "population.age5": 330 },
      },
    ]);
  });
  afterAll(async () => {
    await server.close();
  });

  const get = async () =>
    (
      await planner.request("GET", `/api/evaluations/preschool?orgUnitId=${county}&year=${YEAR}`)
    ).json<PreschoolResult>();
  const check = (r: PreschoolResult, indicator: string) => r.checks.find((c) => c.indicator === indicator);
  const claim = async (code: string, claimedValue: number | null, claimMet = true) => {
    const res = await supervisor.request("PUT", "/api/evaluations/attestations", {
      orgUnitId: county,
      year: YEAR,
      code,
      claimMet,
      claimedValue,
      note: "县财政局拨款文件",
    });
    expect(res.statusCode).toBe(200);
    return res.json<AttestationView>();
  };
  const confirm = async (a: AttestationView) => {
    const res = await inspector.request("POST", `/api/evaluations/attestations/${a.id}/review`, {
      decision: "confirm",
    });
    expect(res.statusCode).toBe(200);
  };

  it("computes the statistics items and leaves the others 待定, open to a claim", async () => {
    const r = await get();
    expect(r.checks.map((c) => c.indicator)).toEqual([
      "P01",
      "P02",
      "P03",
      "P04A",
      "P04B",
      "P05",
      "P06A",
      "P06B",
      "P07",
      "P08",
      "P09",
      "P10",
    ]);
    for (const code of ["P01", "P02", "P03", "P08", "P09"]) {
      expect(check(r, code)).toMatchObject({ met: true, source: "data", attestable: false });
    }
    for (const { code } of PASSING) {
      expect(check(r, code)).toMatchObject({
        met: null,
        source: "none",
        attestable: true,
        attestation: null,
      });
    }
    expect(r.isPass).toBeNull();
    // A code outside the attested ones (P01 comes from the statistics) cannot be claimed.
    const bad = await supervisor.request("PUT", "/api/evaluations/attestations", {
      orgUnitId: county,
      year: YEAR,
      code: "P01",
      claimMet: true,
    });
    expect(bad.statusCode).toBe(400);
  });

  it("passes once every other item is claimed and confirmed; an unreviewed claim stays 待定", async () => {
    const views = new Map<string, AttestationView>();
    for (const p of PASSING) {
      views.set(p.code, await claim(p.code, p.claimedValue));
    }
    const pending = await get();
    expect(check(pending, "P04A")).toMatchObject({
      met: null,
      source: "none",
      attestation: { code: "P04A", claimedValue: 650, reviewState: "pending" },
    });
    expect(pending.issues.filter((i) => i.code === "attestation-pending")).toHaveLength(PASSING.length);
    expect(pending.isPass).toBeNull();

    const evidence = await supervisor.request(
      "POST",
      `/api/evaluations/attestations/${views.get("P04A")?.id ?? ""}/evidence`,
      { fileName: "2021年学前教育经费文件.pdf", contentBase64: PDF },
    );
    expect(evidence.statusCode).toBe(200);
    // The submitter cannot confirm their own claim (双人复核).
    const self = await supervisor.request(
      "POST",
      `/api/evaluations/attestations/${views.get("P05")?.id ?? ""}/review`,
      { decision: "confirm" },
    );
    expect(self.statusCode).toBe(403);

    for (const [code, a] of views) {
      if (code !== "P10") {
        await confirm(a);
      }
    }
    const almost = await get();
    expect(check(almost, "P10")).toMatchObject({ met: null, attestation: { reviewState: "pending" } });
    expect(almost.issues.map((i) => i.code)).toEqual(["attestation-pending"]);
    expect(almost.isPass).toBeNull();

    const p10 = views.get("P10");
    if (p10 === undefined) {
      throw new Error("no P10 claim");
    }
    await confirm(p10);
    const r = await get();
    expect(r.isPass).toBe(true);
    expect(check(r, "P04A")).toMatchObject({
      number: 4,
      value: 650,
      threshold: 500,
      met: true,
      source: "attestation",
      attestation: {
        reviewState: "confirmed",
        reviewedBy: { name: "inspector" },
        evidence: [{ fileName: "2021年学前教育经费文件.pdf" }],
      },
    });
    expect(check(r, "P07")).toMatchObject({ value: null, met: true, source: "attestation" });
    const audit = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "evaluation.attestation-review",
      limit: 20,
      offset: 0,
    });
    expect(audit.rows.filter((row) => (row.after as { code?: string } | null)?.code === "P10")).toHaveLength(
      1,
    );
  });

  it("fails on one confirmed claim below its threshold, even when claimed 达标", async () => {
    // 非在编/在编 工资之比 70% < 75%.
    await confirm(await claim("P05", 0.7));
    const r = await get();
    expect(check(r, "P05")).toMatchObject({ value: 0.7, threshold: 0.75, met: false, source: "attestation" });
    expect(r.isPass).toBe(false);

    // A confirmed 未达标 without a figure fails too.
    await confirm(await claim("P05", 0.8));
    await confirm(await claim("P07", null, false));
    const plain = await get();
    expect(check(plain, "P05")?.met).toBe(true);
    expect(check(plain, "P07")).toMatchObject({ met: false, source: "attestation" });
    expect(plain.isPass).toBe(false);
  });
});
