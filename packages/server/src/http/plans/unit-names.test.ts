// Issue 12: the units of an imported document resolved once for the whole plan — 统一对应, unit groups
// that fan out on batch 立项, and the renamed-agency table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, orgUnitRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { PlanDetail, TaskBatchResult, TaskDetail, UnitNameRulesView } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

/** The test county gets the departments the document names (current names only) and two more 乡镇. */
const department = (key: string, name: string, alias: string) => ({
  code: `620802-${key}`,
  name,
  kind: "department" as const,
  aliases: [alias],
});
const EXTRA_UNITS = [
  department("zrzyj", "崆峒区自然资源局", "区自然资源局"),
  department("wjj", "崆峒区卫生健康局", "区卫健局"),
  department("xfdd", "平凉市崆峒区消防救援大队", "区消防救援大队"),
  department("mzj", "崆峒区民政局", "区民政局"),
  { code: "620802002", name: "西郊街道", kind: "township" as const },
  { code: "620802003", name: "崆峒镇", kind: "township" as const },
];

const PLAN = `崆峒区合成测试单位名称行动方案

为推进全区教育事业发展，制定本方案。

一、主要任务

（一）合成测试改善办学条件。完成薄弱学校改造。（责任单位：区教育局、区国土局、各乡镇）

（二）合成测试加强校园安全。开展校园周边环境整治。（牵头单位：各乡镇（街道）；配合单位：区卫生局、区消防支队）

（三）合成测试推进控辍保学。落实义务教育入学工作。（责任单位：各乡镇、区教育局、区文体广电局）

（四）合成测试建设学校食堂。完成食堂改造。（责任单位：区国土局、区民政局、区新设示范中心）
`;

type ErrorBody = { error: { message: string } };
const DAY = 86_400_000;
const chinaDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

