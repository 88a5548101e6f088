import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type {
  StatsImportJob,
  StatsImportJobCreated,
  StatsImportList,
  StatsImportUndoResult,
} from "@luoshi/contracts";
import { workbook, type FuzzCell } from "../../services/statistics/hostile-files.ts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const S1 = "1620802001";
const S2 = "1620802002";
const octet = { "content-type": "application/octet-stream" };

const pupils = (y: number, a: FuzzCell, b: FuzzCell): FuzzCell[][] => [
  ["学校标识码", "统计年度", "小学在校生数"],
  [S1, y, a],
  [S2, y, b],
];
const area = (y: number, a: FuzzCell, b?: FuzzCell): FuzzCell[][] => [
  ["学校标识码", "统计年度", "校舍建筑面积"],
  [S1, y, a],
  ...(b === undefined ? [] : [[S2, y, b]]),
];

describe.each(testEngines())("what a statistics import changes, its preview and undo, on %s", (engine) => {
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

  const run = async (fileName: string, y: number, bytes: Uint8Array, preview = false) => {
    const res = await planner.request(
      "POST",
      `/api/stats/import-jobs?year=${y}&fileName=${encodeURIComponent(fileName)}${preview ? "&preview=true" : ""}`,
      Buffer.from(bytes),
      octet,
    );
    expect(res.statusCode).toBe(202);
    await server.importJobs.waitFor(res.json<StatsImportJobCreated>().jobId);
    return (
      await planner.request("GET", `/api/stats/import-jobs/${res.json<StatsImportJobCreated>().jobId}`)
    ).json<StatsImportJob>();
  };
  const values = async (y: number) => {
    const rows = await statsRepo.listInScope(server.handle.db, "school_stats", WHOLE_TREE, y, y);
    return Object.fromEntries(rows.map((r) => [r.code, r.values]));
  };
  const undo = async (id: string) => planner.request("POST", `/api/stats/imports/${id}/undo`);

  it("changes only what a file covers: one sheet for one school leaves the rest as stored", async () => {
    const full = await run(
      "全年.xlsx",
      2020,
      await workbook({ 学生: pupils(2020, 300, 200), 办学条件: area(2020, 5000, 4000) }),
    );
    expect(full.phase).toBe("done");
    // a 办学条件 file with one school (as if cut short): 学生 and the other school keep their values
    const part = await run("办学条件.xlsx", 2020, await workbook({ 办学条件: area(2020, 5100) }));
    expect(part.result).toMatchObject({ applied: true, changedValues: 1, changedUnits: 1, blankedValues: 0 });
    expect(await values(2020)).toEqual({
      [S1]: { "pupils.primary": 300, "area.building": 5100 },
      [S2]: { "pupils.primary": 200, "area.building": 4000 },
    });
  });

  it("previews what a file would change, blanks included, and writes nothing", async () => {
    const before = await values(2020);
    const imports = await statsRepo.count(server.handle.db, "stats_imports");
    const job = await run("清空.xlsx", 2020, await workbook({ 学生: pupils(2020, null, 210) }), true);
    expect(job.phase).toBe("done");
    expect(job.result).toMatchObject({ id: null, applied: false, changedValues: 2, blankedValues: 1 });
    expect(job.result?.blanked).toEqual([
      {
        sheet: "学生",
        row: 2,
        column: "小学在校生数",
        message: expect.stringMatching(/将清除已存的值 300/) as string,
      },
    ]);
    expect(job.result?.changes).toContainEqual({
      code: S2,
      element: "pupils.primary",
      label: "小学在校生数",
      before: 200,
      after: 210,
    });
    expect(await values(2020)).toEqual(before);
    expect(await statsRepo.count(server.handle.db, "stats_imports")).toBe(imports);
  });

  it("undoes an import as a whole, refusing while a later import changed the same values", async () => {
    const before = await values(2020);
    const first = await run("更正一.xlsx", 2020, await workbook({ 学生: pupils(2020, 310, 200) }));
    const second = await run("更正二.xlsx", 2020, await workbook({ 学生: pupils(2020, 320, 200) }));
    const firstId = first.result?.id ?? "";
    const secondId = second.result?.id ?? "";
    const refused = await undo(firstId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /^无法撤销导入“更正一.xlsx”.*之后的导入 “更正二.xlsx”.*又修改了同样的数据/,
    );
    expect((await values(2020))[S1]?.["pupils.primary"]).toBe(320);

    const undone = await undo(secondId);
    expect(undone.statusCode).toBe(200);
    expect(undone.json<StatsImportUndoResult>()).toEqual({ id: secondId, restored: 1, removed: 0 });
    expect((await values(2020))[S1]?.["pupils.primary"]).toBe(310);
    expect((await undo(firstId)).statusCode).toBe(200);
    expect(await values(2020)).toEqual(before);
    expect((await undo(firstId)).statusCode).toBe(409);

    const list = (await planner.request("GET", "/api/stats/imports?pageSize=3")).json<StatsImportList>();
    expect(list.items.map((i) => [i.fileName, i.undoable, i.undoneAt !== null])).toEqual([
      ["更正二.xlsx", false, true],
      ["更正一.xlsx", false, true],
      ["办学条件.xlsx", true, false],
    ]);
    const audit = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "stats.import.undo",
      limit: 5,
      offset: 0,
    });
    expect(audit.rows.map((r) => r.details)).toContainEqual(
      expect.objectContaining({ fileName: "更正二.xlsx", restored: 1, removed: 0 }),
    );
  });

  it("undoes a first import of a year by removing the rows it added", async () => {
    const job = await run("新年度.xlsx", 2021, await workbook({ 学生: pupils(2021, 300, 200) }));
    expect(await values(2021)).not.toEqual({});
    const res = await undo(job.result?.id ?? "");
    expect(res.json<StatsImportUndoResult>()).toMatchObject({ restored: 0, removed: 2 });
    expect(await values(2021)).toEqual({});
  });

  it("refuses a user without stats.write and one outside the import's scope", async () => {
    const job = await run("权限.xlsx", 2022, await workbook({ 学生: pupils(2022, 300, 200) }));
    const supervisor = new TestClient(server.app);
    await supervisor.login("bureausupervisor");
    expect(
      (await supervisor.request("POST", `/api/stats/imports/${job.result?.id ?? ""}/undo`)).statusCode,
    ).toBe(403);
  });
});
