import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type {
  AttestationView,
  BasicBalanceHistoryResult,
  OverallResult,
  PreschoolResult,
  RecognitionResult,
  SupervisionPartResult,
} from "@luoshi/contracts";
import { createTestServer, type TestClient, type TestServer } from "../../testing.ts";
import { addKindergarten, PDF, signInReviewRoles } from "./supervision-test-world.ts";

const S1 = "1620802001";
const S2 = "1620802002";
const YEAR = 2020;

const school = (pupils: number, maxSize: number, extra: Record<string, number> = {}) => ({
  "pupils.primary": pupils,
  "classes.primary": 10,
  "classes.primary.maxSize": maxSize,
  "teachers.fullTime.primary": 20,
  "teachers.certified.primary": 20,
  "teachers.bachelor.primary": 12,
  "teachers.associate.primary": 6,
  "area.teachingAux": pupils * 4,
  "area.gym": 200,
  "area.sportsGround": pupils * 6,
  "equipment.value": pupils * 1500,
  "computers.pupil": pupils / 10,
  books: pupils * 25,
  ...extra,
});

describe.each(testEngines())("督导评估 supervision API on %s", (engine) => {
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
    // A public kindergarten in 中街街道: 880 children, 60 teachers, all certified.
    const kgId = await addKindergarten(server);
    await statsRepo.insertMany(db, "school_stats", [
      { orgUnitId: await server.unitId(S1), year: YEAR, values: school(600, 44) },
      { orgUnitId: await server.unitId(S2), year: YEAR, values: school(400, 52) },
      { orgUnitId: await server.unitId(S1), year: YEAR - 1, values: school(580, 44) },
      { orgUnitId: await server.unitId(S2), year: YEAR - 1, values: school(420, 44, { books: 100 }) },
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

  const query = () => `orgUnitId=${county}&year=${YEAR}`;
  const put = (client: TestClient, body: Record<string, unknown>) =>
    client.request("PUT", "/api/evaluations/attestations", {
      orgUnitId: county,
      year: YEAR,
      note: "",
      ...body,
    });

  it("computes 规模 and 班额 from the statistics, with the figures shown, and names the rule set", async () => {
    const res = await supervisor.request("GET", `/api/evaluations/government?${query()}`);
    expect(res.statusCode).toBe(200);
    const r = res.json<SupervisionPartResult>();
    expect(r.ruleSet).toEqual(expect.objectContaining({ id: "cn-national", version: "2017.1" }));
    expect(r.indicators).toHaveLength(15);
    const g04 = r.indicators.find((i) => i.code === "G04");
    expect(g04).toMatchObject({ kind: "computable", met: true, source: "data" });
    expect(g04?.inputs).toContainEqual({ label: "最大规模", value: "600 人（崆峒区第1小学）" });
    // 崆峒区第2小学 has a class of 52 (> 45).
    expect(r.indicators.find((i) => i.code === "G05")).toMatchObject({ met: false, failing: [S2] });
    expect(r.indicators.find((i) => i.code === "G12")?.checks[0]).toMatchObject({
      numerator: 40,
      denominator: 40,
      met: true,
    });
    expect(r.indicators.find((i) => i.code === "G01")).toMatchObject({
      kind: "attestation",
      met: null,
      attestation: null,
    });
    expect(r.isPass).toBe(false);
  });

  it("takes an attestation from submission through evidence to another person's review, audited", async () => {
    const submitted = await put(supervisor, { code: "G01", claimMet: true, note: "布局规划已批复" });
    expect(submitted.statusCode).toBe(200);
    const a = submitted.json<AttestationView>();
    expect(a).toMatchObject({
      code: "G01",
      reviewState: "pending",
      submittedBy: { name: "bureauSupervisor" },
    });

    const upload = await supervisor.request("POST", `/api/evaluations/attestations/${a.id}/evidence`, {
      fileName: "../布局规划.pdf",
      contentBase64: PDF,
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.json<AttestationView>().evidence).toEqual([
      expect.objectContaining({ fileName: "布局规划.pdf", mediaType: "application/pdf" }),
    ]);

    const self = await supervisor.request("POST", `/api/evaluations/attestations/${a.id}/review`, {
      decision: "confirm",
    });
    expect(self.statusCode).toBe(403);
    expect(self.json<{ error: { message: string } }>().error.message).toContain("不能审核自己提交的佐证材料");

    const noReason = await inspector.request("POST", `/api/evaluations/attestations/${a.id}/review`, {
      decision: "return",
    });
    expect(noReason.statusCode).toBe(400);

    const ok = await inspector.request("POST", `/api/evaluations/attestations/${a.id}/review`, {
      decision: "confirm",
      comment: "材料齐全",
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<AttestationView>()).toMatchObject({
      reviewState: "confirmed",
      reviewedBy: { name: "inspector" },
      reviewComment: "材料齐全",
    });
    const again = await inspector.request("POST", `/api/evaluations/attestations/${a.id}/review`, {
      decision: "confirm",
    });
    expect(again.statusCode).toBe(409);

    const g01 = (await supervisor.request("GET", `/api/evaluations/government?${query()}`))
      .json<SupervisionPartResult>()
      .indicators.find((i) => i.code === "G01");
    expect(g01).toMatchObject({
      met: true,
      source: "attestation",
      attestation: { reviewState: "confirmed" },
    });

    const file = await inspector.request(
      "GET",
      `/api/evaluations/evidence/${g01?.attestation?.evidence[0]?.id ?? ""}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.rawPayload.subarray(0, 4).toString()).toBe("%PDF");

    const { db } = server.handle;
    const submit = await auditRepo.list(db, {
      scope: WHOLE_TREE,
      action: "evaluation.attestation-submit",
      entityId: a.id,
      limit: 5,
      offset: 0,
    });
    expect(submit.rows[0]?.after).toMatchObject({ code: "G01", claimMet: true, reviewState: "pending" });
    const review = await auditRepo.list(db, {
      scope: WHOLE_TREE,
      action: "evaluation.attestation-review",
      entityId: a.id,
      limit: 5,
      offset: 0,
    });
    expect(review.rows).toHaveLength(1);
    expect(review.rows[0]?.before).toMatchObject({ reviewState: "pending" });
    expect(review.rows[0]?.after).toMatchObject({ reviewState: "confirmed", reviewComment: "材料齐全" });
    expect(review.rows[0]?.actor_login).toBe("inspector");

    // Resubmitting starts the review again (the claim changed).
    const resubmitted = await put(supervisor, { code: "G01", claimMet: true, note: "补充说明" });
    expect(resubmitted.json<AttestationView>()).toMatchObject({ reviewState: "pending", reviewedBy: null });
  });

  it("uses a confirmed claimed figure for a computable indicator the statistics lack", async () => {
    const a = (
      await put(supervisor, { code: "G14", claimMet: true, claimedValue: 0.45 })
    ).json<AttestationView>();
    await inspector.request("POST", `/api/evaluations/attestations/${a.id}/review`, { decision: "confirm" });
    const g14 = (await supervisor.request("GET", `/api/evaluations/government?${query()}`))
      .json<SupervisionPartResult>()
      .indicators.find((i) => i.code === "G14");
    // 45% < 50% whatever the claim says.
    expect(g14).toMatchObject({ met: false, source: "attestation" });
    expect(g14?.checks[0]).toMatchObject({ value: 0.45, threshold: 0.5 });
  });

  it("refuses evidence of the wrong type or content, and writes by roles without evaluation.write", async () => {
    const a = (await put(supervisor, { code: "Q03", claimMet: true })).json<AttestationView>();
    const exe = await supervisor.request("POST", `/api/evaluations/attestations/${a.id}/evidence`, {
      fileName: "setup.exe",
      contentBase64: PDF,
    });
    expect(exe.statusCode).toBe(400);
    expect(exe.json<{ error: { message: string } }>().error.message).toContain("类型不允许");
    const fake = await supervisor.request("POST", `/api/evaluations/attestations/${a.id}/evidence`, {
      fileName: "章程.pdf",
      contentBase64: Buffer.from("MZ not a pdf").toString("base64"),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json<{ error: { message: string } }>().error.message).toBe(
      "佐证材料“章程.pdf”的内容与扩展名不符",
    );
    expect((await put(planner, { code: "Q03", claimMet: true })).statusCode).toBe(403);
    expect((await put(supervisor, { code: "G16", claimMet: true })).statusCode).toBe(400);
    const quality = (
      await planner.request("GET", `/api/evaluations/quality?${query()}`)
    ).json<SupervisionPartResult>();
    expect(quality.indicators).toHaveLength(9);
    expect(quality.indicators.find((i) => i.code === "Q03")).toMatchObject({
      met: null,
      attestation: { evidence: [] },
    });
  });

  it("aggregates 社会认可度 by group weights or by respondents, as chosen", async () => {
    const groups = [
      { group: "students", respondents: 100, satisfied: 90 },
      { group: "parents", respondents: 300, satisfied: 240 },
    ];
    const byGroup = await supervisor.request("PUT", "/api/evaluations/recognition", {
      orgUnitId: county,
      year: YEAR,
      aggregation: "groupWeights",
      groups,
    });
    expect(byGroup.statusCode).toBe(200);
    const g = byGroup.json<RecognitionResult>();
    expect(g.rate).toBeCloseTo(0.85, 12);
    expect(g.isPass).toBe(true);
    expect(g.groups.find((x) => x.group === "teachers")).toMatchObject({ respondents: null, rate: null });
    expect(g.ruleSet.id).toBe("cn-national");

    const byPeople = await supervisor.request("PUT", "/api/evaluations/recognition", {
      orgUnitId: county,
      year: YEAR,
      aggregation: "respondents",
      groups,
    });
    const p = byPeople.json<RecognitionResult>();
    expect(p.rate).toBeCloseTo(330 / 400, 12);
    expect(p.isPass).toBe(false);
    expect(p.groups.find((x) => x.group === "parents")?.weight).toBeCloseTo(0.75, 12);
    const stored = (
      await planner.request("GET", `/api/evaluations/recognition?${query()}`)
    ).json<RecognitionResult>();
    expect(stored.aggregation).toBe("respondents");

    const bad = await supervisor.request("PUT", "/api/evaluations/recognition", {
      orgUnitId: county,
      year: YEAR,
      aggregation: "respondents",
      groups: [{ group: "students", respondents: 10, satisfied: 11 }],
    });
    expect(bad.statusCode).toBe(400);
    const audit = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "evaluation.survey-save",
      limit: 5,
      offset: 0,
    });
    expect(audit.total).toBe(2);
    expect(audit.rows[0]?.before).toMatchObject({ aggregation: "groupWeights" });
    expect(audit.rows[0]?.after).toMatchObject({ aggregation: "respondents" });
  });

  it("evaluates 学前普及普惠 under the national set and 河南's 90%, recording which", async () => {
    const national = (
      await planner.request("GET", `/api/evaluations/preschool?${query()}`)
    ).json<PreschoolResult>();
    expect(national.ruleSet).toMatchObject({ id: "cn-national" });
    const gross = (r: PreschoolResult) => r.checks.find((c) => c.code === "preschool-gross-enrolment");
    expect(gross(national)).toMatchObject({ numerator: 880, denominator: 1000, threshold: 0.85, met: true });
    expect(national.checks.find((c) => c.code === "preschool-public-share")).toMatchObject({
      value: 1,
      met: true,
    });
    expect(national.checks.find((c) => c.code === "preschool-public-funding")).toMatchObject({
      met: null,
      source: "none",
    });
    expect(national.ruleSets.map((r) => r.id)).toContain("cn-41-henan");

    const henan = await planner.request("GET", `/api/evaluations/preschool?${query()}&ruleSet=cn-41-henan`);
    const h = henan.json<PreschoolResult>();
    expect(h.ruleSet).toMatchObject({ id: "cn-41-henan", version: "2021.1" });
    expect(gross(h)).toMatchObject({ threshold: 0.9, met: false });
    expect(h.isPass).toBe(false);
    expect(
      (await planner.request("GET", `/api/evaluations/preschool?${query()}&ruleSet=nowhere`)).statusCode,
    ).toBe(400);
  });

  it("fails the county on a confirmed 一票否决 item whatever else holds", async () => {
    const before = (
      await planner.request("GET", `/api/evaluations/overall?${query()}`)
    ).json<OverallResult>();
    expect(before.verdict).toBe("fail");
    expect(before.vetoItems.every((v) => v.met === null)).toBe(true);
    expect(before.parts.find((p) => p.part === "government")?.isPass).toBe(false);

    const a = (
      await put(supervisor, { code: "keyClasses", claimMet: false, note: "某校设重点班" })
    ).json<AttestationView>();
    await inspector.request("POST", `/api/evaluations/attestations/${a.id}/review`, { decision: "confirm" });
    const settings = await supervisor.request("PUT", "/api/evaluations/overall/settings", {
      orgUnitId: county,
      year: YEAR,
      basicBalanceYear: 2015,
    });
    expect(settings.statusCode).toBe(200);
    const after = (await planner.request("GET", `/api/evaluations/overall?${query()}`)).json<OverallResult>();
    expect(after).toMatchObject({ verdict: "fail", basicBalanceYear: 2015, ruleSet: { id: "cn-national" } });
    expect(after.vetoes).toContain("keyClasses");
    expect(after.reasons).toContain("一票否决：存在设置重点班");
    expect(after.parts.find((p) => p.part === "prerequisite")?.isPass).toBe(true);
    expect(after.vetoItems.find((v) => v.item === "keyClasses")).toMatchObject({ met: false });
  });

  it("gives the 2012 基本均衡 composite per year", async () => {
    const res = await planner.request(
      "GET",
      `/api/evaluations/basic-balance/history?orgUnitId=${county}&from=${YEAR - 2}&to=${YEAR}`,
    );
    expect(res.statusCode).toBe(200);
    const r = res.json<BasicBalanceHistoryResult>();
    expect(r.limits).toEqual({ primary: 0.65, junior: 0.55 });
    expect(r.years.map((y) => y.hasData)).toEqual([false, true, true]);
    const y2020 = r.years[2];
    // 2020: both schools have identical per-pupil figures except 师生比 (20/600 vs 20/400) and 体育馆.
    expect(y2020?.primary.schoolCount).toBe(2);
    expect(y2020?.primary.indicatorsUsed).toBe(7);
    expect(y2020?.primary.cvs[0]).toBeCloseTo(0, 12);
    expect(y2020?.primary.composite).toBeGreaterThan(0);
    expect(y2020?.primary.isPass).toBe(true);
    // 2019: 崆峒区第2小学 has 100 books for 420 pupils — a far larger 生均图书 CV.
    expect(r.years[1]?.primary.cvs[4] ?? 0).toBeGreaterThan(0.5);
    expect(r.issues[0]?.code).toBe("basic-balance-indicator-missing");
    const bad = await planner.request(
      "GET",
      `/api/evaluations/basic-balance/history?orgUnitId=${county}&from=2020&to=2019`,
    );
    expect(bad.statusCode).toBe(400);
  });

  it("should fail with 403 outside the actor's scope", async () => {
    const other = await server.unitId("620821");
    const res = await supervisor.request(
      "GET",
      `/api/evaluations/government?orgUnitId=${other}&year=${YEAR}`,
    );
    expect(res.statusCode).toBe(403);
  });
});
