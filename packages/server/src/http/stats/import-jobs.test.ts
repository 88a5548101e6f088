import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { StatsImportJob, StatsImportJobCreated, StatsImportList } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

type Cells = (string | number | null)[];

async function xlsx(sheets: Record<string, Cells[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) {
      ws.addRow(r);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const S1 = "1620802001";
const S2 = "1620802002";

const year = (y: number, area = 5000): Record<string, Cells[]> => ({
  学生: [
    ["学校标识码", "统计年度", "小学在校生数"],
    [S1, y, 300],
    [S2, y, 200],
  ],
  办学条件: [
    ["学校标识码", "统计年度", "校舍建筑面积"],
    [S1, y, area],
    [S2, y, 4000],
  ],
});

const octet = { "content-type": "application/octet-stream" };

describe.each(testEngines())("statistics import jobs on %s", (engine) => {
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

  const start = async (client: TestClient, fileName: string, y: number, bytes: Buffer) =>
    client.request(
      "POST",
      `/api/stats/import-jobs?year=${y}&fileName=${encodeURIComponent(fileName)}`,
      bytes,
      octet,
    );
  /** Awaits the job's end, then reads it as the page does: over HTTP, as its owner. */
  const finish = async (client: TestClient, jobId: string) => {
    const ended = await server.importJobs.waitFor(jobId);
    expect(["done", "failed"]).toContain(ended.phase);
    const res = await client.request("GET", `/api/stats/import-jobs/${jobId}`);
    expect(res.statusCode).toBe(200);
    const job = res.json<StatsImportJob>();
    expect(job).toEqual(ended);
    return { job };
  };
  const schoolRows = async () => statsRepo.count(server.handle.db, "school_stats");

  it("answers 202 with a job that reaches done with the import's result, and lists the import", async () => {
    const res = await start(planner, "2020 统计.xlsx", 2020, await xlsx(year(2020)));
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<StatsImportJobCreated>();
    const { job } = await finish(planner, jobId);
    expect(job).toMatchObject({
      id: jobId,
      phase: "done",
      fileName: "2020 统计.xlsx",
      year: 2020,
      error: null,
      result: { year: 2020, schools: 2, rows: 4, changedValues: 4 },
    });
    expect(job.done).toBe(job.total);
    expect(await schoolRows()).toBe(2);
    const list = await planner.request("GET", "/api/stats/imports?pageSize=5");
    expect(list.statusCode).toBe(200);
    expect(list.json<StatsImportList>()).toMatchObject({
      total: 1,
      items: [
        { fileName: "2020 统计.xlsx", year: 2020, rows: 4, importedBy: "bureauPlanner（bureauplanner）" },
      ],
    });
  });

  it("fails a job with every problem located by sheet, row and column, and writes nothing", async () => {
    const before = await schoolRows();
    const res = await start(planner, "bad.xlsx", 2021, await xlsx(year(2021, -5)));
    expect(res.statusCode).toBe(202);
    const { job } = await finish(planner, res.json<StatsImportJobCreated>().jobId);
    expect(job.phase).toBe("failed");
    expect(job.failedIn).toBe("validating");
    expect(job.result).toBeNull();
    expect(job.error).toMatchObject({ code: "validation-failed", problemCount: 1 });
    expect(job.error?.problems).toEqual([
      {
        sheet: "办学条件",
        row: 2,
        column: "校舍建筑面积",
        message: expect.stringMatching(/不能为负数/) as string,
      },
    ]);
    expect(await schoolRows()).toBe(before);
    expect((await planner.request("GET", "/api/stats/imports")).json<StatsImportList>().total).toBe(1);
  });

  it("shows a job to its owner only, and refuses users without stats.write", async () => {
    const res = await start(planner, "2022.xlsx", 2022, await xlsx(year(2022)));
    const { jobId } = res.json<StatsImportJobCreated>();
    const other = new TestClient(server.app);
    await other.login("bureausupervisor");
    const peek = await other.request("GET", `/api/stats/import-jobs/${jobId}`);
    expect(peek.statusCode).toBe(404);
    expect(peek.json<{ error: { message: string } }>().error.message).toBe("导入任务不存在或已过期");
    expect((await start(other, "2022.xlsx", 2022, await xlsx(year(2022)))).statusCode).toBe(403);
    expect((await finish(planner, jobId)).job.phase).toBe("done");
  });

  it("refuses a bad year or file name before starting", async () => {
    const res = await start(planner, "x.pdf", 2022, Buffer.from("x"));
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/只支持 \.xlsx、\.csv 文件/);
    expect((await start(planner, "x.csv", 1990, Buffer.from("x"))).statusCode).toBe(400);
  });

  it("fails a job whose .xlsx is not a workbook", async () => {
    for (const bytes of [Buffer.from("hello"), Buffer.from("PK\u0003\u0004 not a zip at all")]) {
      const res = await start(planner, "x.xlsx", 2022, bytes);
      const { job } = await finish(planner, res.json<StatsImportJobCreated>().jobId);
      expect(job.error).toMatchObject({
        code: "validation-failed",
        message: "文件“x.xlsx”不是有效的 Excel（.xlsx）文件",
      });
    }
  });

  it("audits a re-import with the values that changed, before and after", async () => {
    const res = await start(planner, "2020b.xlsx", 2020, await xlsx(year(2020, 5100)));
    expect((await finish(planner, res.json<StatsImportJobCreated>().jobId)).job.result).toMatchObject({
      changedValues: 1,
    });
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "stats.import",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry?.details).toMatchObject({
      changedValues: 1,
      changedPerSchool: { [S1]: 1 },
      sample: [{ code: S1, element: "area.building", before: 5000, after: 5100 }],
      sampleTruncated: false,
    });
  });

  it("forgets a finished job after half an hour", async () => {
    const res = await start(planner, "2023.xlsx", 2023, await xlsx(year(2023)));
    const { jobId } = res.json<StatsImportJobCreated>();
    expect((await finish(planner, jobId)).job.phase).toBe("done");
    server.advance(29 * 60 * 1000);
    await planner.login("bureauplanner");
    expect((await planner.request("GET", `/api/stats/import-jobs/${jobId}`)).statusCode).toBe(200);
    server.advance(2 * 60 * 1000);
    await planner.login("bureauplanner");
    expect((await planner.request("GET", `/api/stats/import-jobs/${jobId}`)).statusCode).toBe(404);
  });
});
