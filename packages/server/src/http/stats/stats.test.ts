import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { IndicatorList, StatsImportResult, StatsProblem } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

type Cells = (string | number | null)[];
type Sheets = Record<string, Cells[]>;

async function xlsx(sheets: Sheets): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) {
      ws.addRow(r);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const body = (fileName: string, year: number, bytes: Uint8Array) => ({
  fileName,
  year,
  contentBase64: Buffer.from(bytes).toString("base64"),
});

const S1 = "1620802001";
const S2 = "1620802002";

/** A valid year for both 崆峒区 schools and the 中街街道 population. */
const fullYear = (year: number, pupils = 300): Sheets => ({
  学校基本情况: [
    ["学校标识码", "学校名称", "统计年度", "教职工数"],
    [S1, "崆峒区第1小学", year, 30],
    [S2, "崆峒区第2小学", year, 25],
  ],
  学生: [
    ["学校标识码", "统计年度", "小学在校生数"],
    [S1, year, pupils],
    [S2, year, 200],
  ],
  教师: [
    ["学校标识码", "统计年度", "小学专任教师数"],
    [S1, year, 20],
    [S2, year, 20],
  ],
  办学条件: [
    ["学校标识码", "统计年度", "校舍建筑面积"],
    [S1, year, 5000],
    [S2, year, 4000],
  ],
  人口: [
    ["乡镇代码", "统计年度", "6岁人口", "7岁人口", "8岁人口", "9岁人口", "10岁人口", "11岁人口"],
    ["620802001", year, 90, 85, 80, 85, 80, 80],
  ],
});

describe.each(testEngines())("statistics import and indicators on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
  });
  afterAll(async () => {
    await server.close();
  });

  const count = async (table: "school_stats" | "stats_imports" | "population_stats") =>
    statsRepo.count(server.handle.db, table);
  const counts = async () => ({
    schools: await count("school_stats"),
    imports: await count("stats_imports"),
    population: await count("population_stats"),
    audit: (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, limit: 1, offset: 0 })).total,
  });
  const stored = async (code: string, year: number) =>
    (await statsRepo.listInScope(server.handle.db, "school_stats", WHOLE_TREE, year, year)).find(
      (r) => r.code === code,
    )?.values;
  const indicators = async (client: TestClient, code: string, year: number) =>
    client.request("GET", `/api/indicators?orgUnitId=${await server.unitId(code)}&year=${year}`);

  it("imports a year from .xlsx, audits it and computes the county's indicators from it", async () => {
    const res = await planner.request(
      "POST",
      "/api/stats/imports",
      body("2020.xlsx", 2020, await xlsx(fullYear(2020))),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<StatsImportResult>()).toMatchObject({
      year: 2020,
      schools: 2,
      areas: 1,
      rows: 9,
      warnings: [],
    });
    expect(await stored(S1, 2020)).toEqual({
      "staff.total": 30,
      "pupils.primary": 300,
      "teachers.fullTime.primary": 20,
      "area.building": 5000,
    });
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "stats.import",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry?.actor_login).toBe("bureauplanner");
    expect(entry?.details).toMatchObject({
      year: 2020,
      schools: 2,
      // eight school values and the 乡镇's six population values
      changedValues: 14,
      changedPerSchool: { [S1]: 4 },
    });
    const list = await indicators(planner, "620802", 2020);
    expect(list.statusCode).toBe(200);
    const items = list.json<IndicatorList>().items;
    expect(items.find((i) => i.code === "student-teacher-ratio")).toMatchObject({
      value: 500 / 40,
      display: "12.50:1",
      numerator: 500,
      denominator: 40,
    });
    expect(items.find((i) => i.code === "primary-gross-enrolment-rate")).toMatchObject({
      numerator: 500,
      denominator: 500,
    });
    expect(items.length).toBeGreaterThan(30);
    expect((await indicators(planner, "620821", 2020)).statusCode).toBe(403);
  });

  it("changes only what a GBK .csv covers and counts what changed", async () => {
    const csv = ["学校标识码,学校名称,统计年度,小学在校生数", `${S1},崆峒区第1小学,2020,310`].join("\r\n");
    const res = await planner.request(
      "POST",
      "/api/stats/imports",
      body("学生.csv", 2020, iconv.encode(csv, "gbk")),
    );
    expect(res.statusCode).toBe(201);
    // only S1's 小学在校生数 is in the file: its other values and S2, not in the file, keep theirs
    expect(res.json<StatsImportResult>()).toMatchObject({ schools: 1, areas: 0, changedValues: 1 });
    expect(await stored(S1, 2020)).toEqual({
      "staff.total": 30,
      "pupils.primary": 310,
      "teachers.fullTime.primary": 20,
      "area.building": 5000,
    });
    expect(await stored(S2, 2020)).toBeDefined();
    expect(await count("population_stats")).toBe(1);
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "stats.import",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry?.details).toMatchObject({ changedPerSchool: { [S1]: 1 }, rewrittenRows: 1 });
    expect((entry?.details as { sample: unknown[] }).sample).toEqual([
      { code: S1, element: "pupils.primary", before: 300, after: 310 },
    ]);
  });

  it("warns at ten times last year's value but imports", async () => {
    const res = await planner.request(
      "POST",
      "/api/stats/imports",
      body("2021.xlsx", 2021, await xlsx(fullYear(2021, 3100))),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<StatsImportResult>().warnings).toContainEqual(
      expect.objectContaining({ sheet: "学生", row: 2, column: "小学在校生数" }),
    );
  });

  const withRow = (sheet: string, row: Cells, year = 2022): Sheets => {
    const s = fullYear(year);
    return { ...s, [sheet]: [...(s[sheet] ?? []), row] };
  };
  it.each<
    [string, () => Promise<{ name: string; bytes: Uint8Array }>, number, Partial<StatsProblem>, RegExp]
  >([
    [
      "an unknown school code",
      async () => ({ name: "a.xlsx", bytes: await xlsx(withRow("学生", ["9999999999", 2022, 10])) }),
      400,
      { sheet: "学生", row: 4, column: "学校标识码" },
      /9999999999.*不是已登记的学校/,
    ],
    [
      "a negative area",
      async () => {
        const s = fullYear(2022);
        s["办学条件"] = [s["办学条件"]?.[0] ?? [], [S1, 2022, -5]];
        return { name: "a.xlsx", bytes: await xlsx(s) };
      },
      400,
      { sheet: "办学条件", row: 2, column: "校舍建筑面积" },
      /不能为负数/,
    ],
    [
      "a wrong header",
      async () => {
        const s = fullYear(2022);
        s["学生"] = [
          ["学校标识码", "统计年度", "小学在校人数"],
          [S1, 2022, 300],
        ];
        return { name: "a.xlsx", bytes: await xlsx(s) };
      },
      400,
      { sheet: "学生", row: 1, column: "小学在校人数" },
      /不是已知的数据项/,
    ],
    [
      "more teachers than staff across sheets",
      async () => {
        const s = fullYear(2022);
        s["教师"] = [
          ["学校标识码", "统计年度", "小学专任教师数"],
          [S1, 2022, 40],
        ];
        return { name: "a.xlsx", bytes: await xlsx(s) };
      },
      400,
      { sheet: "学校基本情况", column: "教职工数" },
      /专任教师 40 人多于教职工 30 人/,
    ],
    [
      "a year that is not the import's",
      async () => ({
        name: "a.csv",
        bytes: Buffer.from(`学校标识码,统计年度,小学在校生数\n${S1},2019,300\n`),
      }),
      400,
      { row: 2, column: "统计年度" },
      /统计年度应为 2022/,
    ],
    [
      "another county's school",
      async () => ({
        name: "a.csv",
        bytes: Buffer.from(`学校标识码,统计年度,小学在校生数\n1620821001,2022,300\n`),
      }),
      403,
      { sheet: "学生", row: 2, column: "学校标识码" },
      /不在您的管辖范围内/,
    ],
    ["an empty file", async () => ({ name: "a.csv", bytes: new Uint8Array() }), 400, {}, /文件“a.csv”为空/],
    [
      "a header without rows",
      async () => ({ name: "a.csv", bytes: Buffer.from("\uFEFF学校标识码,统计年度,小学在校生数\n") }),
      400,
      {},
      /文件“a.csv”为空/,
    ],
  ])("refuses %s, names where, and writes nothing", async (_name, make, status, where, message) => {
    const before = await counts();
    const file = await make();
    const res = await planner.request("POST", "/api/stats/imports", body(file.name, 2022, file.bytes));
    expect(res.statusCode).toBe(status);
    const error = res.json<{ error: { message: string; details: { problems: StatsProblem[] } } }>().error;
    expect(error.details.problems).toContainEqual(
      expect.objectContaining({ ...where, message: expect.stringMatching(message) as string }),
    );
    expect(await counts()).toEqual(before);
  });

  it("lets a school user import its own school only", async () => {
    const school = new TestClient(server.app);
    await school.login("schooluser");
    const before = await counts();
    const other = `学校标识码,统计年度,小学在校生数\n${S1},2023,300\n${S2},2023,200\n`;
    const refused = await school.request(
      "POST",
      "/api/stats/imports",
      body("a.csv", 2023, Buffer.from(other)),
    );
    expect(refused.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    const own = await school.request(
      "POST",
      "/api/stats/imports",
      body("a.csv", 2023, Buffer.from(`学校标识码,统计年度,小学在校生数\n${S1},2023,300\n`)),
    );
    expect(own.statusCode).toBe(201);
    expect(await stored(S1, 2023)).toEqual({ "pupils.primary": 300 });
    const readOnly = new TestClient(server.app);
    await readOnly.login("leader");
    expect(
      (await readOnly.request("POST", "/api/stats/imports", body("a.csv", 2023, Buffer.from(other))))
        .statusCode,
    ).toBe(403);
  });

  it("serves the template with Chinese headers on every sheet", async () => {
    const res = await planner.request("GET", "/api/stats/template.xlsx");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "填写说明",
      "学校基本情况",
      "学生",
      "教师",
      "办学条件",
      "经费",
      "人口",
      "可选值",
    ]);
    expect(wb.getWorksheet("学生")?.getRow(1).getCell(1).value).toBe("学校标识码");
    expect(wb.getWorksheet("人口")?.getRow(1).getCell(1).value).toBe("乡镇代码");
    // 填写说明 names every column with what it accepts; the lists behind the drop-downs are hidden
    const help = wb.getWorksheet("填写说明");
    const helpText = (help?.getSheetValues() ?? []).flat().map(String).join("\n");
    expect(helpText).toContain("办学类型");
    expect(helpText).toMatch(/从下拉列表中选：[^\n]*小学/);
    expect(wb.getWorksheet("可选值")?.state).toBe("hidden");
    // allowed values as 数据验证: 办学类型 is a list, counts are whole numbers ≥ 0
    const basic = wb.getWorksheet("学校基本情况");
    const typeColumn = basic?.getRow(1).values as unknown[];
    const typeCell = basic?.getCell(2, typeColumn.indexOf("办学类型"));
    expect(typeCell?.dataValidation).toMatchObject({ type: "list" });
    expect(wb.getWorksheet("学生")?.getCell("D5").dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
    });
  });

  it("downloads this year's data as a filled template that imports back as the next year", async () => {
    const county = await server.unitId("620802");
    const res = await planner.request("GET", `/api/stats/template.xlsx?orgUnitId=${county}&year=2020`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain("2020年统计数据.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const pupils = wb.getWorksheet("学生");
    const header = pupils?.getRow(1).values as unknown[];
    const row = pupils?.getRow(2).values as unknown[];
    expect(row[header.indexOf("学校标识码")]).toBe(S1);
    const pupils2020 = (await stored(S1, 2020))?.["pupils.primary"];
    expect(pupils2020).toEqual(expect.any(Number));
    expect(row[header.indexOf("小学在校生数")]).toBe(pupils2020);
    const exported = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "stats.year-export",
      limit: 1,
      offset: 0,
    });
    expect(exported.total).toBe(1);
    // next year starts from this one: change the year, import the same file back
    for (const ws of wb.worksheets) {
      const yearColumn = (ws.getRow(1).values as unknown[]).indexOf("统计年度");
      if (yearColumn > 0) {
        ws.eachRow((r, n) => {
          if (n > 1) {
            r.getCell(yearColumn).value = 2021;
          }
        });
      }
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const back = await planner.request("POST", "/api/stats/imports", body("2021.xlsx", 2021, bytes));
    expect(back.statusCode).toBe(201);
    expect((await stored(S1, 2021))?.["pupils.primary"]).toBe(pupils2020);
  });
});