describe.each(testEngines())("plan unit names on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let leader: TestClient;
  let plan: PlanDetail;
  beforeAll(async () => {
    server = await createTestServer(engine);
    planner = new TestClient(server.app);
    leader = new TestClient(server.app);
    await planner.login("bureauplanner");
    await leader.login("leader");
    const county = await orgUnitRepo.findByCode(server.handle.db, "620802");
    if (county === undefined) {
      throw new Error("test world changed");
    }
    for (const unit of EXTRA_UNITS) {
      await orgUnitRepo.insert(server.handle.db, { ...unit, parent_id: county.id }, county);
    }
    const res = await planner.request("POST", "/api/plans", {
      fileName: "单位名称.txt",
      contentBase64: Buffer.from(PLAN).toString("base64"),
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json<PlanDetail>();
  });
  afterAll(async () => {
    await server.close();
  });

  const named = (p: PlanDetail, name: string) => p.unitNames.find((u) => u.name === name);

  it("lists every distinct name once with how it resolved", async () => {
    const zrzyj = await server.unitId("620802-zrzyj");
    const wjj = await server.unitId("620802-wjj");
    expect(plan.unitNames.map((u) => u.name).sort()).toEqual(
      [
        "区教育局",
        "区国土局",
        "各乡镇",
        "各乡镇(街道)",
        "区卫生局",
        "区消防支队",
        "区文体广电局",
        "区民政局",
        "区新设示范中心",
      ].sort(),
    );
    expect(named(plan, "区教育局")).toMatchObject({
      items: 2,
      resolution: "alias",
      resolutionLabel: "名录别名",
    });
    // 国土局 became 自然资源局 in the 2018 reform: tied on import, on both items
    expect(named(plan, "区国土局")).toMatchObject({
      items: 2,
      resolution: "renamed",
      orgUnitId: zrzyj,
      orgUnitName: "崆峒区自然资源局",
      renamedTo: "区自然资源局",
    });
    expect(named(plan, "区国土局")?.renameNote).toContain("2018");
    expect(named(plan, "区卫生局")).toMatchObject({ resolution: "renamed", orgUnitId: wjj });
    expect(named(plan, "区消防支队")).toMatchObject({
      resolution: "renamed",
      orgUnitName: "平凉市崆峒区消防救援大队",
    });
    // renamed, but the demo county keeps no 文旅局: unresolved, saying what it is called now
    expect(named(plan, "区文体广电局")).toMatchObject({ resolution: "none", renamedTo: "区文旅局" });
    expect(named(plan, "各乡镇")).toMatchObject({ items: 2, resolution: "group", groupName: "各乡镇" });
    expect(named(plan, "各乡镇(街道)")).toMatchObject({ resolution: "group", groupName: "各乡镇" });
    const group = plan.unitGroups.find((g) => g.name === "各乡镇");
    expect(group?.members.map((m) => m.name)).toEqual(["中街街道", "西郊街道", "崆峒镇"]);
    expect(named(plan, "区新设示范中心")).toMatchObject({ resolution: "none", orgUnitId: null });
    const item = plan.nodes.find((n) => n.title.startsWith("合成测试加强校园安全"));
    expect(item?.units[0]).toMatchObject({
      name: "各乡镇(街道)",
      isLead: true,
      match: "group",
      groupName: "各乡镇",
    });
  });

  it("maps one name on every item of the draft, recorded and audited", async () => {
    const mzj = await server.unitId("620802-mzj");
    const path = `/api/plans/${plan.id}/unit-names`;
    expect((await leader.request("POST", path, { name: "区新设示范中心", orgUnitId: mzj })).statusCode).toBe(
      403,
    );
    expect((await planner.request("POST", path, { name: "不存在的名称", orgUnitId: mzj })).statusCode).toBe(
      404,
    );
    const other = await server.unitId("1620821001");
    expect(
      (await planner.request("POST", path, { name: "区新设示范中心", orgUnitId: other })).statusCode,
    ).toBe(400);
    const res = await planner.request("POST", path, { name: "区国土局", orgUnitId: mzj });
    expect(res.statusCode, res.body).toBe(200);
    plan = res.json<PlanDetail>();
    expect(named(plan, "区国土局")).toMatchObject({ items: 2, resolution: "confirmed", orgUnitId: mzj });
    const tied = plan.nodes.flatMap((n) => n.units).filter((u) => u.name === "区国土局");
    expect(tied.map((u) => [u.orgUnitId, u.match])).toEqual([
      [mzj, "confirmed"],
      [mzj, "confirmed"],
    ]);
    const entry = (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "plan.unit-map",
        limit: 1,
        offset: 0,
      })
    ).rows[0];
    expect(entry).toMatchObject({
      actor_login: "bureauplanner",
      entity_id: plan.id,
      after: { name: "区国土局", orgUnitId: mzj, items: 2 },
    });
    // null leaves the name as written again on every item: the rename table ties it once more
    const undone = await planner.request("POST", path, { name: "区国土局", orgUnitId: null });
    expect(named(undone.json<PlanDetail>(), "区国土局")).toMatchObject({
      items: 2,
      resolution: "renamed",
      orgUnitId: await server.unitId("620802-zrzyj"),
    });
  });

  it("keeps the county's own rules: an edited rename and a group alias apply at once", async () => {
    const view = (await planner.request("GET", "/api/plans/unit-name-rules")).json<UnitNameRulesView>();
    expect(view.isDefault).toBe(true);
    expect(view.groupSizes.find((g) => g.name === "各乡镇")?.members).toBe(3);
    const rules = {
      renames: [
        ...view.rules.renames,
        { from: "新设示范中心", to: "民政局", year: 2025, source: "合成测试：区政府机构调整通知" },
      ],
      groups: view.rules.groups,
    };
    expect((await leader.request("PUT", "/api/plans/unit-name-rules", rules)).statusCode).toBe(403);
    const twice = { ...rules, groups: [...rules.groups, { ...rules.groups[0], aliases: [] }] };
    expect((await planner.request("PUT", "/api/plans/unit-name-rules", twice)).statusCode).toBe(400);
    const saved = await planner.request("PUT", "/api/plans/unit-name-rules", rules);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<UnitNameRulesView>().isDefault).toBe(false);
    const again = (await planner.request("GET", `/api/plans/${plan.id}`)).json<PlanDetail>();
    expect(named(again, "区新设示范中心")).toMatchObject({
      resolution: "renamed",
      orgUnitId: await server.unitId("620802-mzj"),
    });
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "plan.unit-name-rules",
      limit: 1,
      offset: 0,
    });
    expect(trail.rows).toHaveLength(1);
  });

  it("fans a task given to a group out to its members on batch 立项, one task each", async () => {
    expect((await planner.request("POST", `/api/plans/${plan.id}/confirm`)).statusCode).toBe(200);
    plan = (await planner.request("GET", `/api/plans/${plan.id}`)).json<PlanDetail>();
    const item = plan.nodes.find((n) => n.title.startsWith("合成测试加强校园安全"));
    const members = plan.unitGroups.find((g) => g.name === "各乡镇")?.members ?? [];
    const wjj = await server.unitId("620802-wjj");
    const row = {
      planNodeId: item?.id ?? "",
      title: item?.title ?? "",
      leadGroup: "各乡镇（街道）",
      coUnitIds: [wjj],
      deadline: chinaDay(Date.now() + 60 * DAY),
    };
    const unknown = await planner.request("POST", "/api/tasks/batch", {
      planId: plan.id,
      rows: [{ ...row, leadGroup: "各部委" }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error.message).toMatch(/“各部委”不是本辖区设定的单位组$/);
    const both = await planner.request("POST", "/api/tasks/batch", {
      planId: plan.id,
      rows: [{ ...row, leadUnitId: wjj }],
    });
    expect(both.statusCode).toBe(400);
    const made = await planner.request("POST", "/api/tasks/batch", { planId: plan.id, rows: [row] });
    expect(made.statusCode, made.body).toBe(201);
    const ids = made.json<TaskBatchResult>().taskIds;
    expect(ids).toHaveLength(members.length);
    const leads = new Set<string>();
    for (const id of ids) {
      const task = (await planner.request("GET", `/api/tasks/${id}`)).json<TaskDetail>();
      leads.add(task.leadUnit.id);
      expect(task.coUnits.map((u) => u.id)).toEqual([wjj]);
    }
    expect([...leads].sort()).toEqual(members.map((m) => m.orgUnitId).sort());
  });
});
