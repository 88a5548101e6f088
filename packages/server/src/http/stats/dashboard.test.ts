import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgUnitRepo, statsRepo } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { IndicatorChildren, IndicatorDistribution, IndicatorSeries } from "@luoshi/contracts";
import type { SchoolType } from "@luoshi/domain/org";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const RATIO = "student-teacher-ratio-primary";
const GROSS = "preschool-gross-enrolment-rate";

/**
 * 崆峒区 with two 乡镇: 中街街道 (第1小学 300/20, 第2小学 200/20, a kindergarten with 90 children) and
 * 西郊街道 (第3小学 150/10); 泾川县's school (1000/10) lies outside the planner's scope.
 */
async function seed(server: TestServer): Promise<void> {
  const db = server.handle.db;
  const county = await orgUnitRepo.findByCode(db, "620802");
  const zhongjie = await orgUnitRepo.findByCode(db, "620802001");
  if (county === undefined || zhongjie === undefined) {
    throw new Error("test world changed");
  }
  const xijiao = await orgUnitRepo.insert(
    db,
    { kind: "township", code: "620802002", name: "西郊街道", parent_id: county.id },
    county,
  );
  const school = (code: string, name: string, schoolType: SchoolType, parent: typeof county) =>
    orgUnitRepo.insert(
      db,
      {
        kind: "school",
        code,
        name,
        parent_id: parent.id,
        school_type: schoolType,
        ownership: "public",
        is_inclusive: true,
        urban_rural: "urban",
      },
      parent,
    );
  await school("1620802003", "崆峒区第3小学", "primary", xijiao);
  await school("1620802004", "崆峒区中街幼儿园", "kindergarten", zhongjie);
  const id = (code: string) => server.unitId(code);
  const primary = (pupils: number, teachers: number) => ({
    "pupils.primary": pupils,
    "teachers.fullTime.primary": teachers,
  });
  await statsRepo.insertMany(db, "school_stats", [
    { orgUnitId: await id("1620802001"), year: 2020, values: primary(300, 20) },
    { orgUnitId: await id("1620802002"), year: 2020, values: primary(200, 20) },
    {
      orgUnitId: await id("1620802003"),
      year: 2020,
      values: { ...primary(150, 10), "graduates.junior": 76 },
    },
    { orgUnitId: await id("1620802004"), year: 2020, values: { "pupils.preschool": 90 } },
    { orgUnitId: await id("1620821001"), year: 2020, values: primary(1000, 10) },
    { orgUnitId: await id("1620802001"), year: 2019, values: primary(280, 20) },
    { orgUnitId: await id("1620802002"), year: 2019, values: primary(200, 20) },
    { orgUnitId: await id("1620802003"), year: 2019, values: primary(140, 10) },
    // 初中三年巩固率 reads 招生 three years back.
    { orgUnitId: await id("1620802003"), year: 2017, values: { "entrants.junior": 80 } },
  ]);
  const ages = (n3: number, n4: number, n5: number) => ({
    "population.age3": n3,
    "population.age4": n4,
    "population.age5": n5,
  });
  await statsRepo.insertMany(db, "population_stats", [
    { orgUnitId: zhongjie.id, year: 2020, values: ages(30, 30, 40) },
    { orgUnitId: xijiao.id, year: 2020, values: ages(50, 50, 50) },
  ]);
}

