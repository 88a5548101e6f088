import ExcelJS from "exceljs";
import JSZip from "jszip";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, statsRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { BalanceResult } from "@luoshi/contracts";
import { roundHalfUp } from "@luoshi/common";
import { formatDifferenceCoefficient } from "@luoshi/domain/evaluation";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";
import { HEADER_BLOCK_ROWS, MET_MARK, UNMET_MARK } from "../../reports/balance-xlsx.ts";
import { FAILING, PASSING, S1, S2 } from "./balance-test-county.ts";

const TITLE = "崆峒区义务教育优质均衡发展资源配置评估报告（2020年度）";

describe.each(testEngines())("优质均衡 report files on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let county: string;
  let json: BalanceResult;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    county = await server.unitId("620802");
    await statsRepo.insertMany(server.handle.db, "school_stats", [
      { orgUnitId: await server.unitId(S1), year: 2020, values: PASSING },
      { orgUnitId: await server.unitId(S2), year: 2020, values: FAILING },
    ]);
    json = (await planner.request("GET", `/api/evaluations/balance?orgUnitId=${county}&year=2020`)).json();
  });
  afterAll(async () => {
    await server.close();
  });

  it("writes the .xlsx whose cells equal the JSON evaluation, rounded as official tables print", async () => {
    const res = await planner.request(
      "GET",
      `/api/evaluations/balance/report.xlsx?orgUnitId=${county}&year=2020`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(TITLE.replace("评估报告", "评估表"))}.xlsx`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);

    const schools = book.getWorksheet("各校达标情况");
    if (schools === undefined) {
      throw new Error("no 各校达标情况 sheet");
    }
    expect(schools.getCell("A1").text).toContain(TITLE);
    expect(schools.getCell("B2").value).toBe("崆峒区（620802）");
    expect(schools.getCell("B3").value).toBe("2020年");
    expect(schools.getCell("B4").text).toContain("（2017.1 版）");
    expect(schools.getCell("B4").text).not.toContain("cn-national");
    expect(schools.getCell("B5").value).toBe("教学点单独参与计算");
    expect(schools.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_BLOCK_ROWS + 2 });
    expect(json.schools).toHaveLength(2);
    json.schools.forEach((s, i) => {
      const row = schools.getRow(HEADER_BLOCK_ROWS + 3 + i);
      expect(row.getCell(1).value).toBe(s.code);
      expect(row.getCell(2).value).toBe(s.name);
      expect(row.getCell(3).value).toBe("小学");
      s.values.forEach((v, k) => {
        const cell = row.getCell(5 + 2 * k);
        expect(cell.value).toBe(roundHalfUp(v ?? Number.NaN, 2));
        expect(cell.numFmt).toBe("0.00");
        expect(row.getCell(6 + 2 * k).value).toBe(s.met[k] === true ? MET_MARK : UNMET_MARK);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        expect(fill?.fgColor?.argb === "FFFFC7CE").toBe(s.met[k] !== true);
      });
      expect(row.getCell(19).value).toBe(s.met.filter(Boolean).length);
      expect(row.getCell(20).value).toBe(s.pass ? "达标" : "未达标");
    });
    // 3.5 高于规定学历教师 per 100 pupils at 崆峒区第2小学.
    expect(schools.getRow(HEADER_BLOCK_ROWS + 4).getCell(5).value).toBe(3.5);

    const cvs = book.getWorksheet("差异系数");
    if (cvs === undefined) {
      throw new Error("no 差异系数 sheet");
    }
    const rows = cvs.getRows(1, cvs.rowCount) ?? [];
    const primaryStart = rows.findIndex((r) => r.getCell(1).text.startsWith("小学："));
    expect(rows[primaryStart]?.getCell(1).text).toContain(
      "参与计算学校 2 所，在校生 500 人，差异系数限值 0.50",
    );
    for (let k = 0; k < 7; k++) {
      const row = rows[primaryStart + 2 + k];
      expect(row?.getCell(1).value).toBe(k + 1);
      expect(row?.getCell(4).value).toBe(json.primary.thresholds[k]);
      expect(row?.getCell(5).value).toBe(roundHalfUp(json.primary.mean[k] ?? Number.NaN, 2));
      expect(row?.getCell(6).value).toBe(roundHalfUp(json.primary.sd[k] ?? Number.NaN, 2));
      expect(row?.getCell(7).value).toBe(roundHalfUp(json.primary.cv[k] ?? Number.NaN, 3));
      expect(row?.getCell(7).numFmt).toBe("0.000");
      expect(row?.getCell(8).value).toBe(0.5);
      expect(row?.getCell(9).value).toBe(json.primary.cvPass[k] === true ? "达标" : "未达标");
    }
    const issues = book.getWorksheet("数据提示");
    const issueRows = (issues?.getRows(HEADER_BLOCK_ROWS + 2, json.issues.length) ?? []).map((r) => [
      r.getCell(1).text,
      r.getCell(2).text,
      r.getCell(3).text,
    ]);
    expect(issueRows).toContainEqual([
      "警告",
      expect.stringMatching(/^学校 1620802002（崆峒区第2小学）缺少“/),
      "stats-element-missing",
    ]);
    expect(issueRows).toHaveLength(json.issues.length);

    const juniorStart = rows.findIndex((r) => r.getCell(1).text.startsWith("初中："));
    expect(rows[juniorStart + 2]?.getCell(7).value).toBe("—");
  });

  it("prints the chosen 教学点 policy on the workbook", async () => {
    const res = await planner.request(
      "GET",
      `/api/evaluations/balance/report.xlsx?orgUnitId=${county}&year=2020&policy=exclude-below-50`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet("差异系数")?.getCell("B5").value).toBe("不足50人的教学点不参与计算");
  });

  it("writes the .docx report with its title, policy, CV table, failing school and charts", async () => {
    const res = await planner.request(
      "GET",
      `/api/evaluations/balance/report.docx?orgUnitId=${county}&year=2020`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(TITLE)}.docx`,
    );
    const { value: text } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(text).toContain(TITLE);
    expect(text).toContain("教学点处理方式：教学点单独参与计算。");
    expect(text).toContain("国家标准（教督〔2017〕6号；学前普及普惠2020；教督〔2012〕3号）（2017.1 版）");
    for (const cv of json.primary.cv) {
      expect(text).toContain(formatDifferenceCoefficient(cv));
    }
    expect(text).toMatch(
      /数据核查发现问题\d+条（错误\d+条、警告\d+条、提示\d+条），详见评估表（Excel）“数据提示”工作表。/,
    );
    expect(text).toContain("小学参与计算2所，达标1所，未达标1所");
    expect(text).toMatch(
      /崆峒区第2小学\s+小学\s+5\s+高于规定学历教师 3\.50（低于85%）；骨干教师 0\.50（低于85%）/,
    );
    expect(text).toContain("初中没有参与计算的学校。");
    expect(text).not.toContain("{{chart");

    const zip = await JSZip.loadAsync(res.rawPayload);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    // 小学: one 差异系数 chart and 7 distributions; 初中 has no schools, so no charts.
    expect(media.filter((f) => f.endsWith(".svg"))).toHaveLength(8);
    const pngs = media.filter((f) => f.endsWith(".png"));
    expect(pngs).toHaveLength(8);
    for (const f of pngs) {
      const bytes = await zip.file(f)?.async("nodebuffer");
      expect(bytes?.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    const svgs = await Promise.all(
      media.filter((f) => f.endsWith(".svg")).map((f) => zip.file(f)?.async("string") ?? Promise.resolve("")),
    );
    expect(svgs.some((s) => s.includes("限值 0.50"))).toBe(true);
    expect(svgs.some((s) => s.includes("标准值 4.2"))).toBe(true);
    const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(documentXml.match(/asvg:svgBlip/g)).toHaveLength(8);
    expect(await zip.file("[Content_Types].xml")?.async("string")).toMatch(/Extension="svg"/);

    // the trail newest first, read back in the order it was written
    const audit = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "evaluation.report-export",
        limit: 100,
        offset: 0,
      })
    ).rows.reverse();
    expect(audit.map((a) => [a.actor_login, (a.details as { format: string }).format])).toEqual([
      ["bureauplanner", "xlsx"],
      ["bureauplanner", "xlsx"],
      ["bureauplanner", "docx"],
    ]);
  }, 60_000);

  it("should fail with 403 for roles without evaluation.read and outside the actor's scope", async () => {
    const auditor = new TestClient(server.app);
    await auditor.login("auditadmin");
    for (const format of ["xlsx", "docx"]) {
      const denied = await auditor.request(
        "GET",
        `/api/evaluations/balance/report.${format}?orgUnitId=${county}&year=2020`,
      );
      expect(denied.statusCode).toBe(403);
      expect(denied.json<{ error: { message: string } }>().error.message).toBe("您的角色无权执行此操作");
    }
    const other = await planner.request(
      "GET",
      `/api/evaluations/balance/report.docx?orgUnitId=${await server.unitId("620821")}&year=2020`,
    );
    expect(other.statusCode).toBe(403);
    const none = await planner.request(
      "GET",
      `/api/evaluations/balance/report.xlsx?orgUnitId=${county}&year=2019`,
    );
    expect(none.statusCode).toBe(404);
  });
});
