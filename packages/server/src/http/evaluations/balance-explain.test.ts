import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type {
  BalanceExplain,
  BalanceSchoolExplain,
  Scenario,
  ScenarioComparison,
  ScenarioList,
} from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";
import { FAILING, PASSING, S1, S2 } from "./balance-test-county.ts";

describe.each(testEngines())("优质均衡 explanations and scenarios on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let supervisor: TestClient;
  let county: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    supervisor = new TestClient(server.app);
    await supervisor.login("bureausupervisor");
    county = await server.unitId("620802");
    const imp = await statsRepo.insertImport(server.handle.db, {
      org_unit_id: county,
      year: 2021,
      file_name: "2021学校统计.xlsx",
      sha256: "0".repeat(64),
      rows: 2,
      imported_by: null,
    });
    await statsRepo.insertMany(
      server.handle.db,
      "school_stats",
      [
        { orgUnitId: await server.unitId(S1), year: 2021, values: PASSING },
        { orgUnitId: await server.unitId(S2), year: 2021, values: FAILING },
      ],
      { importId: imp.id },
    );
  });
  afterAll(async () => {
    await server.close();
  });

  it("explains a 差异系数: per-school value, weight and contributions that sum to the variance", async () => {
    const res = await planner.request(
      "GET",
      `/api/evaluations/balance/explain?orgUnitId=${county}&year=2021&level=primary&indicator=qualifiedTeachers`,
    );
    expect(res.statusCode).toBe(200);
    const e = res.json<BalanceExplain>();
    expect(e.schools.map((s) => [s.code, s.students, s.quantity])).toEqual([
      [S2, 200, 7],
      [S1, 300, 15],
    ]);
    // X̄ = 100·22/500 = 4.4; x = 5 and 3.5; weights 0.6 and 0.4.
    expect(e.mean).toBeCloseTo(4.4, 12);
    expect(e.schools[1]).toMatchObject({ value: 5, weight: 0.6, met: true });
    expect(e.schools[1]?.deviation).toBeCloseTo(0.6, 12);
    expect(e.schools[0]?.contribution).toBeCloseTo(0.4 * 0.9 ** 2, 12);
    expect(e.contributionSum).toBeCloseTo((e.sd ?? 0) ** 2, 12);
    expect(e.contributionSum).toBeCloseTo(e.variance ?? -1, 12);
    expect(e.cv).toBeCloseTo(Math.sqrt(0.6 * 0.36 + 0.4 * 0.81) / 4.4, 12);
    expect(e).toMatchObject({ limit: 0.5, threshold: 4.2, numerator: 2200, denominator: 500 });
  });

  it("explains a failing school: numerator and denominator elements, their import, and its fix", async () => {
    const res = await planner.request(
      "GET",
      `/api/evaluations/balance/school?orgUnitId=${county}&year=2021&code=${S2}&part=primary`,
    );
    expect(res.statusCode).toBe(200);
    const s = res.json<BalanceSchoolExplain>();
    expect(s).toMatchObject({ name: "崆峒区第2小学", pass: false, metCount: 5 });
    expect(s.denominator.value).toBe(200);
    expect(s.denominator.elements).toEqual([
      expect.objectContaining({ element: "pupils.primary", value: 200, share: 1, counted: 200 }),
    ]);
    const q = s.indicators[0];
    expect(q).toMatchObject({ key: "qualifiedTeachers", threshold: 4.2, met: false, value: 3.5 });
    expect(q?.partialThreshold).toBeCloseTo(3.57, 12);
    expect(q?.numerator.value).toBe(7);
    expect(q?.numerator.elements.map((x) => [x.element, x.value])).toEqual([
      ["teachers.postgraduate.primary", null],
      ["teachers.bachelor.primary", 5],
      ["teachers.associate.primary", 2],
    ]);
    expect(q?.numerator.elements[1]?.label).toMatch(/本科/);
    // named for a person: the template sheet, never only the dotted id
    expect(q?.numerator.elements[1]?.sheetLabel).toBe("教师");
    expect(s.indicators[4]?.numerator.elements.map((x) => x.counted)).toEqual([0, 1600]);
    for (const ind of s.indicators) {
      const counted = ind.numerator.elements.reduce((sum, x) => sum + x.counted, 0);
      expect(counted).toBeCloseTo(ind.numerator.value, 9);
      expect(ind.value).toBeCloseTo((ind.multiplier * counted) / s.denominator.value, 12);
    }
    expect(s.sources).toEqual([expect.objectContaining({ schoolCode: S2, fileName: "2021学校统计.xlsx" })]);
    // 骨干 1 → 2 (1 per 100 pupils); 高于规定学历 may stop at 85%: 3.57·2 = 7.14 → 8 (one more).
    expect(s.fix).toEqual({
      leftAtPartial: "qualifiedTeachers",
      additions: [
        {
          indicator: "qualifiedTeachers",
          level: "primary",
          amount: 1,
          planUnit: "名高于规定学历教师",
          cost: 120_000,
        },
        { indicator: "backboneTeachers", level: "primary", amount: 1, planUnit: "名骨干教师", cost: 150_000 },
      ],
      cost: 270_000,
    });
    const passing = await planner.request(
      "GET",
      `/api/evaluations/balance/school?orgUnitId=${county}&year=2021&code=${S1}&part=primary`,
    );
    expect(passing.json<BalanceSchoolExplain>().fix).toBeNull();
    const none = await planner.request(
      "GET",
      `/api/evaluations/balance/school?orgUnitId=${county}&year=2021&code=${S1}&part=junior`,
    );
    expect(none.statusCode).toBe(404);
    expect(none.json<{ error: { message: string } }>().error.message).toBe(
      `学校 ${S1} 没有参与评估的初中部分`,
    );
  });

  it("saves, evaluates and deletes a scenario; writes are audited and need evaluation.write", async () => {
    const body = {
      name: "第2小学补充教师",
      orgUnitId: county,
      year: 2021,
      changes: [
        { kind: "add", schoolCode: S2, field: "qualifiedTeachers", level: "primary", amount: 2 },
        { kind: "add", schoolCode: S2, field: "backboneTeachers", level: "primary", amount: 1 },
      ],
    };
    const denied = await planner.request("POST", "/api/evaluations/scenarios", body);
    expect(denied.statusCode).toBe(403);
    const elsewhere = await supervisor.request("POST", "/api/evaluations/scenarios", {
      ...body,
      orgUnitId: await server.unitId("620821"),
    });
    expect(elsewhere.statusCode).toBe(403);
    const otherList = await planner.request(
      "GET",
      `/api/evaluations/scenarios?orgUnitId=${await server.unitId("620821")}`,
    );
    expect(otherList.statusCode).toBe(403);
    const created = await supervisor.request("POST", "/api/evaluations/scenarios", body);
    expect(created.statusCode).toBe(200);
    const scenario = created.json<Scenario>();
    expect(scenario).toMatchObject({ name: body.name, policy: "include", createdBy: "bureauSupervisor" });
    expect(scenario.changes).toHaveLength(2);

    const list = await planner.request("GET", `/api/evaluations/scenarios?orgUnitId=${county}&year=2021`);
    expect(list.json<ScenarioList>().items.map((s) => s.id)).toEqual([scenario.id]);

    const evaluated = await planner.request("POST", `/api/evaluations/scenarios/${scenario.id}/evaluate`);
    expect(evaluated.statusCode).toBe(200);
    const cmp = evaluated.json<ScenarioComparison>();
    expect(cmp.changedSchools).toEqual([
      { code: S2, name: "崆峒区第2小学", level: "primary", before: false, after: true },
    ]);
    expect(cmp.schoolsFailing).toEqual({ before: 1, after: 0 });
    expect(cmp.before.schoolsPass).toBe(false);
    expect(cmp.after.schoolsPass).toBe(true);
    const teachers = cmp.indicators.find((i) => i.level === "primary" && i.indicator === "qualifiedTeachers");
    expect(teachers?.cvChange).toBeLessThan(0);

    const updated = await supervisor.request("PUT", `/api/evaluations/scenarios/${scenario.id}`, {
      ...body,
      name: "改名",
      policy: "exclude-below-50",
    });
    expect(updated.json<Scenario>()).toMatchObject({ name: "改名", policy: "exclude-below-50" });

    const unsaved = await planner.request("POST", "/api/evaluations/scenarios/evaluate", {
      orgUnitId: county,
      year: 2021,
      changes: [
        { kind: "remove-school", schoolCode: S2 },
        { kind: "set", schoolCode: "nowhere", field: "sportsArea", value: 1 },
      ],
    });
    const u = unsaved.json<ScenarioComparison>();
    expect(u.changedSchools).toEqual([
      { code: S2, name: "崆峒区第2小学", level: "primary", before: false, after: null },
    ]);
    expect(u.after.schoolsPass).toBe(true);
    expect(u.issues.map((i) => i.code)).toEqual(["scenario-unknown-school"]);

    const bad = await supervisor.request("POST", "/api/evaluations/scenarios", {
      ...body,
      changes: [{ kind: "set", schoolCode: S2, field: "sportsArea", value: -1 }],
    });
    expect(bad.statusCode).toBe(400);

    expect((await supervisor.request("DELETE", `/api/evaluations/scenarios/${scenario.id}`)).statusCode).toBe(
      200,
    );
    expect((await planner.request("GET", `/api/evaluations/scenarios/${scenario.id}`)).statusCode).toBe(404);
    // the trail newest first, read back in the order it was written
    const audit = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        entityId: scenario.id,
        limit: 100,
        offset: 0,
      })
    ).rows.reverse();
    expect(audit.map((a) => a.action)).toEqual([
      "evaluation.scenario-create",
      "evaluation.scenario-update",
      "evaluation.scenario-delete",
    ]);
  });
});
