import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statsRepo } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { IndicatorList } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

describe.each(testEngines())("GET /api/indicators/table.xlsx on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    const school = (code: string, year: number, pupils: number) => ({
      orgUnitId: "",
      code,
      year,
      values: { "pupils.primary": pupils, "teachers.fullTime.primary": 20, "staff.total": 25 },
    });
    const rows = [
      school("1620802001", 2020, 300),
      school("1620802002", 2020, 200),
      school("1620802001", 2021, 330),
      school("1620821001", 2021, 100),
    ];
    for (const r of rows) {
      r.orgUnitId = await server.unitId(r.code);
    }
    await statsRepo.insertMany(server.handle.db, "school_stats", rows);
    await statsRepo.insertMany(server.handle.db, "population_stats", [
      {
        orgUnitId: await server.unitId("620802001"),
        year: 2020,
        values: Object.fromEntries([6, 7, 8, 9, 10, 11].map((a) => [`population.age${a}`, 90])),
      },
    ]);
  });
  afterAll(async () => {
    await server.close();
  });

  const table = async (client: TestClient, query: string) =>
    client.request("GET", `/api/indicators/table.xlsx?${query}`);

  it("downloads every unit × year of the county with the values /api/indicators gives", async () => {
    const county = await server.unitId("620802");
    const res = await table(planner, `orgUnitId=${county}&from=2020&to=2021`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("崆峒区指标总表2020-2021.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("指标总表");
    // 崆峒区, 中街街道 and two schools (not the departments), two years each.
    expect(ws?.rowCount).toBe(1 + 4 * 2);
    const header = (ws?.getRow(1).values ?? []) as unknown[];
    const list = (
      await planner.request("GET", `/api/indicators?orgUnitId=${county}&year=2020`)
    ).json<IndicatorList>();
    const rows = ws?.getRows(2, 8) ?? [];
    const countyRow = rows.find((r) => r.getCell(1).value === "620802" && r.getCell(5).value === 2020);
    expect(countyRow?.getCell(2).value).toBe("崆峒区");
    let checked = 0;
    for (const item of list.items) {
      const column = header.indexOf(item.unit === "" ? item.name : `${item.name}（${item.unit}）`);
      expect(column, item.name).toBeGreaterThan(5);
      const cell = countyRow?.getCell(column).value ?? null;
      if (item.value === null) {
        expect(cell, item.name).toBeNull();
      } else {
        expect(cell, item.name).toBeCloseTo(item.value, 1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
    // The 指标说明 sheet names the rules the 义务教育生均 figures were computed under.
    const about = wb.getWorksheet("指标说明");
    const ruleOf = (code: string) =>
      about
        ?.getRows(2, list.items.length)
        ?.find((r) => r.getCell(1).value === code)
        ?.getCell(6).value ?? null;
    expect(ruleOf("teaching-area-per-pupil-compulsory")).toBe(
      list.items.find((i) => i.code === "teaching-area-per-pupil-compulsory")?.basis?.label,
    );
    expect(list.items.find((i) => i.code === "teaching-area-per-pupil-compulsory")?.basis?.label).toContain(
      "教学点",
    );
    expect(ruleOf("student-teacher-ratio-primary")).toBeNull();
    const townships = await table(planner, `orgUnitId=${county}&from=2020&to=2020&kinds=township`);
    const only = new ExcelJS.Workbook();
    await only.xlsx.load(townships.rawPayload as unknown as ExcelJS.Buffer);
    expect(only.getWorksheet("指标总表")?.getRow(2).getCell(1).value).toBe("620802001");
    expect(only.getWorksheet("指标总表")?.rowCount).toBe(2);
  });

  it("refuses a unit outside the scope, a reversed range and anonymous callers", async () => {
    const other = await server.unitId("620821");
    expect((await table(planner, `orgUnitId=${other}&from=2020&to=2021`)).statusCode).toBe(403);
    const county = await server.unitId("620802");
    const reversed = await table(planner, `orgUnitId=${county}&from=2021&to=2020`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain("起始年度不能晚于截止年度");
    expect((await table(planner, `orgUnitId=${county}&from=2020&to=2020&kinds=village`)).statusCode).toBe(
      400,
    );
    expect(
      (await table(new TestClient(server.app), `orgUnitId=${county}&from=2020&to=2020`)).statusCode,
    ).toBe(401);
  });
});
