import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statsRepo } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { BalanceResult, PassPlanResult } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";
import { FAILING, PASSING, S1, S2 } from "./balance-test-county.ts";

/** Student-weighted 差异系数 computed here from the raw figures: X = m·R/P, w = P/ΣP. */
function cv(pupils: number[], quantities: number[], m: number): number {
  const total = pupils.reduce((a, b) => a + b, 0);
  const xs = pupils.map((p, i) => (m * (quantities[i] ?? 0)) / p);
  const mean = xs.reduce((a, x, i) => a + ((pupils[i] ?? 0) / total) * x, 0);
  const variance = xs.reduce((a, x, i) => a + ((pupils[i] ?? 0) / total) * (x - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
}

describe.each(testEngines())("优质均衡 evaluation API on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let county: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    county = await server.unitId("620802");
    await statsRepo.insertMany(server.handle.db, "school_stats", [
      { orgUnitId: await server.unitId(S1), year: 2020, values: PASSING },
      { orgUnitId: await server.unitId(S2), year: 2020, values: FAILING },
      { orgUnitId: await server.unitId("1620821001"), year: 2020, values: PASSING },
    ]);
  });
  afterAll(async () => {
    await server.close();
  });

  const balance = (client: TestClient, query: string) =>
    client.request("GET", `/api/evaluations/balance?${query}`);

  it("evaluates the county's stored statistics: CVs, thresholds, names and the failing school", async () => {
    const res = await balance(planner, `orgUnitId=${county}&year=2020`);
    expect(res.statusCode).toBe(200);
    const r = res.json<BalanceResult>();
    expect(r.ruleSet).toMatchObject({ id: "cn-national" });
    expect(r.teachingPointPolicy).toBe("include");
    expect(r.primary).toMatchObject({
      schoolCount: 2,
      students: 500,
      cvLimit: 0.5,
      thresholds: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3],
    });
    expect(r.junior.schoolCount).toBe(0);
    expect(r.junior.thresholds).toEqual([5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4]);
    const pupils = [300, 200];
    expect(r.primary.cv[0]).toBeCloseTo(cv(pupils, [15, 7], 100), 12);
    expect(r.primary.cv[1]).toBeCloseTo(cv(pupils, [4, 1], 100), 12);
    expect(r.primary.cv[4]).toBeCloseTo(cv(pupils, [2700, 1600], 1), 12);
    expect(r.primary.mean[5]).toBeCloseTo((900_000 + 420_000) / 500, 9);
    expect(r.schools).toEqual([
      expect.objectContaining({ code: S1, name: "崆峒区第1小学", part: "primary", pass: true }),
      expect.objectContaining({
        code: S2,
        name: "崆峒区第2小学",
        part: "primary",
        pass: false,
        met: [false, false, true, true, true, true, true],
      }),
    ]);
    expect(r.schools[1]?.values[0]).toBeCloseTo(3.5, 12);
    expect(r.schoolsPass).toBe(false);
    expect(r.resourcePass).toBe(false);
    expect(r.issues).toContainEqual(
      expect.objectContaining({
        code: "stats-element-missing",
        where: { schoolId: S2, field: "teachers.postgraduate.primary" },
      }),
    );
  });

  it("applies the chosen rule set and 教学点 policy, and rejects an unknown rule set", async () => {
    const res = await balance(planner, `orgUnitId=${county}&year=2020&policy=exclude-below-50`);
    expect(res.json<BalanceResult>().teachingPointPolicy).toBe("exclude-below-50");
    const bad = await balance(planner, `orgUnitId=${county}&year=2020&ruleSet=nowhere`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toBe("没有这个规则集：nowhere");
  });

  it("should fail with 400 for a bad year and 404 for a year without statistics", async () => {
    for (const year of ["abc", "1999", "2020.5"]) {
      const res = await balance(planner, `orgUnitId=${county}&year=${year}`);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe("validation-failed");
    }
    const none = await balance(planner, `orgUnitId=${county}&year=2019`);
    expect(none.statusCode).toBe(404);
    expect(none.json<{ error: { message: string } }>().error.message).toBe(
      "崆峒区没有 2019 年的学校统计数据",
    );
  });

  it("should fail with 403 outside the actor's scope and for roles without evaluation.read", async () => {
    const other = await balance(planner, `orgUnitId=${await server.unitId("620821")}&year=2020`);
    expect(other.statusCode).toBe(403);
    expect(other.json<{ error: { message: string } }>().error.message).toBe(
      "无权访问该单位的数据：不在您的管辖范围内",
    );
    const unitUser = new TestClient(server.app);
    await unitUser.login("unituser");
    expect((await balance(unitUser, `orgUnitId=${county}&year=2020`)).statusCode).toBe(403);
    const auditor = new TestClient(server.app);
    await auditor.login("auditadmin");
    const denied = await balance(auditor, `orgUnitId=${county}&year=2020`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ error: { message: string } }>().error.message).toBe("您的角色无权执行此操作");
    const plan = await auditor.request("POST", "/api/evaluations/balance/pass-plan", {
      orgUnitId: county,
      year: 2020,
    });
    expect(plan.statusCode).toBe(403);
  });

  it("answers the default unit costs only to roles with evaluation.read (issue 14)", async () => {
    const costs = await planner.request("GET", "/api/evaluations/balance/unit-costs");
    expect(costs.statusCode).toBe(200);
    expect(costs.json<{ items: unknown[] }>().items).toHaveLength(7);
    for (const login of ["systemadmin", "securityadmin", "auditadmin"]) {
      const admin = new TestClient(server.app);
      await admin.login(login);
      const denied = await admin.request("GET", "/api/evaluations/balance/unit-costs");
      expect(denied.statusCode, login).toBe(403);
      expect(denied.json<{ error: { message: string } }>().error.message).toBe("您的角色无权执行此操作");
    }
  });

  it("plans the additions that make the county pass, and the plan re-evaluates as passing", async () => {
    const unitCosts = { qualifiedTeachers: 100_000, backboneTeachers: 130_000 };
    const res = await planner.request("POST", "/api/evaluations/balance/pass-plan", {
      orgUnitId: county,
      year: 2020,
      unitCosts,
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json<PassPlanResult>();
    expect(plan.wasPass).toBe(false);
    expect(plan.isPass).toBe(true);
    expect(plan.after.resourcePass).toBe(true);
    expect(plan.unitCosts).toMatchObject(unitCosts);
    expect(plan.additions.length).toBeGreaterThan(0);
    for (const a of plan.additions) {
      expect(a.cost).toBeCloseTo(a.amount * plan.unitCosts[a.indicator], 6);
    }
    expect(plan.totalCost).toBeCloseTo(
      plan.additions.reduce((s, a) => s + a.cost, 0),
      6,
    );
    const teachers = plan.additions.find((a) => a.schoolCode === S2 && a.indicator === "qualifiedTeachers");
    expect(teachers).toMatchObject({
      schoolName: "崆峒区第2小学",
      level: "primary",
      planUnit: "名高于规定学历教师",
    });

    // Store the planned figures as another year and evaluate that through the API: it passes.
    const element: Record<string, string> = {
      qualifiedTeachers: "teachers.bachelor.primary",
      backboneTeachers: "teachers.backbone.primary",
      peArtTeachers: "teachers.pe.primary",
      teachingFloorArea: "area.teachingAux",
      sportsArea: "area.sportsGround",
      equipmentValue: "equipment.value",
      multimediaClassrooms: "classrooms.multimedia",
    };
    const planned: Record<string, Record<string, number>> = { [S1]: { ...PASSING }, [S2]: { ...FAILING } };
    for (const a of plan.additions) {
      const values = planned[a.schoolCode] ?? {};
      const code = element[a.indicator] ?? "";
      values[code] = (values[code] ?? 0) + a.amount;
    }
    await statsRepo.insertMany(server.handle.db, "school_stats", [
      { orgUnitId: await server.unitId(S1), year: 2021, values: planned[S1] ?? {} },
      { orgUnitId: await server.unitId(S2), year: 2021, values: planned[S2] ?? {} },
    ]);
    const after = await balance(planner, `orgUnitId=${county}&year=2021`);
    expect(after.json<BalanceResult>()).toMatchObject({
      schoolsPass: true,
      cvPass: true,
      resourcePass: true,
    });
  });

  it("should fail with 400 for negative unit costs or unknown fields", async () => {
    const res = await planner.request("POST", "/api/evaluations/balance/pass-plan", {
      orgUnitId: county,
      year: 2020,
      unitCosts: { sportsArea: -1 },
    });
    expect(res.statusCode).toBe(400);
    const extra = await planner.request("POST", "/api/evaluations/balance/pass-plan", {
      orgUnitId: county,
      year: 2020,
      budget: 1,
    });
    expect(extra.statusCode).toBe(400);
  });
});
