import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { PlanAdoptionForm, PlanDetail, PlanReportView, TargetMonitorList } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const seed = (name: string) =>
  readFileSync(new URL(`../../../../domain/fixtures/seeds/${name}.txt`, import.meta.url)).toString("base64");

/** One year of 专任教师 for both 崆峒区 schools: 20 each, `associate` of them with 专科. */
async function teachers(y: number, associate: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("教师");
  ws.addRow(["学校标识码", "统计年度", "小学专任教师数", "小学专任教师专科学历", "小学专任教师高中阶段学历"]);
  for (const school of ["1620802001", "1620802002"]) {
    ws.addRow([school, y, 20, associate, 20 - associate]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
}

describe.each(testEngines())("承接方案 on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let leader: TestClient;
  let county: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    leader = new TestClient(server.app);
    await planner.login("bureauplanner");
    await leader.login("leader");
    county = await server.unitId("620802");
  });
  afterAll(async () => {
    await server.close();
  });

  it("makes an own plan from a confirmed 上级文件's picked items, with local units and local targets linked back", async () => {
    const imported = await planner.request("POST", "/api/plans", {
      fileName: "西宁市实施方案.txt",
      contentBase64: seed("001_72fade767b193fd1"),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const higher = imported.json<PlanDetail>();
    expect(higher.documentLevel).toBe("higher");
    // a draft is not yet a document the county implements
    expect((await planner.request("GET", `/api/plans/${higher.id}/adoption`)).statusCode).toBe(409);
    expect((await planner.request("POST", `/api/plans/${higher.id}/confirm`)).statusCode).toBe(200);

    const formRes = await leader.request("GET", `/api/plans/${higher.id}/adoption`);
    expect(formRes.statusCode, formRes.body).toBe(200);
    const form = formRes.json<PlanAdoptionForm>();
    expect(form.suggestedTitle).toContain("崆峒区");
    expect(form.localUnits.some((u) => u.name === "崆峒区教育局")).toBe(true);
    expect(form.localUnits.every((u) => !u.name.startsWith("西宁"))).toBe(true);
    const withTarget = form.items.find((i) => i.targets.some((t) => t.value !== null));
    const plain = form.items.find((i) => i.role === "task" && i.targets.length === 0 && i !== withTarget);
    expect(withTarget).toBeDefined();
    expect(plain).toBeDefined();
    if (withTarget === undefined || plain === undefined) {
      return;
    }
    const target = withTarget.targets.find((t) => t.value !== null);
    const bureau = form.localUnits.find((u) => u.name === "崆峒区教育局");
    const finance = form.localUnits.find((u) => u.name !== "崆峒区教育局" && u.name !== "崆峒区");
    if (target === undefined || bureau === undefined || finance === undefined) {
      throw new Error("fixture lacks a target or local units");
    }

    const path = `/api/plans/${higher.id}/adoptions`;
    const body = {
      items: [
        {
          nodeId: withTarget.nodeId,
          units: [
            { orgUnitId: bureau.orgUnitId, isLead: true },
            { orgUnitId: finance.orgUnitId, isLead: false },
          ],
          targets: [{ targetId: target.targetId, value: (target.value ?? 0) + 1 }],
        },
        { nodeId: plain.nodeId, units: [{ orgUnitId: bureau.orgUnitId, isLead: true }] },
      ],
    };
    expect((await leader.request("POST", path, body)).statusCode).toBe(403);
    // a unit id that is not the county's (its last digit changed, never to itself)
    const unknownUnit = `${county.slice(0, -1)}${county.endsWith("0") ? "1" : "0"}`;
    const foreign = await planner.request("POST", path, {
      items: [{ nodeId: plain.nodeId, units: [{ orgUnitId: unknownUnit, isLead: true }] }],
    });
    expect(foreign.statusCode).toBe(400);
    const created = await planner.request("POST", path, body);
    expect(created.statusCode, created.body).toBe(201);
    const own = created.json<PlanDetail>();
    expect(own).toMatchObject({ status: "draft", documentLevel: "own", adoptsPlanId: higher.id });
    const adopted = own.nodes.find((n) => n.adoptedNodeId === withTarget.nodeId);
    expect(adopted?.units.map((u) => [u.name, u.isLead, u.orgUnitId])).toEqual([
      ["崆峒区教育局", true, bureau.orgUnitId],
      [finance.name, false, finance.orgUnitId],
    ]);
    expect(own.nodes.some((n) => n.adoptedNodeId === plain.nodeId)).toBe(true);
    expect(own.targets.map((t) => [t.path, t.metric, t.value])).toEqual([
      [adopted?.path, target.metric, (target.value ?? 0) + 1],
    ]);
    const source = (await planner.request("GET", `/api/plans/${own.id}/source`)).json<{ text: string }>();
    expect(source.text).toContain(`牵头单位：崆峒区教育局`);

    expect((await planner.request("POST", `/api/plans/${own.id}/confirm`)).statusCode).toBe(200);
    const monitor = await leader.request("GET", `/api/targets/monitor?orgUnitId=${county}&year=2022`);
    const plans = new Set(monitor.json<TargetMonitorList>().items.map((i) => i.planId));
    expect(plans.has(own.id)).toBe(true);
    expect(plans.has(higher.id)).toBe(false);

    const again = (await planner.request("GET", `/api/plans/${higher.id}/adoption`)).json<PlanAdoptionForm>();
    expect(again.adoptions).toEqual([
      { planId: own.id, title: own.title, status: "confirmed", statusLabel: "已确认" },
    ]);
    // the year's 监测报告 of the 承接方案: its own local target, none of the city's
    const page = await leader.request("GET", `/api/plans/${own.id}/report?year=2022`);
    expect(page.statusCode, page.body).toBe(200);
    const report = page.json<PlanReportView>();
    expect(report.kind).toBe("monitoring");
    expect(report.targets.map((t) => [t.metric, t.value])).toEqual([
      [target.metric, (target.value ?? 0) + 1],
    ]);
    expect(report.targets[0]?.units).toEqual(["崆峒区教育局", finance.name]);
    expect((await leader.request("GET", `/api/plans/${higher.id}/report?year=2022`)).statusCode).toBe(409);
    const docx = await leader.request("GET", `/api/plans/${own.id}/report.docx?year=2022`);
    expect(docx.statusCode, docx.body).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain(`《${own.title}》2022年度实施进展监测报告`);
    expect(text).toContain("目标完成情况");
    expect(text).toContain(target.metric);
    expect(text).toContain("崆峒区教育局");

    const implementation = await leader.request(
      "GET",
      `/api/plans/${higher.id}/implementation-report.docx?year=2022`,
    );
    expect(implementation.statusCode, implementation.body).toBe(200);
    const impl = (await mammoth.extractRawText({ buffer: implementation.rawPayload })).value;
    expect(impl).toContain(`关于贯彻落实《${higher.title}》情况的报告`);
    expect(impl).toContain(`承接条目：${withTarget.title}`);
    expect(impl).toContain("本地未承接该项任务。");
    const exports = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "plan.report-export",
      limit: 5,
      offset: 0,
    });
    expect(exports.rows.map((r) => r.actor_login)).toEqual(["leader", "leader"]);

    const entry = (
      await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, action: "plan.adopt", limit: 1, offset: 0 })
    ).rows[0];
    expect(entry).toMatchObject({
      actor_login: "bureauplanner",
      entity_id: own.id,
      after: { adoptsPlanId: higher.id, items: 2 },
    });
  });

  it("refuses a 承接方案 of the county's own plan, whose 2023 report is its 中期评估", async () => {
    // 专科+ share of 小学 teachers 70 → 75 % over 2019–2022: too slow for the plan's target
    for (const [y, associate] of [
      [2019, 14],
      [2020, 14],
      [2021, 15],
      [2022, 15],
    ] as const) {
      const res = await planner.request("POST", "/api/stats/imports", {
        fileName: `${String(y)}.xlsx`,
        year: y,
        contentBase64: await teachers(y, associate),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await planner.request("POST", "/api/plans", {
      fileName: "崆峒区规划.txt",
      contentBase64: seed("000_0be9ef1e3056036c"),
    });
    const own = res.json<PlanDetail>();
    expect((await planner.request("POST", `/api/plans/${own.id}/confirm`)).statusCode).toBe(200);
    expect((await planner.request("GET", `/api/plans/${own.id}/adoption`)).statusCode).toBe(409);

    // 十四五 (2021–2025) in 2023: the 中期评估报告 with the targets at risk and what they need
    const res2 = await leader.request("GET", `/api/plans/${own.id}/report?year=2023`);
    expect(res2.statusCode, res2.body).toBe(200);
    const midterm = res2.json<PlanReportView>();
    expect(midterm.kind).toBe("midterm");
    expect(midterm.title).toContain("中期评估报告");
    expect(midterm.targets.length).toBeGreaterThan(5);
    expect(midterm.atRisk.length).toBeGreaterThan(0);
    expect(midterm.atRisk.some((a) => a.need.startsWith("需每年提高"))).toBe(true);
    const docx = await leader.request("GET", `/api/plans/${own.id}/report.docx?year=2023`);
    expect(docx.statusCode).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    expect(text).toContain("存在风险的目标及实现路径");
    expect(text).toContain("图1");
  });
});