describe.each(testEngines())("indicator dashboard API on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let county: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    await seed(server);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    county = await server.unitId("620802");
  });
  afterAll(async () => {
    await server.close();
  });

  it("gives a unit's series year by year with the published display and a trend", async () => {
    const res = await planner.request(
      "GET",
      `/api/indicators/series?orgUnitId=${county}&from=2019&to=2020&codes=${RATIO},${GROSS}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorSeries>();
    expect(body.years).toEqual([2019, 2020]);
    expect(body.indicators.map((i) => i.code)).toEqual([GROSS, RATIO]);
    const ratio = body.series.find((s) => s.code === RATIO);
    // Σ pupils ÷ Σ teachers of the county's schools only (泾川县 left out): 620/50, 650/50.
    expect(ratio?.points).toEqual([
      { year: 2019, value: 12.4, display: "12.40:1", numerator: 620, denominator: 50 },
      { year: 2020, value: 13, display: "13.00:1", numerator: 650, denominator: 50 },
    ]);
    expect(ratio?.trend?.slope).toBeCloseTo(0.6);
    const gross = body.series.find((s) => s.code === GROSS);
    expect(gross?.points[1]).toMatchObject({ value: 36, display: "36.00%", numerator: 90, denominator: 250 });
    expect(gross?.points[0]?.value).toBeNull();
    expect(body.indicators[0]).toMatchObject({ area: "preschool", areaLabel: "学前教育" });
    expect(body.indicators[0]?.references[0]).toMatchObject({ scope: "area", comparator: ">=", value: 85 });
  });

  it("gives the whole catalogue by default", async () => {
    const res = await planner.request("GET", `/api/indicators/series?orgUnitId=${county}&from=2020&to=2020`);
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorSeries>();
    expect(body.series.length).toBeGreaterThan(30);
    expect(body.series.length).toBe(body.indicators.length);
  });

  it("drills down county → 乡镇 → 学校, the county being Σ分子 ÷ Σ分母 of its children", async () => {
    const res = await planner.request("GET", `/api/indicators/children?orgUnitId=${county}&year=2020`);
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorChildren>();
    // The 教育局 and 财政局 are departments, not statistical units.
    expect(body.children.map((c) => [c.name, c.kind, c.hasChildren])).toEqual([
      ["中街街道", "township", true],
      ["西郊街道", "township", true],
    ]);
    expect(body.children.map((c) => c.values[RATIO]?.value)).toEqual([12.5, 15]);
    const sum = (k: "numerator" | "denominator") =>
      body.children.reduce((s, c) => s + (c.values[RATIO]?.[k] ?? 0), 0);
    expect(body.total[RATIO]).toMatchObject({ numerator: sum("numerator"), denominator: sum("denominator") });
    expect(body.total[RATIO]?.value).toBe(sum("numerator") / sum("denominator"));
    expect(body.children.map((c) => c.values[GROSS]?.display)).toEqual(["90.00%", "0.00%"]);

    const zhongjie = body.children[0]?.id ?? "";
    const schools = (
      await planner.request("GET", `/api/indicators/children?orgUnitId=${zhongjie}&year=2020&codes=${RATIO}`)
    ).json<IndicatorChildren>();
    expect(schools.children.map((c) => [c.code, c.kind, c.schoolType, c.hasChildren])).toEqual([
      ["1620802001", "school", "primary", false],
      ["1620802002", "school", "primary", false],
      ["1620802004", "school", "kindergarten", false],
    ]);
    expect(schools.children.map((c) => c.values[RATIO]?.display)).toEqual(["15.00:1", "10.00:1", "—"]);
    expect(Object.keys(schools.total)).toEqual([RATIO]);
  });

  it("gives the distribution over schools with box figures and histogram", async () => {
    const res = await planner.request(
      "GET",
      `/api/indicators/distribution?orgUnitId=${county}&year=2020&code=${RATIO}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorDistribution>();
    expect(body.level).toBe("school");
    expect(body.units.map((u) => [u.code, u.value])).toEqual([
      ["1620802002", 10],
      ["1620802001", 15],
      ["1620802003", 15],
    ]);
    // The kindergarten has no primary pupils; 泾川县's school is out of scope.
    expect(body.missing).toBe(1);
    expect(body.box).toEqual({ count: 3, min: 10, q1: 12.5, median: 15, q3: 15, max: 15, mean: 40 / 3 });
    expect(body.histogram.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(body.total.value).toBe(13);
  });

  it("reads the earlier years a cohort formula needs, for one indicator as for all", async () => {
    const res = await planner.request(
      "GET",
      `/api/indicators/distribution?orgUnitId=${county}&year=2020&code=junior-retention-rate`,
    );
    const body = res.json<IndicatorDistribution>();
    // 76 graduates in 2020 of 80 entrants in 2017.
    expect(body.units.map((u) => [u.code, u.display])).toEqual([["1620802003", "95.00%"]]);
    expect(body.indicator.references[0]).toMatchObject({ comparator: ">=", value: 95 });
    const series = (
      await planner.request("GET", `/api/indicators/series?orgUnitId=${county}&from=2020&to=2020`)
    ).json<IndicatorSeries>();
    expect(series.series.find((s) => s.code === "junior-retention-rate")?.points[0]?.value).toBe(95);
  });

  it("falls back to 乡镇 when no school has a value, with the national reference line", async () => {
    const res = await planner.request(
      "GET",
      `/api/indicators/distribution?orgUnitId=${county}&year=2020&code=${GROSS}`,
    );
    const body = res.json<IndicatorDistribution>();
    expect(body.level).toBe("area");
    expect(body.units.map((u) => [u.name, u.display])).toEqual([
      ["西郊街道", "0.00%"],
      ["中街街道", "90.00%"],
    ]);
    expect(body.references).toEqual([expect.objectContaining({ comparator: ">=", value: 85 })]);
  });

  it("refuses units outside the scope, users without stats.read, unknown units and bad input", async () => {
    const jingchuan = await server.unitId("620821");
    const school = new TestClient(server.app);
    await school.login("schooluser");
    const admin = new TestClient(server.app);
    await admin.login("systemadmin");
    const urls = (id: string) => [
      `/api/indicators/series?orgUnitId=${id}&from=2019&to=2020`,
      `/api/indicators/children?orgUnitId=${id}&year=2020`,
      `/api/indicators/distribution?orgUnitId=${id}&year=2020&code=${RATIO}`,
    ];
    for (const url of urls(jingchuan)) {
      const res = await planner.request("GET", url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/管辖范围/);
    }
    for (const url of urls(county)) {
      expect((await school.request("GET", url)).statusCode, url).toBe(403);
      expect((await admin.request("GET", url)).statusCode, url).toBe(403);
    }
    for (const url of urls("00000000-0000-4000-8000-000000000000")) {
      expect((await planner.request("GET", url)).statusCode, url).toBe(404);
    }
    const bad = [
      `/api/indicators/series?orgUnitId=${county}&from=2021&to=2020`,
      `/api/indicators/series?orgUnitId=${county}&from=1990&to=2020`,
      `/api/indicators/series?orgUnitId=${county}&from=2000&to=2020`,
      `/api/indicators/series?orgUnitId=${county}&from=2019&to=2020&codes=no-such-one`,
      `/api/indicators/series?orgUnitId=${county}&from=2019&to=2020&codes=DROP TABLE`,
      `/api/indicators/children?orgUnitId=not-a-uuid&year=2020`,
      `/api/indicators/distribution?orgUnitId=${county}&year=2020`,
    ];
    for (const url of bad) {
      expect((await planner.request("GET", url)).statusCode, url).toBe(400);
    }
    const unknown = await planner.request(
      "GET",
      `/api/indicators/distribution?orgUnitId=${county}&year=2020&code=no-such-one`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { message: string } }>().error.message).toMatch(/no-such-one/);
  });
});
