import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, planRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { PlanDetail, PlanDiff } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const SEED_001 = readFileSync(
  new URL("../../../../domain/fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url),
);
const upload = (fileName: string, bytes: Uint8Array) => ({
  fileName,
  contentBase64: Buffer.from(bytes).toString("base64"),
});

describe.each(testEngines())("plans on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let plan: PlanDetail;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    const res = await planner.request("POST", "/api/plans", upload("西宁市实施方案.txt", SEED_001));
    expect(res.statusCode).toBe(201);
    plan = res.json<PlanDetail>();
  });
  afterAll(async () => {
    await server.close();
  });

  const counts = async () => ({
    plans: (await planRepo.listInScope(server.handle.db, WHOLE_TREE)).length,
    audit: (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, limit: 1, offset: 0 })).total,
  });

  it("imports a document as a draft with its tree, units and targets", async () => {
    expect(plan.status).toBe("draft");
    expect(plan.title).toMatch(/西宁市/);
    expect(plan.nodes.filter((n) => n.role === "task").length).toBeGreaterThanOrEqual(29);
    const withLead = plan.nodes.find((n) => n.units.some((u) => u.isLead));
    expect(withLead?.units[0]?.isLead).toBe(true);
    const source = await planner.request("GET", `/api/plans/${plan.id}/source`);
    const text = source.json<{ text: string }>().text;
    const node = plan.nodes[0];
    expect(text.slice(node?.titleSpan[0], node?.titleSpan[1])).not.toBe("");
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "plan.import",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry?.actor_login).toBe("bureauplanner");
    const list = await planner.request("GET", "/api/plans");
    expect(list.json<{ items: { id: string; taskCount: number }[] }>().items[0]).toMatchObject({
      id: plan.id,
    });
  });

  it.each([
    ["an empty file", upload("空.txt", new Uint8Array()), 400, /空/],
    [
      "a binary file",
      upload(
        "图片.txt",
        Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256),
      ),
      400,
      /二进制|不是文本/,
    ],
    ["a file of another type", upload("表格.xls", new Uint8Array([1, 2, 3])), 400, /只支持/],
    ["a broken workbook", upload("表格.xlsx", new Uint8Array([1, 2, 3])), 400, /不是有效的 Excel/],
    ["a fake pdf", upload("假.pdf", new TextEncoder().encode("not a pdf at all")), 400, /PDF|pdf/],
  ])("refuses %s with a clear message and writes nothing", async (_name, body, status, message) => {
    const before = await counts();
    const res = await planner.request("POST", "/api/plans", body);
    expect(res.statusCode).toBe(status);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("imports a 任务分解表 workbook: one item per row with its units, lead and 完成时限", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("任务分解");
    sheet.addRow(["测试县2024年教育重点工作任务分解表"]);
    sheet.addRow(["序号", "重点工作任务", "牵头单位", "配合单位", "完成时限"]);
    sheet.addRow([1, "学前三年毛入园率达到92%以上。", "市教育局", "市财政局、市发展改革委", "2024年12月底"]);
    sheet.addRow([2, "新建幼儿园3所。\n补充教师。", "市教育局", "", "长期坚持"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await planner.request("POST", "/api/plans", upload("任务分解表.xlsx", bytes));
    expect(res.statusCode, res.body).toBe(201);
    const table = res.json<PlanDetail>();
    expect(table.nodes.map((n) => [n.path, n.title, n.deadline])).toEqual([
      ["1", "学前三年毛入园率达到92%以上", "2024年12月底"],
      ["2", "新建幼儿园3所", "长期坚持"],
    ]);
    expect(table.nodes[0]?.units.map((u) => [u.name, u.isLead])).toEqual([
      ["市教育局", true],
      ["市财政局", false],
      ["市发展改革委", false],
    ]);
    expect(table.targets.map((t) => [t.path, t.value])).toEqual([
      ["1", 92],
      ["2", 3],
    ]);
    expect(table.parseIssues.map((i) => i.code)).toContain("task-table");
    // the trail of a refused or discarded draft is the import's own; this one is thrown away
    expect((await planner.request("POST", `/api/plans/${table.id}/discard`)).statusCode).toBe(200);
  });

  it("imports a Word 97 (.doc) file the way a government site publishes it", async () => {
    const bytes = readFileSync(new URL("../../documents/fixtures/task-table.doc", import.meta.url));
    const res = await planner.request("POST", "/api/plans", upload("任务分解表.doc", bytes));
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json<PlanDetail>();
    expect(doc.nodes.map((n) => [n.path, n.deadline])).toEqual([
      ["1", "2024年12月底"],
      ["2", "2024年9月"],
    ]);
    expect((await planner.request("POST", `/api/plans/${doc.id}/discard`)).statusCode).toBe(200);
  });

  it("lets staff fix a title and units, with the change in the trail", async () => {
    const task = plan.nodes.find((n) => n.role === "task" && n.units.length > 0);
    expect(task).toBeDefined();
    const res = await planner.request("PATCH", `/api/plans/${plan.id}/nodes/${task?.id ?? ""}`, {
      title: "改过的标题",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<PlanDetail>().nodes.find((n) => n.id === task?.id)?.title).toBe("改过的标题");
    const units = await planner.request("PUT", `/api/plans/${plan.id}/nodes/${task?.id ?? ""}/units`, {
      units: [
        { name: "区财政局", orgUnitId: await server.unitId("620802-czj"), isLead: true },
        { name: "某某委员会", orgUnitId: null, isLead: false },
      ],
    });
    expect(units.statusCode).toBe(200);
    const after = units.json<PlanDetail>().nodes.find((n) => n.id === task?.id);
    expect(after?.units.map((u) => [u.name, u.isLead, u.orgUnitName, u.match])).toEqual([
      ["区财政局", true, "崆峒区财政局", "confirmed"],
      ["某某委员会", false, null, "none"],
    ]);
    const outside = await planner.request("PUT", `/api/plans/${plan.id}/nodes/${task?.id ?? ""}/units`, {
      units: [{ name: "泾川县城关小学", orgUnitId: await server.unitId("1620821001"), isLead: true }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      error: { details: { fields: [{ path: "body.units.0.orgUnitId" }] } },
    });
    const twoLeads = await planner.request("PUT", `/api/plans/${plan.id}/nodes/${task?.id ?? ""}/units`, {
      units: [
        { name: "甲", orgUnitId: null, isLead: true },
        { name: "乙", orgUnitId: null, isLead: true },
      ],
    });
    expect(twoLeads.statusCode).toBe(400);
    expect(twoLeads.json<{ error: { message: string } }>().error.message).toMatch(/牵头单位只能有一个/);
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "plan.node-update",
      limit: 1,
      offset: 0,
    });
    expect(trail.rows[0]?.after).toMatchObject({ title: "改过的标题" });
  });

  it("adds, edits and deletes targets", async () => {
    const created = await planner.request("POST", `/api/plans/${plan.id}/targets`, {
      path: "1",
      text: "巩固率达到98%",
      metric: "九年义务教育巩固率",
      indicatorCode: null,
      comparator: ">=",
      value: 98,
      valueMax: null,
      unit: "%",
      year: 2020,
      kind: "target",
    });
    expect(created.statusCode).toBe(200);
    const target = created.json<PlanDetail>().targets.find((t) => t.text === "巩固率达到98%");
    const edited = await planner.request("PATCH", `/api/plans/${plan.id}/targets/${target?.id ?? ""}`, {
      value: 99,
    });
    expect(edited.json<PlanDetail>().targets.find((t) => t.id === target?.id)?.value).toBe(99);
    const badYear = await planner.request("PATCH", `/api/plans/${plan.id}/targets/${target?.id ?? ""}`, {
      year: 3000,
    });
    expect(badYear.statusCode).toBe(400);
    const deleted = await planner.request("DELETE", `/api/plans/${plan.id}/targets/${target?.id ?? ""}`);
    expect(deleted.json<PlanDetail>().targets.some((t) => t.id === target?.id)).toBe(false);
  });

  it("splits a node and merges it back", async () => {
    const task = plan.nodes
      .filter((n) => n.role === "task" && !plan.nodes.some((c) => c.parentPath === n.path))
      .at(3);
    expect(task).toBeDefined();
    const [, end] = task?.span ?? [0, 0];
    const offset = Math.floor(((task?.titleSpan[1] ?? 0) + end) / 2);
    const bad = await planner.request("POST", `/api/plans/${plan.id}/nodes/${task?.id ?? ""}/split`, {
      offset: end + 10,
      title: "x",
    });
    expect(bad.statusCode).toBe(400);
    const split = await planner.request("POST", `/api/plans/${plan.id}/nodes/${task?.id ?? ""}/split`, {
      offset,
      title: "拆出的条目",
    });
    expect(split.statusCode).toBe(200);
    const afterSplit = split.json<PlanDetail>();
    const index = afterSplit.nodes.findIndex((n) => n.id === task?.id);
    const added = afterSplit.nodes[index + 1];
    expect(added?.title).toBe("拆出的条目");
    expect(afterSplit.nodes[index]?.span[1]).toBe(offset);
    const merged = await planner.request("POST", `/api/plans/${plan.id}/nodes/${added?.id ?? ""}/merge`);
    expect(merged.statusCode).toBe(200);
    const back = merged.json<PlanDetail>().nodes.find((n) => n.id === task?.id);
    expect(back?.span).toEqual(task?.span);
    expect(merged.json<PlanDetail>().nodes).toHaveLength(plan.nodes.length);
  });

  it("confirms, then refuses edits with 409, and exports the task table", async () => {
    const confirmed = await planner.request("POST", `/api/plans/${plan.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<PlanDetail>().status).toBe("confirmed");
    const again = await planner.request("POST", `/api/plans/${plan.id}/confirm`);
    expect(again.statusCode).toBe(409);
    const node = plan.nodes[0];
    const edit = await planner.request("PATCH", `/api/plans/${plan.id}/nodes/${node?.id ?? ""}`, {
      title: "x",
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ error: { code: "invalid-transition" } });

    const xlsx = await planner.request("GET", `/api/plans/${plan.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("任务分解表");
    expect(sheet?.getRow(2).values).toEqual([
      undefined,
      "序号",
      "任务",
      "牵头单位",
      "责任单位",
      "目标",
      "时限",
    ]);
    const rows = (sheet?.rowCount ?? 0) - 2;
    expect(rows).toBe(confirmed.json<PlanDetail>().taskCount);
    expect(rows).toBe(29);
    const edited: unknown[] = [];
    sheet?.eachRow((row) => {
      if (row.getCell(2).value === "改过的标题") {
        edited.push(row.getCell(3).value);
      }
    });
    expect(edited).toEqual(["区财政局"]);
  });

  it("makes a re-import of the revised document a new version showing what changed", async () => {
    // Staff confirmed indicator links on the first version: one to an indicator, one to "none".
    const v1 = (await planner.request("GET", `/api/plans/${plan.id}`)).json<PlanDetail>();
    const [linked, unmeasured, untouched] = v1.targets.filter(
      (t, i, all) => t.kind === "target" && all.findIndex((o) => o.text === t.text) === i,
    );
    for (const [t, indicatorCode] of [
      [linked, "preschool-gross-enrolment-rate"],
      [unmeasured, null],
    ] as const) {
      const res = await planner.request("PUT", `/api/targets/${t?.id ?? ""}/link`, { indicatorCode });
      expect(res.statusCode).toBe(200);
    }
    const revised = Buffer.concat([
      SEED_001,
      Buffer.from("\n三十、新增一项任务。加强督导。（责任单位：市教育局）\n"),
    ]);
    const res = await planner.request("POST", "/api/plans", upload("西宁市实施方案（修订）.txt", revised));
    const draft = res.json<PlanDetail>();
    expect(draft.revisesPlanId).toBe(plan.id);
    expect(draft.version).toBe(2);
    const diff = (await planner.request("GET", `/api/plans/${draft.id}/diff`)).json<PlanDiff>();
    expect(diff.basePlanId).toBe(plan.id);
    expect(diff.changed.some((c) => c.after === "改过的标题" || c.before === "改过的标题")).toBe(true);
    // The revision renumbers the linked target's item: the link follows the text, not the path.
    const moved = draft.targets.find((t) => t.text === linked?.text);
    const otherPath = draft.nodes.find((n) => n.path !== moved?.path)?.path ?? "";
    await planner.request("PATCH", `/api/plans/${draft.id}/targets/${moved?.id ?? ""}`, { path: otherPath });
    const confirmed = await planner.request("POST", `/api/plans/${draft.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    const old = (await planner.request("GET", `/api/plans/${plan.id}`)).json<PlanDetail>();
    expect(old.status).toBe("superseded");

    const links = async (planId: string) => {
      const row = await planRepo.findById(server.handle.db, planId);
      if (row === undefined) {
        throw new Error(`no plan ${planId}`);
      }
      const { targets } = await planRepo.loadTree(server.handle.db, row);
      return targets.map((t) => ({
        id: t.id,
        text: t.text,
        path: t.path,
        indicator_code: t.indicator_code,
        indicator_confirmed_at: t.indicator_confirmed_at,
        indicator_confirmed_by: t.indicator_confirmed_by,
      }));
    };
    const before = await links(plan.id);
    const after = await links(draft.id);
    const was = (text: string | undefined) => before.find((t) => t.text === text);
    const now = (text: string | undefined) => after.find((t) => t.text === text);
    expect(now(linked?.text)).toMatchObject({
      path: otherPath,
      indicator_code: "preschool-gross-enrolment-rate",
      indicator_confirmed_by: was(linked?.text)?.indicator_confirmed_by,
    });
    expect(now(linked?.text)?.path).not.toBe(was(linked?.text)?.path);
    expect(now(linked?.text)?.indicator_confirmed_at).toEqual(was(linked?.text)?.indicator_confirmed_at);
    expect(now(unmeasured?.text)?.indicator_code).toBeNull();
    expect(now(unmeasured?.text)?.indicator_confirmed_at).not.toBeNull();
    expect(now(untouched?.text)?.indicator_confirmed_at).toBeNull();
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "plan.confirm",
        entityId: draft.id,
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    const carried = (entry?.details as { carriedIndicatorLinks?: unknown[] } | null)?.carriedIndicatorLinks;
    expect(carried).toHaveLength(2);
    expect(carried).toEqual(
      expect.arrayContaining([
        {
          targetId: now(linked?.text)?.id,
          fromTargetId: linked?.id,
          indicatorCode: "preschool-gross-enrolment-rate",
        },
        { targetId: now(unmeasured?.text)?.id, fromTargetId: unmeasured?.id, indicatorCode: null },
      ]),
    );
  });

  it("keeps plans to their scope and roles", async () => {
    const unit = new TestClient(server.app);
    await unit.login("unituser");
    expect((await unit.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(403);
    const post = await unit.request(
      "POST",
      "/api/plans",
      upload("x.txt", new TextEncoder().encode("一、总则")),
    );
    expect(post.statusCode).toBe(403);
    const leader = new TestClient(server.app);
    await leader.login("leader");
    expect((await leader.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await leader.request("POST", `/api/plans/${plan.id}/discard`)).statusCode).toBe(403);
    const auditor = new TestClient(server.app);
    await auditor.login("auditadmin");
    expect((await auditor.request("GET", "/api/plans")).statusCode).toBe(403);
  });
});
