import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, orgUnitRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type {
  CatalogueEntry,
  IndicatorCatalogue,
  IndicatorList,
  PlanDetail,
  TargetMonitorItem,
  TargetMonitorList,
} from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

/** The 崆峒区 十四五 education plan. */
const SEED_000 = readFileSync(
  new URL("../../../../domain/fixtures/seeds/000_0be9ef1e3056036c.txt", import.meta.url),
);

async function xlsx(sheets: Record<string, (string | number)[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) {
      ws.addRow(r);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

const SCHOOLS = ["1620802001", "1620802002"];

/**
 * One year for both 崆峒区 schools: 20 专任教师 of whom `associate` have 专科 and the rest 高中阶段 (all
 * qualified for 小学), 20 classes of which `large` are 56–65.
 */
const year = (y: number, associate: number, large: number) => ({
  学生: [
    [
      "学校标识码",
      "统计年度",
      "小学在校生数",
      "小学班数",
      "小学46-55人班数",
      "小学56-65人班数",
      "小学66人及以上班数",
    ],
    ...SCHOOLS.map((s, i) => [s, y, i === 0 ? 300 : 200, 20, 20 - large, large, 0]),
  ],
  教师: [
    ["学校标识码", "统计年度", "小学专任教师数", "小学专任教师专科学历", "小学专任教师高中阶段学历"],
    ...SCHOOLS.map((s) => [s, y, 20, associate, 20 - associate]),
  ],
});

describe.each(testEngines())("目标监测 and custom indicators on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let leader: TestClient;
  let school: TestClient;
  let county: string;
  let monitor: TargetMonitorList;
  const find = (items: readonly TargetMonitorItem[], metric: string) => {
    const item = items.find((i) => i.metric === metric);
    if (item === undefined) {
      throw new Error(`no target for ${metric}`);
    }
    return item;
  };
  const load = async (client: TestClient, unit = county, y = 2022) =>
    client.request("GET", `/api/targets/monitor?orgUnitId=${unit}&year=${String(y)}`);

  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    leader = new TestClient(server.app);
    school = new TestClient(server.app);
    await planner.login("bureauplanner");
    await leader.login("leader");
    await school.login("schooluser");
    county = await server.unitId("620802");
    // 专科+ share 70, 75, 80, 85 %; 大班额 share stuck at 10 %.
    for (const [y, associate] of [
      [2019, 14],
      [2020, 15],
      [2021, 16],
      [2022, 17],
    ] as const) {
      const res = await planner.request("POST", "/api/stats/imports", {
        fileName: `${String(y)}.xlsx`,
        year: y,
        contentBase64: await xlsx(year(y, associate, 2)),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const imported = await planner.request("POST", "/api/plans", {
      fileName: "崆峒区十四五教育规划.txt",
      contentBase64: SEED_000.toString("base64"),
    });
    expect(imported.statusCode).toBe(201);
    const plan = imported.json<PlanDetail>();
    // Staff add a target without a number; the plan's own 大班额问题基本消除 stays in its 发展目标 text.
    const added = await planner.request("POST", `/api/plans/${plan.id}/targets`, {
      path: "3.2",
      text: "基本消除超大班额",
      metric: "超大班额",
      indicatorCode: null,
      comparator: "<=",
      value: null,
      valueMax: null,
      unit: "",
      year: 2025,
      kind: "target",
    });
    expect(added.statusCode).toBe(200);
    expect((await planner.request("POST", `/api/plans/${plan.id}/confirm`)).statusCode).toBe(200);
    const res = await load(leader);
    expect(res.statusCode, res.body).toBe(200);
    monitor = res.json<TargetMonitorList>();
  });
  afterAll(async () => {
    await server.close();
  });

  it("lists the confirmed plan's targets with suggested indicators and statuses from the data", () => {
    expect(monitor.orgUnit.code).toBe("620802");
    expect(monitor.items.every((i) => i.planTitle === "平凉市崆峒区“十四五”教育事业发展专项规划")).toBe(true);
    // 达到90%: 70 → 85 % over 2019–2022, the trend passes 90 before 2025.
    const above = find(monitor.items, "小学教师专科以上学历比例");
    expect(above).toMatchObject({
      indicatorCode: "above-qualification-teacher-share-primary",
      linkState: "suggested",
      // 达到90% is judged as ≥ 90 (a higher-is-better indicator).
      comparator: ">=",
      value: 90,
      targetYear: 2025,
      latest: { year: 2022, value: 85 },
      baseline: { year: 2020, value: 75 },
      status: "on-track",
      statusLabel: "进度正常",
      requiredYearlyChange: 1.6667,
    });
    expect(above.series.map((p) => p.value)).toContain(70);
    expect(above.projected).toBeCloseTo(100, 6);
    // 学历合格率 100 %: every teacher is qualified.
    expect(find(monitor.items, "小学专任教师学历合格率")).toMatchObject({
      indicatorCode: "teacher-qualification-rate-primary",
      status: "achieved",
    });
    // No senior-school data at all.
    expect(find(monitor.items, "普通高中教师学历合格率")).toMatchObject({
      indicatorCode: "teacher-qualification-rate-senior",
      status: "no-data",
    });
    // The parser's baseline figure wins over the data (94.08 % in 2020).
    expect(find(monitor.items, "学前三年毛入园率").baseline).toEqual({ year: 2020, value: 94.08 });
    // A metric the statistics cannot measure stays unlinked.
    expect(find(monitor.items, "人均受教育年限")).toMatchObject({ indicatorCode: null, linkState: "none" });
  });

  it("assesses 基本消除大班额, stated in the plan's goal text, by its rule: 大班额 ≤ 5 % (at 10 %) → off track", () => {
    const fromText = monitor.items.filter((i) => i.origin === "text");
    expect(fromText).toHaveLength(1);
    expect(fromText[0]).toMatchObject({
      text: "大班额问题基本消除",
      path: "3.2",
      rule: "大班额比例 ≤ 5% 且 超大班额比例 ≤ 2%（standards §4 (S23) [C]）",
      status: "off-track",
      latest: { year: 2022, value: 10 },
      goal: 5,
      seriesIndicatorName: "大班额比例",
      targetYear: 2025,
    });
  });

  it("assesses a target row without a number (基本消除超大班额) by its rule: none above 66 → achieved", () => {
    const item = find(monitor.items, "超大班额");
    expect(item).toMatchObject({
      origin: "target",
      rule: "超大班额比例 ≤ 2%（standards §4 (S23) [C]）",
      status: "achieved",
      latest: { year: 2022, value: 0 },
    });
  });

  it("confirms a suggested link with an audit entry; roles without plan.write get 403", async () => {
    const target = find(monitor.items, "幼儿园专任教师学历合格率");
    expect(target).toMatchObject({
      indicatorCode: "teacher-qualification-rate-preschool",
      linkState: "suggested",
    });
    expect(
      (await leader.request("PUT", `/api/targets/${target.targetId}/link`, { indicatorCode: null }))
        .statusCode,
    ).toBe(403);
    const unknown = await planner.request("PUT", `/api/targets/${target.targetId}/link`, {
      indicatorCode: "no-such-indicator",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toMatch(/no-such-indicator/);

    const res = await planner.request("PUT", `/api/targets/${target.targetId}/link`, {
      indicatorCode: "teacher-qualification-rate-preschool",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      linkState: "confirmed",
      indicatorCode: "teacher-qualification-rate-preschool",
    });
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "target.link",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry).toMatchObject({
      actor_login: "bureauplanner",
      entity_id: target.targetId,
      before: { indicatorCode: "teacher-qualification-rate", linkState: "suggested" },
      after: { indicatorCode: "teacher-qualification-rate-preschool", linkState: "confirmed" },
    });
    const after = (await load(leader)).json<TargetMonitorList>();
    expect(after.items.find((i) => i.targetId === target.targetId)).toMatchObject({
      linkState: "confirmed",
      indicatorCode: "teacher-qualification-rate-preschool",
    });

    // “No indicator measures it” is a confirmation too.
    const years = find(monitor.items, "人均受教育年限");
    expect(
      (await planner.request("PUT", `/api/targets/${years.targetId}/link`, { indicatorCode: null }))
        .statusCode,
    ).toBe(200);
    const again = (await load(planner)).json<TargetMonitorList>();
    expect(again.items.find((i) => i.targetId === years.targetId)).toMatchObject({
      linkState: "confirmed",
      indicatorCode: null,
    });
  });

  it("keeps another county out of scope and measures the county plan on a township below it", async () => {
    expect((await load(planner, await server.unitId("620821"))).statusCode).toBe(403);
    const township = (await load(planner, await server.unitId("620802001"))).json<TargetMonitorList>();
    // A township is below 崆峒区: the county plan applies to it, measured on its own schools.
    expect(find(township.items, "小学教师专科以上学历比例").latest).toEqual({ year: 2022, value: 85 });
  });

  it("checks a custom formula, names the position of a mistake, and computes the indicator once saved", async () => {
    const body = {
      code: "primary-average-class-size",
      name: "小学平均班额",
      unit: "人",
      formula: "sum(pupils.primary) / sum(classes.primry)",
      category: "办学规模",
      display: "number",
    };
    const bad = await planner.request("POST", "/api/indicators/custom", body);
    expect(bad.statusCode).toBe(400);
    const message = bad.json<{ error: { message: string } }>().error.message;
    expect(message).toMatch(/^计算公式有误：/);
    expect(message).toMatch(/第 27 个字符处.*classes\.primry/);
    expect(message).toMatch(/出错处：“ry\) \/ sum\(▲classes\.primry\)”/);

    const check = await planner.request("POST", "/api/indicators/custom/check", {
      formula: "sum(pupils.primary) /",
    });
    expect(check.json()).toMatchObject({ ok: false, problems: [{ offset: expect.any(Number) as number }] });

    expect(
      (await school.request("POST", "/api/indicators/custom", { ...body, formula: "sum(pupils.primary)" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await leader.request("POST", "/api/indicators/custom", { ...body, formula: "sum(pupils.primary)" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await planner.request("POST", "/api/indicators/custom", { ...body, code: "large-class-share" }))
        .statusCode,
    ).toBe(409);

    const ok = await planner.request("POST", "/api/indicators/custom", {
      ...body,
      formula: "sum(pupils.primary) / sum(classes.primary)",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<CatalogueEntry>()).toMatchObject({ origin: "custom", active: true, category: "办学规模" });
    expect(
      (
        await auditRepo.list(server.handle.db, {
          scope: WHOLE_TREE,
          action: "indicator.create",
          limit: 1,
          offset: 0,
        })
      ).total,
    ).toBe(1);

    const catalogue = (await leader.request("GET", "/api/indicators/catalogue")).json<IndicatorCatalogue>();
    expect(catalogue.items.find((i) => i.code === "large-class-share")).toMatchObject({
      origin: "standard",
      formula: expect.stringContaining("classes.compulsory.size56to65") as string,
    });
    expect(catalogue.items.find((i) => i.code === "primary-average-class-size")?.origin).toBe("custom");

    const indicators = async () =>
      (await leader.request("GET", `/api/indicators?orgUnitId=${county}&year=2022`)).json<IndicatorList>()
        .items;
    expect((await indicators()).find((i) => i.code === "primary-average-class-size")).toMatchObject({
      value: 500 / 40,
      name: "小学平均班额",
    });

    const off = await planner.request("PATCH", "/api/indicators/custom/primary-average-class-size", {
      active: false,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await indicators()).some((i) => i.code === "primary-average-class-size")).toBe(false);
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "indicator.deactivate",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry).toMatchObject({ before: { active: true }, after: { active: false } });
  });
});

/**
 * 队列推算 of a 九年义务教育巩固率 target (≥ 95 % by 2025, seen from 2022) on one 九年一贯制 school:
 * - observed 巩固率 falls: 2018 graduates 200, 2019 195, 2020–2022 190, over 小学招生 200 nine years back
 *   plus net transfers +10 → 95.24, 92.86, 90.48, 90.48, 90.48 % — the trend stays below 95;
 * - the 2025 graduates are 2022's 七年级 (210), retained 七→八 1.0 (200 → 200), 八→九 0.95 (200 → 190),
 *   graduating 1.0 (190 → 190): 199.5; their base is 2016's 小学招生 200 × (1 + 10/200) = 210 → 95 %.
 */
describe.each(testEngines())("目标监测 by cohort flow on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    const db = server.handle.db;
    const township = await orgUnitRepo.findByCode(db, "620802001");
    if (township === undefined) {
      throw new Error("test world changed");
    }
    const school = await orgUnitRepo.insert(
      db,
      {
        kind: "school",
        code: "1620802009",
        name: "崆峒区九年一贯制学校",
        parent_id: township.id,
        school_type: "nineYear",
        ownership: "public",
        is_inclusive: true,
        urban_rural: "urban",
      },
      township,
    );
    const graduates: Readonly<Record<number, number>> = { 2018: 200, 2019: 195 };
    const rows = [
      ...[2009, 2010, 2011, 2012, 2013, 2016].map((year) => ({ year, values: { "entrants.primary": 200 } })),
      ...[2018, 2019, 2020, 2021, 2022].map((year) => ({
        year,
        values: {
          "pupils.junior.g1": year === 2022 ? 210 : 200,
          "pupils.junior.g2": 200,
          "pupils.junior.g3": 190,
          "graduates.junior": graduates[year] ?? 190,
          "cohort.compulsory.transfersIn": 12,
          "cohort.compulsory.transfersOut": 2,
        },
      })),
    ];
    await statsRepo.insertMany(
      db,
      "school_stats",
      rows.map((r) => ({ orgUnitId: school.id, ...r })),
    );
    const imported = await planner.request("POST", "/api/plans", {
      fileName: "崆峒区十四五教育规划.txt",
      contentBase64: SEED_000.toString("base64"),
    });
    const plan = imported.json<PlanDetail>();
    const added = await planner.request("POST", `/api/plans/${plan.id}/targets`, {
      path: "3.2",
      text: "九年义务教育巩固率保持在95%以上",
      metric: "九年义务教育巩固率",
      indicatorCode: "compulsory-retention-rate",
      comparator: ">=",
      value: 95,
      valueMax: null,
      unit: "%",
      year: 2025,
      kind: "target",
    });
    expect(added.statusCode, added.body).toBe(200);
    expect((await planner.request("POST", `/api/plans/${plan.id}/confirm`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await server.close();
  });

  it("projects a 巩固率 target by cohort flow: on track although its trend falls", async () => {
    const county = await server.unitId("620802");
    const res = await planner.request("GET", `/api/targets/monitor?orgUnitId=${county}&year=2022`);
    expect(res.statusCode, res.body).toBe(200);
    const item = res
      .json<TargetMonitorList>()
      .items.find((i) => i.text === "九年义务教育巩固率保持在95%以上");
    expect(item).toMatchObject({
      indicatorCode: "compulsory-retention-rate",
      targetYear: 2025,
      status: "on-track",
      projectionMethod: "cohort",
    });
    expect(
      item?.series.filter((p) => p.year >= 2018).map((p) => Math.round((p.value ?? 0) * 100) / 100),
    ).toEqual([95.24, 92.86, 90.48, 90.48, 90.48]);
    expect(item?.latest?.value).toBeCloseTo(9500 / 105, 9);
    expect(item?.projected).toBeCloseTo(95, 4);
    expect(item?.requiredYearlyChange).toBeCloseTo((95 - 9500 / 105) / 3, 4);
  });
});
