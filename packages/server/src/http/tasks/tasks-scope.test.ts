import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import type { TaskDetail, TaskPage } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const inDays = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** The titles in the 台账 workbook's 任务内容 column. */
async function exportedTitles(c: TestClient, query: string): Promise<unknown[]> {
  const res = await c.request("GET", `/api/tasks/export.xlsx${query}`);
  expect(res.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const titles: unknown[] = [];
  book.getWorksheet("督办台账")?.eachRow((row, n) => {
    if (n > 1) {
      titles.push(row.getCell(2).value);
    }
  });
  return titles;
}

// Issue 14: a unit's or a school's `unitId` filter narrows its own tasks and never reaches another unit's.
describe.each(testEngines())("the ledger's scope on %s", (engine) => {
  let server: TestServer;
  let bureau: TestClient;
  let unit: TestClient;
  let school: TestClient;
  const ids: Record<"czj" | "jyj" | "school2", string> = { czj: "", jyj: "", school2: "" };
  const titles = { czj: "财政局牵头任务", jyj: "教育局自办任务", school2: "第2小学牵头任务" };
  const list = async (c: TestClient, query = "") => {
    const res = await c.request("GET", `/api/tasks${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<TaskPage>();
  };

  beforeAll(async () => {
    server = await createTestServer(engine);
    bureau = new TestClient(server.app);
    unit = new TestClient(server.app);
    school = new TestClient(server.app);
    await bureau.login("bureauplanner");
    await unit.login("unituser");
    await school.login("schooluser");
    const leads = { czj: "620802-czj", jyj: "620802-jyj", school2: "1620802002" } as const;
    for (const key of ["czj", "jyj", "school2"] as const) {
      const res = await bureau.request("POST", "/api/tasks", {
        title: titles[key],
        sourceKind: "meeting",
        leadUnitId: await server.unitId(leads[key]),
        deadline: inDays(30),
      });
      expect(res.statusCode).toBe(201);
      ids[key] = res.json<TaskDetail>().id;
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers a unit user asking for another unit's tasks with an empty list", async () => {
    const page = await list(unit, `?unitId=${await server.unitId("620802-jyj")}`);
    expect(page).toMatchObject({ total: 0, items: [] });
  });

  it("answers a school user asking for another school's tasks with an empty list", async () => {
    const page = await list(school, `?unitId=${await server.unitId("1620802002")}`);
    expect(page).toMatchObject({ total: 0, items: [] });
  });

  it("leaves another unit's tasks out of a unit user's export", async () => {
    const titlesSeen = await exportedTitles(unit, `?unitId=${await server.unitId("620802-jyj")}`);
    expect(titlesSeen).toEqual([]);
    const school2 = await exportedTitles(school, `?unitId=${await server.unitId("1620802002")}`);
    expect(school2).toEqual([]);
  });

  it("lets a unit user narrow to its own unit", async () => {
    const own = await list(unit, `?unitId=${await server.unitId("620802-czj")}`);
    expect(own.items.map((t) => t.id)).toEqual([ids.czj]);
    expect((await list(unit)).items.map((t) => t.id)).toEqual([ids.czj]);
    expect(await exportedTitles(unit, "")).toEqual([titles.czj]);
  });

  it("keeps a bureau user's results: the whole jurisdiction, or one unit's tasks", async () => {
    expect((await list(bureau)).total).toBe(3);
    const jyj = await list(bureau, `?unitId=${await server.unitId("620802-jyj")}`);
    expect(jyj.items.map((t) => t.id)).toEqual([ids.jyj]);
    const school2 = await list(bureau, `?unitId=${await server.unitId("1620802002")}`);
    expect(school2.items.map((t) => t.id)).toEqual([ids.school2]);
  });
});
