import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeOf, statsRepo } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { BalanceResult, IndicatorChildren } from "@luoshi/contracts";
import { systemActor } from "../../context.ts";
import { computeCatalogueTables } from "../../services/statistics/stats-catalogue.service.ts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";
import { FAILING, PASSING, S1, S2 } from "../evaluations/balance-test-county.ts";

/**
 * The done-when of units over time: a school merged in year N appears in year N−1's evaluation as it
 * was then, and not in year N's; a rename effective in year N leaves year N−1 with the old name.
 */
describe.each(testEngines())("a past year's evaluation sees the units as they were on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let county: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    const a = await server.unitId(S1);
    const b = await server.unitId(S2);
    county = await server.unitId("620802");
    await statsRepo.insertMany(server.handle.db, "school_stats", [
      { orgUnitId: a, year: 2023, values: PASSING },
      { orgUnitId: b, year: 2023, values: FAILING },
      { orgUnitId: a, year: 2024, values: PASSING },
      { orgUnitId: b, year: 2024, values: FAILING },
    ]);
    const admin = new TestClient(server.app);
    await admin.login("systemadmin");
    const renameA = await admin.request("PATCH", `/api/org-units/${a}`, {
      name: "崆峒区实验小学",
      effectiveOn: "2024-03-01",
    });
    expect(renameA.statusCode).toBe(200);
    const renameB = await admin.request("PATCH", `/api/org-units/${b}`, {
      name: "崆峒区育英小学",
      effectiveOn: "2024-05-01",
    });
    expect(renameB.statusCode).toBe(200);
    const merge = await admin.request("POST", `/api/org-units/${a}/merge`, {
      intoId: b,
      effectiveOn: "2024-07-01",
    });
    expect(merge.statusCode).toBe(200);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
  });
  afterAll(async () => {
    await server.close();
  });

  const evaluate = async (year: number) => {
    const res = await planner.request(
      "GET",
      `/api/evaluations/balance?orgUnitId=${county}&year=${String(year)}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json<BalanceResult>();
  };

  it("lists the merged school under its old name in the year before the merger", async () => {
    const r = await evaluate(2023);
    expect(r.schools.map((s) => [s.code, s.name])).toEqual([
      [S1, "崆峒区第1小学"],
      [S2, "崆峒区第2小学"],
    ]);
    expect(r.primary.schoolCount).toBe(2);
  });

  it("leaves the merged school out of the year of the merger, without a missing-data warning", async () => {
    const r = await evaluate(2024);
    expect(r.schools.map((s) => [s.code, s.name])).toEqual([[S2, "崆峒区育英小学"]]);
    expect(r.primary.schoolCount).toBe(1);
    expect(JSON.stringify(r.issues)).not.toContain(S1);
  });

  it("counts a merged school's rows in the county's totals only for the years it was open", async () => {
    // A's 2024 row was written before the merger of 1 July 2024; 2024 sees the county without A.
    const pupils = async (year: number) => {
      const res = await planner.request("GET", `/api/indicators?orgUnitId=${county}&year=${String(year)}`);
      expect(res.statusCode).toBe(200);
      return res
        .json<{ items: { code: string; numerator: number | null }[] }>()
        .items.find((i) => i.code === "student-teacher-ratio-primary")?.numerator;
    };
    expect(await pupils(2023)).toBe(500);
    expect(await pupils(2024)).toBe(200);
    const leader = { ...systemActor("test"), role: "leader" as const, scope: scopeOf("/") };
    const tables = await computeCatalogueTables(server.deps, leader, {
      orgUnitId: county,
      from: 2023,
      to: 2024,
    });
    const cell = (year: number) => tables.cell("student-teacher-ratio-primary", "620802", year).numerator;
    expect([cell(2023), cell(2024)]).toEqual([500, 200]);
  });

  it("drills down to a 乡镇's schools of a year as they were, named as then", async () => {
    const township = await server.unitId("620802001");
    const children = async (year: number) =>
      (
        await planner.request(
          "GET",
          `/api/indicators/children?orgUnitId=${township}&year=${String(year)}&codes=student-teacher-ratio-primary`,
        )
      )
        .json<IndicatorChildren>()
        .children.map((c) => [c.code, c.name]);
    expect(await children(2023)).toEqual([
      [S1, "崆峒区第1小学"],
      [S2, "崆峒区第2小学"],
    ]);
    expect(await children(2024)).toEqual([[S2, "崆峒区育英小学"]]);
  });

  it("refuses a year's statistics row of a school closed before that year, takes the years it existed", async () => {
    const file = (year: number) => ({
      fileName: "学生.csv",
      year,
      contentBase64: Buffer.from(
        `学校标识码,统计年度,小学在校生数\n${S1},${String(year)},300\n${S2},${String(year)},200\n`,
      ).toString("base64"),
    });
    const refused = await planner.request("POST", "/api/stats/imports", file(2024));
    expect(refused.statusCode).toBe(400);
    const error = refused.json<{
      error: { message: string; details: { problems: { row: number; column: string }[] } };
    }>().error;
    expect(error.message).toContain(`${S1}（崆峒区实验小学）已于 2024-07-01 撤并或撤销，不属于 2024 年度`);
    expect(error.details.problems).toEqual([expect.objectContaining({ row: 2, column: "学校标识码" })]);
    const accepted = await planner.request("POST", "/api/stats/imports", file(2023));
    expect(accepted.statusCode).toBe(201);
  });
});
