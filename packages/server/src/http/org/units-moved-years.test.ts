import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnitRepo, scopeOf, statsRepo } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type {
  IndicatorChildren,
  IndicatorDistribution,
  IndicatorSeries,
  OrgUnitDetail,
} from "@luoshi/contracts";
import { systemActor } from "../../context.ts";
import { computeCatalogueTables } from "../../services/statistics/stats-catalogue.service.ts";
import { computeIndicators } from "../../services/statistics/stats-indicators.service.ts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";
import { FAILING, PASSING, S1, S2 } from "../evaluations/balance-test-county.ts";

const CODE = "student-teacher-ratio-primary";
/** Defined for both schools (骨干 and pupils are stored), so the distribution lists them. */
const DEFINED = "backbone-teachers-per-100-primary";

/**
 * A school moved to another 乡镇 counts, in each year's figures of the two 乡镇, under the 乡镇 it
 * belonged to on 1 September of that year: S1 (300 pupils) moves from 中街街道 (A) to 西郊街道 (B)
 * effective 2024-07-01; S2 (200 pupils) stays in A.
 */
describe.each(testEngines())("a moved school counts under its 乡镇 of each year on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let county: string;
  let a: string;
  let b: string;
  let s1: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    county = await server.unitId("620802");
    a = await server.unitId("620802001");
    s1 = await server.unitId(S1);
    const s2 = await server.unitId(S2);
    await statsRepo.insertMany(
      server.handle.db,
      "school_stats",
      [2023, 2024].flatMap((year) => [
        { orgUnitId: s1, year, values: PASSING },
        { orgUnitId: s2, year, values: FAILING },
      ]),
    );
    const admin = new TestClient(server.app);
    await admin.login("systemadmin");
    const created = await admin.request("POST", "/api/org-units", {
      parentId: county,
      kind: "township",
      code: "620802002",
      name: "西郊街道",
      openedOn: "2000-01-01",
    });
    expect(created.statusCode).toBe(201);
    b = created.json<OrgUnitDetail>().id;
    const moved = await admin.request("POST", `/api/org-units/${s1}/move`, {
      parentId: b,
      effectiveOn: "2024-07-01",
    });
    expect(moved.statusCode).toBe(200);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
  });
  afterAll(async () => {
    await server.close();
  });

  const pupils = async (unitId: string, year: number) => {
    const res = await planner.request("GET", `/api/indicators?orgUnitId=${unitId}&year=${String(year)}`);
    expect(res.statusCode).toBe(200);
    const item = res
      .json<{ items: { code: string; numerator: number | null }[] }>()
      .items.find((i) => i.code === CODE);
    return item?.numerator ?? null;
  };

  it("adds the school to the old 乡镇's totals before the move and to the new one's from it", async () => {
    expect([await pupils(a, 2023), await pupils(b, 2023)]).toEqual([500, null]);
    expect([await pupils(a, 2024), await pupils(b, 2024)]).toEqual([200, 300]);
    expect([await pupils(county, 2023), await pupils(county, 2024)]).toEqual([500, 500]);
  });

  it("lists the school among the children of its 乡镇 of that year", async () => {
    const children = async (unitId: string, year: number) => {
      const res = await planner.request(
        "GET",
        `/api/indicators/children?orgUnitId=${unitId}&year=${String(year)}&codes=${CODE}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json<IndicatorChildren>();
      return {
        total: body.total[CODE]?.numerator ?? null,
        children: body.children.map((c) => [c.code, c.values[CODE]?.numerator ?? null]),
      };
    };
    expect(await children(a, 2023)).toEqual({
      total: 500,
      children: [
        [S1, 300],
        [S2, 200],
      ],
    });
    expect(await children(b, 2023)).toEqual({ total: null, children: [] });
    expect(await children(a, 2024)).toEqual({ total: 200, children: [[S2, 200]] });
    expect(await children(b, 2024)).toEqual({ total: 300, children: [[S1, 300]] });
    const byCounty = async (year: number) =>
      (await children(county, year)).children.filter(([code]) => String(code).startsWith("620802"));
    expect(await byCounty(2023)).toEqual([
      ["620802001", 500],
      ["620802002", null],
    ]);
    expect(await byCounty(2024)).toEqual([
      ["620802001", 200],
      ["620802002", 300],
    ]);
  });

  it("draws each 乡镇's series over the years with the school where it was", async () => {
    const series = async (unitId: string) => {
      const res = await planner.request(
        "GET",
        `/api/indicators/series?orgUnitId=${unitId}&from=2023&to=2024&codes=${CODE}`,
      );
      expect(res.statusCode).toBe(200);
      return res.json<IndicatorSeries>().series[0]?.points.map((p) => p.numerator);
    };
    expect(await series(a)).toEqual([500, 200]);
    expect(await series(b)).toEqual([0, 300]);
  });

  it("spreads a 乡镇's schools of that year in the distribution", async () => {
    const schools = async (unitId: string, year: number) => {
      const res = await planner.request(
        "GET",
        `/api/indicators/distribution?orgUnitId=${unitId}&year=${String(year)}&code=${DEFINED}`,
      );
      expect(res.statusCode).toBe(200);
      return res
        .json<IndicatorDistribution>()
        .units.map((u) => u.code)
        .sort();
    };
    expect(await schools(a, 2023)).toEqual([S1, S2]);
    expect(await schools(b, 2023)).toEqual([]);
    expect(await schools(a, 2024)).toEqual([S2]);
    expect(await schools(b, 2024)).toEqual([S1]);
  });

  it("puts the school under its 乡镇 of each year in the 指标总表", async () => {
    const leader = { ...systemActor("test"), role: "leader" as const, scope: scopeOf("/") };
    const tables = await computeCatalogueTables(server.deps, leader, {
      orgUnitId: county,
      from: 2023,
      to: 2024,
    });
    const cell = (code: string, year: number) => tables.cell(CODE, code, year).numerator;
    expect([cell("620802001", 2023), cell("620802002", 2023)]).toEqual([500, 0]);
    expect([cell("620802001", 2024), cell("620802002", 2024)]).toEqual([200, 300]);
    expect([cell("620802", 2023), cell("620802", 2024)]).toEqual([500, 500]);
    const ofA = await computeCatalogueTables(server.deps, leader, { orgUnitId: a, from: 2023, to: 2024 });
    expect([
      ofA.cell(CODE, "620802001", 2023).numerator,
      ofA.cell(CODE, "620802001", 2024).numerator,
    ]).toEqual([500, 200]);
  });

  it("never reads past the caller's scope: a reader of 乡镇 A alone does not see the school now in B", async () => {
    const path = (await orgUnitRepo.findById(server.handle.db, a))?.path ?? "/none/";
    const reader = { ...systemActor("test"), role: "leader" as const, scope: scopeOf(path) };
    const r = await computeIndicators(server.deps, reader, { orgUnitId: a, year: 2023 });
    expect(r.items.find((i) => i.code === CODE)?.numerator).toBe(200);
  });
});
